import { FILTER_DIMENSIONS, TOP_SORTS } from '@gmv-pulse/shared'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import {
  DEFAULT_STATE,
  drill,
  type ExplorerState,
  parseExplorerState,
  type RangePreset,
  serializeExplorerState,
} from './explorerState.ts'
import { INTERVAL_CHOICES } from './intervalChoice.ts'
import { campaignDay, campaignDays, resolveRange } from './timeRange.ts'

const YEAR_2100 = Date.UTC(2100, 0, 1)
const text = fc.string({ minLength: 1, maxLength: 40 })
const instant = fc.integer({ min: 0, max: YEAR_2100 })

const rangeArb: fc.Arbitrary<RangePreset> = fc.oneof(
  fc.constant({ kind: 'campaign' } as const),
  fc.constant({ kind: 'lastHour' } as const),
  fc.integer({ min: 1, max: 60 }).map((day) => ({ kind: 'day', day }) as const),
  fc
    .tuple(instant, instant)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => ({ kind: 'custom', from: Math.min(a, b), to: Math.max(a, b) }) as const),
)

const stateArb: fc.Arbitrary<ExplorerState> = fc.record({
  filter: fc.record(
    { brand: text, category: text, channel: text, liveRoom: text, region: fc.constantFrom('CN-ZJ', 'SG', 'US') },
    { requiredKeys: [] },
  ),
  range: rangeArb,
  interval: fc.constantFrom(...INTERVAL_CHOICES),
  compare: fc.boolean(),
  by: fc.uniqueArray(fc.constantFrom(...FILTER_DIMENSIONS), { minLength: 1, maxLength: 2 }),
  sort: fc.constantFrom(...TOP_SORTS),
  frozenAt: fc.option(instant, { nil: null }),
})

describe('explorer state in the URL', () => {
  test('any state survives a round trip through the query string', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(parseExplorerState(serializeExplorerState(state))).toEqual(state)
      }),
      { numRuns: 500 },
    )
  })

  test('the same state always writes the same URL, whatever order it was read in', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const once = serializeExplorerState(state)
        const reordered = new URLSearchParams([...new URLSearchParams(once)].reverse()).toString()
        expect(serializeExplorerState(parseExplorerState(reordered))).toBe(once)
      }),
    )
  })

  test('defaults stay out of the link and foreign parameters are kept', () => {
    expect(serializeExplorerState(DEFAULT_STATE)).toBe('')
    expect(serializeExplorerState({ ...DEFAULT_STATE, filter: { brand: 'L’Oréal & Co' } }, 'lang=en&brand=Nike')).toBe(
      'lang=en&brand=L%E2%80%99Or%C3%A9al+%26+Co',
    )
  })

  test('a malformed link falls back to defaults instead of failing', () => {
    expect(parseExplorerState('?range=day99&sort=price&by=color&compare=maybe&frozen=soon')).toEqual(DEFAULT_STATE)
    expect(parseExplorerState('?range=custom&from=2020-11-12T00:00:00Z&to=2020-11-11T00:00:00Z').range).toEqual({
      kind: 'campaign',
    })
  })

  test('a drill pins the clicked key and shows the next dimensions', () => {
    const byCategory = drill(DEFAULT_STATE, 'category', 'Beauty')
    expect(byCategory.filter).toEqual({ category: 'Beauty' })
    expect(byCategory.by).toEqual(['brand'])
    const byBrand = drill(byCategory, 'brand', 'Lancôme')
    expect(byBrand.filter).toEqual({ category: 'Beauty', brand: 'Lancôme' })
    expect(byBrand.by).toEqual(['channel', 'region'])
    expect(drill({ ...DEFAULT_STATE, filter: { brand: 'Nike' } }, 'region', 'CN-ZJ').by).toEqual(['category'])
  })
})

describe('time range presets in the campaign time zone', () => {
  // 11.11 in 2020 ran from Nov 1 00:00 to Nov 12 00:00 Shanghai time (UTC+8).
  const campaign = { start: '2020-10-31T16:00:00Z', end: '2020-11-11T16:00:00Z', timeZone: 'Asia/Shanghai' }

  test('day N runs from local midnight to local midnight', () => {
    expect(campaignDays(campaign)).toBe(11)
    expect(campaignDay(campaign, 11)).toEqual({
      from: Date.parse('2020-11-10T16:00:00Z'),
      to: Date.parse('2020-11-11T16:00:00Z'),
    })
    expect(campaignDay(campaign, 12)).toBeNull()
  })

  test('a campaign starting mid-day clips its first day', () => {
    const late = { ...campaign, start: '2020-11-01T04:00:00Z' }
    expect(campaignDay(late, 1)).toEqual({
      from: Date.parse('2020-11-01T04:00:00Z'),
      to: Date.parse('2020-11-01T16:00:00Z'),
    })
  })

  test('freezing stops every range at the frozen instant', () => {
    const frozen = Date.parse('2020-11-11T01:30:00Z')
    expect(resolveRange({ kind: 'campaign' }, campaign, 0, frozen)).toEqual({ to: frozen })
    expect(resolveRange({ kind: 'day', day: 11 }, campaign, 0, frozen)).toEqual({
      from: Date.parse('2020-11-10T16:00:00Z'),
      to: frozen,
    })
    expect(resolveRange({ kind: 'lastHour' }, campaign, 0, frozen)).toEqual({ from: frozen - 3_600_000, to: frozen })
  })

  test('live, the last hour moves once a minute and includes the current minute', () => {
    const now = Date.parse('2020-11-11T01:30:42Z')
    expect(resolveRange({ kind: 'lastHour' }, campaign, now, null)).toEqual({
      from: Date.parse('2020-11-11T00:31:00Z'),
      to: Date.parse('2020-11-11T01:31:00Z'),
    })
  })

  test('a custom range is typed as wall-clock time in the campaign zone', () => {
    const ms = fromLocalInput('2020-11-11T00:00', 'Asia/Shanghai')
    expect(ms).toBe(Date.parse('2020-11-10T16:00:00Z'))
    expect(toLocalInput(ms as number, 'Asia/Shanghai')).toBe('2020-11-11T00:00')
    expect(fromLocalInput('yesterday', 'Asia/Shanghai')).toBeNull()
  })
})
