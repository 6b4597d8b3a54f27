import type { Filter } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { OPEN_END_MS } from './grains.ts'
import { planSource, rollupsCover, type SourceRequest } from './planSource.ts'
import type { Column } from './rollupLevels.ts'

const DAY_START = Date.UTC(2020, 10, 10, 16) // 2020-11-11 00:00 China time
const HOUR = 3_600_000
const plan = (request: Partial<SourceRequest>) =>
  planSource({
    db: 'db',
    timeZone: 'Asia/Shanghai',
    filter: {},
    range: { fromMs: 0, toMs: 1 },
    prefix: 'p',
    ...request,
  })
const tables = (sql: string) => [...sql.matchAll(/FROM db\.(\w+)/g)].map((match) => match[1])

describe('which rows answer', () => {
  test('whole days need no raw row, filtered or not', () => {
    const range = { fromMs: DAY_START, toMs: DAY_START + 3 * 24 * HOUR }
    for (const filter of [{}, { category: 'Beauty' }, { brand: 'Acme' }, { liveRoom: 'Room 1' }]) {
      const source = plan({ filter, range })
      expect(source.rawMs, JSON.stringify(filter)).toBe(0)
      expect(tables(source.sql)).not.toContain('orders')
    }
  })

  test('an open end is a whole bucket: the campaign so far reads rollups only', () => {
    const source = plan({ filter: { region: 'CN-ZJ' }, range: { fromMs: DAY_START, toMs: OPEN_END_MS } })
    expect(source.rawMs).toBe(0)
  })

  test('ragged edges fall through finer rollups to raw rows shorter than the finest grain', () => {
    const range = { fromMs: DAY_START + 5 * HOUR + 61_234, toMs: DAY_START + 54 * HOUR + 7_500 }
    const unfiltered = plan({ range })
    // The whole day inside is read as 24 hours of the smallest pair, fewer rows than a day of the cube.
    expect(tables(unfiltered.sql).sort()).toEqual([
      'orders',
      'orders_by_hour_pair',
      'orders_by_minute_key',
      'orders_by_second',
    ])
    expect(unfiltered.rawMs).toBe(766 + 500)
    const category = plan({ filter: { category: 'Beauty' }, range })
    expect(category.rawMs).toBeLessThan(2 * 60_000)
    expect(tables(category.sql)).not.toContain('orders_by_second')
  })

  test('whole days are read from whichever rollup holds the fewest rows for them', () => {
    const range = { fromMs: DAY_START, toMs: DAY_START + 10 * 24 * HOUR }
    // A day of the full cube is ~23,500 rows; 24 hours of a pair holding the column, a few thousand at most.
    expect(tables(plan({ range }).sql)).toEqual(['orders_by_hour_pair'])
    expect(tables(plan({ range, columns: ['category'] }).sql)).toEqual(['orders_by_hour_pair'])
    // A category by region is 1,800 rows an hour, more than a day of the cube; three of the
    // cube's columns are kept together only in its days.
    expect(tables(plan({ range, columns: ['category', 'region'] }).sql)).toEqual(['orders_by_day_cube'])
    const three = plan({ filter: { channel: 'livestream' }, range, columns: ['category', 'region'] })
    expect(tables(three.sql)).toEqual(['orders_by_day_cube'])
    // A brand has its days alone.
    expect(tables(plan({ filter: { brand: 'Acme' }, range }).sql)).toEqual(['orders_by_brand_day'])
  })

  test('a total from the campaign start to a point inside it is the window less its rest, when the rest reads fewer rows', () => {
    const window = { startMs: DAY_START, endMs: DAY_START + 3 * 24 * HOUR }
    // Up to 18:00 of the last day: forward, two brand days and 18 hours of the brand's seconds; the rest, 6 hours.
    const toMs = DAY_START + 2 * 24 * HOUR + 18 * HOUR
    const request = { filter: { brand: 'Acme' }, range: { fromMs: window.startMs, toMs }, campaignWindow: window }
    const total = plan({ ...request, sumsOnly: true })
    expect(tables(total.sql)).toEqual(['brand_campaign', 'orders'])
    expect(total.sql).toContain('-gmv')
    expect(total.rawMs).toBe(0)
    // Not for a caller that groups or counts keys, nor when the rest is the longer part.
    expect(plan(request).sql).not.toContain('-gmv')
    expect(
      plan({ ...request, sumsOnly: true, range: { fromMs: window.startMs, toMs: toMs - 14 * HOUR } }).sql,
    ).not.toContain('-gmv')
  })

  test('a brand below a day reads its hours, then its seconds, and raw orders only inside a second', () => {
    const range = { fromMs: DAY_START + 1_500, toMs: DAY_START + 2 * 24 * HOUR + 18 * HOUR + 250 }
    const total = plan({ filter: { brand: 'Acme' }, range })
    expect(new Set(tables(total.sql))).toEqual(new Set(['orders_by_brand_day', 'orders']))
    expect(total.sql).toContain('sum(amount) AS gmv, count() AS orders FROM db.orders')
    // The first day's hours from 01:00 and the last day's 18 hours; seconds only inside 00:00–01:00.
    expect(total.sql).toContain('toStartOfHour(ts) >= ')
    expect(total.sql).toContain('toStartOfSecond(ts) >= ')
    // 500 ms at the start, 250 ms at the end.
    expect(total.rawMs).toBe(750)
    // An hourly series: no day nests in an hour, so whole hours come from the brand's hours and
    // the first, partial one from its seconds, summed to that hour in the read.
    const hourly = plan({ filter: { brand: 'Acme' }, range, grains: ['hour', 'minute', 'second'] })
    expect(tables(hourly.sql)).toEqual(['orders', 'orders', 'orders'])
    expect(hourly.sql).toContain("'hour' AS grain")
    expect(hourly.sql).toMatch(/GROUP BY toStartOfHour\(ts\)$/m)
    expect(hourly.sql).toMatch(/GROUP BY toStartOfHour\(toStartOfSecond\(ts\)\)$/m)
    // Its first hour starts where its seconds do, after the raw edge before them, not at 00:00.
    expect(hourly.sql).toContain('greatest(toStartOfHour(toStartOfSecond(ts)), fromUnixTimestamp64Milli(')
    expect(Object.values(hourly.params)).toContain(range.fromMs + 500)
    // The brand's hours are never summed again to hours.
    expect(hourly.sql).not.toContain('toStartOfHour(toStartOfHour(')
    expect(hourly.rawMs).toBe(750)
    expect(hourly.projectedMs).toBe(range.toMs - range.fromMs - 750)
    // Per second, for the orders/s window: no hour nests in a second.
    const perSecond = plan({ filter: { brand: 'Acme' }, range, grains: ['second'] })
    expect(perSecond.sql).toMatch(/GROUP BY toStartOfSecond\(ts\)$/)
    expect(perSecond.sql).not.toContain('toStartOfHour')
  })

  test('a brand and a region together: no rollup keeps both, so raw rows, under the read budget', () => {
    expect(rollupsCover({ brand: 'Acme', region: 'CN-ZJ' })).toBe(false)
    const source = plan({
      filter: { brand: 'Acme', region: 'CN-ZJ' },
      range: { fromMs: DAY_START, toMs: DAY_START + HOUR },
    })
    expect(tables(source.sql)).toEqual(['orders'])
  })

  test('the campaign window table answers brand questions over exactly the campaign, and nothing else', () => {
    const window = { startMs: DAY_START, endMs: DAY_START + 24 * HOUR }
    const campaign = { fromMs: window.startMs, toMs: window.endMs }
    expect(tables(plan({ columns: ['brand'], range: campaign, campaignWindow: window }).sql)).toEqual([
      'brand_campaign',
    ])
    // Keyed by brand alone: a brand may sell in several categories, so a category goes to brand-day rows.
    const category = plan({
      filter: { category: 'Beauty' },
      columns: ['brand'],
      range: campaign,
      campaignWindow: window,
    })
    expect(tables(category.sql)).toEqual(['orders_by_brand_day'])
    const shorter = plan({
      columns: ['brand'],
      range: { ...campaign, toMs: window.endMs - HOUR },
      campaignWindow: window,
    })
    expect(tables(shorter.sql)).not.toContain('brand_campaign')
  })

  test('the campaign window tables answer the cube and live rooms over exactly the campaign', () => {
    const window = { startMs: DAY_START, endMs: DAY_START + 24 * HOUR }
    const campaign = { fromMs: window.startMs, toMs: window.endMs }
    const planned = (filter: Filter, columns: Column[]) =>
      plan({ filter, columns, range: campaign, campaignWindow: window })
    expect(tables(planned({}, []).sql)).toEqual(['cube_campaign'])
    expect(tables(planned({ channel: 'livestream' }, ['region', 'brand_origin']).sql)).toEqual(['cube_campaign'])
    const rooms = planned({ region: 'CN-ZJ' }, ['live_room'])
    expect(tables(rooms.sql)).toEqual(['live_room_campaign'])
    expect(rooms.sql).toContain('carried = 1')
    // A live room under a channel is kept nowhere: raw rows, as over any other range.
    expect(tables(planned({ channel: 'livestream' }, ['live_room']).sql)).toEqual(['orders'])
    // Asked for exactly a campaign rollup's key, its rows are one per key (read with FINAL).
    expect(plan({ columns: ['brand'], range: campaign, campaignWindow: window }).onePerKey).toBe(true)
    expect(planned({}, ['live_room']).onePerKey).toBe(true)
    expect(planned({}, ['category']).onePerKey).toBe(false)
    expect(planned({}, ['category']).sql).not.toContain('FINAL')
    // Grouped by time, the window is time buckets again.
    const series = plan({ range: campaign, campaignWindow: window, grains: ['day', 'hour'] })
    expect(tables(series.sql)).not.toContain('cube_campaign')
  })

  test("last year's window table answers brand questions over exactly last year's window", () => {
    const lastYearWindow = { startMs: DAY_START, endMs: DAY_START + 24 * HOUR }
    const window = { fromMs: lastYearWindow.startMs, toMs: lastYearWindow.endMs }
    const brands = plan({ columns: ['brand'], range: window, lastYearWindow })
    expect(tables(brands.sql)).toEqual(['brand_last_year'])
    expect(brands.onePerKey).toBe(true)
    // Asked only which brands occur, the rows are read as they lie, without FINAL.
    const keys = plan({ columns: ['brand'], range: window, lastYearWindow, keysOnly: true })
    expect(keys.onePerKey).toBe(false)
    expect(keys.sql).not.toContain('FINAL')
    // It keeps brands alone: the cube over the same window reads time buckets.
    expect(tables(plan({ range: window, lastYearWindow }).sql)).not.toContain('brand_last_year')
    expect(
      tables(plan({ columns: ['brand'], range: { ...window, fromMs: window.fromMs + HOUR }, lastYearWindow }).sql),
    ).not.toContain('brand_last_year')
  })

  test('a time series reads only grains that nest in its buckets, and a shift only whole buckets of it', () => {
    const range = { fromMs: DAY_START, toMs: DAY_START + 2 * 24 * HOUR }
    expect(tables(plan({ range, grains: ['minute', 'second'] }).sql)).toEqual(['orders_by_minute_key'])
    const shifted = plan({ range, grains: ['day', 'hour', 'minute', 'second'], shiftMs: 366 * 24 * HOUR + 1000 })
    expect(tables(shifted.sql)).toEqual(['orders_by_second'])
  })

  test('filter values travel as parameters, never in the statement', () => {
    const source = plan({ filter: { brand: "x' OR 1=1 --" }, range: { fromMs: DAY_START, toMs: DAY_START + HOUR } })
    expect(source.sql).not.toContain('OR 1=1')
    expect(Object.values(source.params)).toContain("x' OR 1=1 --")
  })
})
