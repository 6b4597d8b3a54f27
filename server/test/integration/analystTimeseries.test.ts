import { type OrderInput, type Timeseries, timeseriesSchema } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { postOrders } from '../startTestServer.ts'
import {
  analystServerForFile,
  CAMPAIGN_END,
  CAMPAIGN_START,
  getOk,
  inRange,
  LAST_YEAR,
  LAST_YEAR_END,
  LAST_YEAR_START,
  OFFSET_MS,
  SHANGHAI_OFFSET_MS,
  sum,
  THIS_YEAR,
  ts,
} from './analystFixtures.ts'

const server = analystServerForFile()

const timeseries = (query: Record<string, string | number>): Promise<Timeseries> =>
  getOk(server().url, '/api/v1/timeseries', query, timeseriesSchema)

/** Bucket start in UTC ms for a width, taken in Shanghai (UTC+8, no summer time since 1991). */
const bucketOf = (ms: number, widthMs: number) =>
  Math.floor((ms + SHANGHAI_OFFSET_MS) / widthMs) * widthMs - SHANGHAI_OFFSET_MS

/** Expected series: every bucket of [from, to), this year's and last year's sums. */
function expectedSeries(
  fromMs: number,
  toMs: number,
  widthMs: number,
  keep: (order: OrderInput) => boolean = () => true,
) {
  const points = []
  for (let bucket = bucketOf(fromMs, widthMs); bucket < toMs; bucket += widthMs) {
    const start = Math.max(bucket, fromMs)
    const end = Math.min(bucket + widthMs, toMs)
    const lastFrom = Math.max(start - OFFSET_MS, LAST_YEAR_START)
    const lastTo = Math.min(end - OFFSET_MS, LAST_YEAR_END)
    points.push({
      t: new Date(bucket).toISOString(),
      ...sum(inRange(THIS_YEAR.filter(keep), start, end)),
      partial: false,
      lastYear: {
        t: new Date(bucket - OFFSET_MS).toISOString(),
        ...sum(inRange(LAST_YEAR.filter(keep), lastFrom, lastTo)),
      },
    })
  }
  return points
}

describe('GET /api/v1/timeseries', () => {
  test('per-hour buckets over the default campaign window, with last year aligned by campaign offset', async () => {
    const series = await timeseries({ interval: '1h' })
    expect(series.interval).toBe('1h')
    expect(series.timeZone).toBe('Asia/Shanghai')
    expect(series.from).toBe(new Date(CAMPAIGN_START).toISOString())
    expect(series.to).toBe(new Date(CAMPAIGN_END).toISOString())
    expect(series.lastYearOffsetMs).toBe(OFFSET_MS)
    expect(series.points).toHaveLength(24)
    expect(series.points).toEqual(expectedSeries(CAMPAIGN_START, CAMPAIGN_END, 3_600_000))
    // Orders before either window's start are outside both series.
    const counted = series.points.reduce((total, point) => total + point.orders, 0)
    expect(counted).toBe(inRange(THIS_YEAR, CAMPAIGN_START, CAMPAIGN_END).length)
    expect(counted).toBeLessThan(THIS_YEAR.length)
  })

  test('per-minute buckets under a filter, on a range with ragged millisecond edges', async () => {
    const from = CAMPAIGN_START + 3 * 60_000 + 123
    const to = CAMPAIGN_START + 3_600_000 + 4 * 60_000 + 456
    const series = await timeseries({ interval: '1m', from, to, channel: 'search', region: 'CN-ZJ' })
    const keep = (order: OrderInput) => order.channel === 'search' && order.region === 'CN-ZJ'
    expect(series.points).toEqual(expectedSeries(from, to, 60_000, keep))
    // Empty minutes between the two bursts are there, as zeros.
    expect(series.points.filter((point) => point.orders === 0).length).toBeGreaterThan(30)
  })

  test('per-second buckets, unfiltered and filtered, are exact', async () => {
    const from = CAMPAIGN_START + 60_000
    const to = CAMPAIGN_START + 180_000
    expect((await timeseries({ interval: '1s', from, to })).points).toEqual(expectedSeries(from, to, 1000))
    const keep = (order: OrderInput) => order.brand === 'Acme'
    expect((await timeseries({ interval: '1s', from, to, brand: 'Acme' })).points).toEqual(
      expectedSeries(from, to, 1000, keep),
    )
  })

  test('day buckets start at midnight in Shanghai (16:00 UTC), not at midnight UTC', async () => {
    const from = CAMPAIGN_START - 3_600_000
    const to = CAMPAIGN_START + 3_600_000
    const series = await timeseries({ interval: '1d', from, to })
    expect(series.points.map((point) => point.t)).toEqual([
      new Date(CAMPAIGN_START - 86_400_000).toISOString(),
      new Date(CAMPAIGN_START).toISOString(),
    ])
    expect(series.points).toEqual(expectedSeries(from, to, 86_400_000))
    // The burst that straddles local midnight is split between the two days.
    expect(series.points[0]?.orders).toBeGreaterThan(0)
    expect(series.points[1]?.orders).toBeGreaterThan(0)
  })

  test('auto picks an interval that gives a chart 100–500 points', async () => {
    const day = await timeseries({})
    expect(day.interval).toBe('5m')
    expect(day.points).toHaveLength(288)
    expect(day.points).toEqual(expectedSeries(CAMPAIGN_START, CAMPAIGN_END, 300_000))
    const hour = await timeseries({ from: CAMPAIGN_START, to: CAMPAIGN_START + 3_600_000 })
    expect(hour.interval).toBe('1m')
  })

  test('the bucket that is still running is marked partial', async () => {
    const now = Date.now()
    const response = await postOrders(
      server().url,
      JSON.stringify([
        {
          orderId: 'live-1',
          ts: now - 1000,
          amount: '12.34',
          brand: 'Live',
          category: 'Beauty',
          channel: 'cart',
          region: 'SG',
        },
      ]),
    )
    expect(response.status).toBe(200)
    const series = await timeseries({ interval: '1m', from: now - 180_000, to: now + 60_000, brand: 'Live' })
    const current = series.points.find((point) => Date.parse(point.t) <= now && now < Date.parse(point.t) + 60_000)
    expect(current?.partial).toBe(true)
    expect(series.points.filter((point) => Date.parse(point.t) + 60_000 <= now).every((point) => !point.partial)).toBe(
      true,
    )
    expect(series.points.reduce((total, point) => total + point.orders, 0)).toBe(1)
  })

  test('a range outside both windows answers zeros, and last year is absent where it has no orders', async () => {
    const from = CAMPAIGN_START + 20 * 3_600_000
    const series = await timeseries({ interval: '1h', from, to: from + 2 * 3_600_000 })
    expect(series.points.map((point) => [point.gmv, point.orders, point.lastYear?.orders])).toEqual([
      ['0.00', 0, 0],
      ['0.00', 0, 0],
    ])
  })

  test('last year outside its window is not counted, even under the same offset', async () => {
    const beforeLastYear = inRange(LAST_YEAR, LAST_YEAR_START - 10 * 60_000, LAST_YEAR_START)
    expect(beforeLastYear.length).toBeGreaterThan(0)
    const series = await timeseries({ interval: '1m', from: CAMPAIGN_START - 600_000, to: CAMPAIGN_START })
    expect(series.points.every((point) => point.lastYear?.orders === 0)).toBe(true)
    expect(series.points.reduce((total, point) => total + point.orders, 0)).toBe(
      inRange(THIS_YEAR, CAMPAIGN_START - 600_000, CAMPAIGN_START).length,
    )
    expect(Math.min(...LAST_YEAR.map(ts))).toBeLessThan(LAST_YEAR_START)
  })
})
