import { MAX_SERIES_POINTS } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { intervalOptions, requestInterval, seriesSpan } from './intervalChoice.ts'

const DAY = 86_400_000
const festival = { start: '2020-11-01T00:00:00+08:00', end: '2020-11-12T00:00:00+08:00', timeZone: 'Asia/Shanghai' }
const openEnded = { start: null, end: null, timeZone: 'Asia/Shanghai' }

describe('the interval an analyst may choose', () => {
  test('over the whole 11-day festival, one-minute buckets (15,840) are refused as the server would; the rest are offered', () => {
    const span = seriesSpan({}, festival, undefined)
    expect(span).toBe(11 * DAY)
    const options = intervalOptions(span)
    expect(options.find((option) => option.choice === '1m')).toEqual({ choice: '1m', points: 15_840, allowed: false })
    expect(options.filter((option) => option.allowed).map((option) => option.choice)).toEqual([
      'auto',
      '5m',
      '1h',
      '1d',
    ])
    expect(requestInterval('1m', span)).toBe('auto')
    expect(requestInterval('5m', span)).toBe('5m')
  })

  test('over one day every interval is offered, up to exactly the server’s limit', () => {
    const day = seriesSpan({ from: 0, to: DAY }, festival, undefined)
    expect(intervalOptions(day).every((option) => option.allowed)).toBe(true)
    expect(intervalOptions(MAX_SERIES_POINTS * 60_000).find((option) => option.choice === '1m')?.allowed).toBe(true)
    expect(intervalOptions(MAX_SERIES_POINTS * 60_000 + 1).find((option) => option.choice === '1m')?.allowed).toBe(
      false,
    )
  })

  test('an open end is filled as the server fills it: the campaign window, or the span the last answer reports', () => {
    const frozen = Date.parse('2020-11-03T00:00:00+08:00')
    expect(seriesSpan({ to: frozen }, festival, undefined)).toBe(2 * DAY)
    expect(seriesSpan({}, openEnded, { from: '2020-11-11T00:00:00Z', to: '2020-11-11T06:00:00Z' })).toBe(6 * 3_600_000)
    // Not known yet: every choice stays on offer, and the server's answer will say if one is too fine.
    expect(seriesSpan({}, openEnded, undefined)).toBeNull()
    expect(intervalOptions(null).every((option) => option.allowed)).toBe(true)
  })
})
