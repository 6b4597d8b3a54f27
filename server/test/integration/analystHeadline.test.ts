import { fromFen, type Headline, headlineSchema, type OrderInput } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../startTestServer.ts'
import {
  CAMPAIGN_END,
  CAMPAIGN_START,
  expectedGrowth,
  fenOf,
  getJson,
  inRange,
  LAST_YEAR,
  LAST_YEAR_END,
  LAST_YEAR_START,
  startAnalystServer,
  THIS_YEAR,
  ts,
} from './analystFixtures.ts'

// Mid-second on purpose: the peak counts whole seconds only.
const CUTOFF = CAMPAIGN_START + 3_600_000 + 61_500
const inWindow = inRange(THIS_YEAR, CAMPAIGN_START, CUTOFF)

function gmvBy(orders: OrderInput[], key: (order: OrderInput) => string | undefined): Map<string, bigint> {
  const groups = new Map<string, bigint>()
  for (const order of orders) {
    const value = key(order)
    if (value === undefined) continue
    groups.set(value, (groups.get(value) ?? 0n) + fenOf([order]))
  }
  return groups
}

const brandGmv = gmvBy(inWindow, (order) => order.brand)
const roomGmv = gmvBy(inWindow, (order) => order.liveRoom)
/** Thresholds between the brands' (and the rooms') GMVs, so the count is neither zero nor all. */
const middle = (values: Iterable<bigint>) => {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return sorted[Math.floor(sorted.length / 2)] as bigint
}
const BRAND_THRESHOLD = middle(brandGmv.values())
const ROOM_THRESHOLD = middle(roomGmv.values())

let server: TestServer

beforeAll(async () => {
  server = await startAnalystServer({
    BRAND_GMV_THRESHOLD: fromFen(BRAND_THRESHOLD),
    LIVE_ROOM_GMV_THRESHOLD: fromFen(ROOM_THRESHOLD),
  })
})

afterAll(async () => {
  await server?.close()
})

async function headline(query = ''): Promise<Headline> {
  const { status, body } = await getJson<Headline>(`${server.url}/api/v1/headline${query}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return headlineSchema.parse(body)
}

describe('GET /api/v1/headline', () => {
  test('every figure at a cutoff equals what the orders before it give', async () => {
    const result = await headline(`?at=${new Date(CUTOFF).toISOString()}`)
    const fen = fenOf(inWindow)
    const lastYear = inRange(LAST_YEAR, LAST_YEAR_START, LAST_YEAR_START + (CUTOFF - CAMPAIGN_START))
    const asOf = new Date(Math.max(...inWindow.map(ts))).toISOString()

    expect(result.cutoff).toBe(new Date(CUTOFF).toISOString())
    // USD at 6.6 CNY per USD, rounded half up to the cent: fen × 10 / 66.
    expect(result.gmv).toEqual({
      cny: fromFen(fen),
      usd: fromFen((fen * 10n * 2n + 66n) / (2n * 66n)),
      usdRate: '6.6',
      asOf,
    })
    expect(result.growth).toEqual({
      lastYearGmv: fromFen(fenOf(lastYear)),
      percent: expectedGrowth(fen, fenOf(lastYear)),
      asOf,
    })
    expect(result.orders).toEqual({ count: inWindow.length, asOf })

    const perSecond = new Map<number, number>()
    for (const order of inRange(inWindow, CAMPAIGN_START, Math.floor(CUTOFF / 1000) * 1000)) {
      const second = Math.floor(ts(order) / 1000) * 1000
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
    }
    const peak = Math.max(...perSecond.values())
    const peakAt = Math.min(...[...perSecond].filter(([, count]) => count === peak).map(([second]) => second))
    expect(result.peak).toEqual({ ordersPerSecond: peak, at: new Date(peakAt).toISOString(), asOf })

    const brandsAbove = [...brandGmv.values()].filter((gmv) => gmv >= BRAND_THRESHOLD).length
    expect(brandsAbove).toBeGreaterThan(0)
    expect(brandsAbove).toBeLessThan(brandGmv.size)
    expect(result.brandsAboveThreshold).toEqual({ count: brandsAbove, threshold: fromFen(BRAND_THRESHOLD), asOf })
    const roomsAbove = [...roomGmv.values()].filter((gmv) => gmv >= ROOM_THRESHOLD).length
    expect(result.liveRoomsAboveThreshold).toEqual({ count: roomsAbove, threshold: fromFen(ROOM_THRESHOLD), asOf })

    const brands = new Set(inWindow.map((order) => order.brand))
    expect(result.participatingBrands).toEqual({ count: brands.size, asOf })
    const overseas = new Set(inWindow.filter((order) => order.brandOrigin === 'overseas').map((order) => order.brand))
    expect(overseas.size).toBeGreaterThan(0)
    expect(result.overseasBrands).toEqual({ count: overseas.size, asOf })
    const lastYearBrands = new Set(inRange(LAST_YEAR, LAST_YEAR_START, LAST_YEAR_END).map((order) => order.brand))
    const firstTime = [...brands].filter((brand) => !lastYearBrands.has(brand))
    expect(firstTime).toEqual(['Zeta'])
    expect(result.firstTimeBrands).toEqual({ count: 1, asOf })

    const ranked = [...brandGmv].sort(([, a], [, b]) => (a > b ? -1 : a < b ? 1 : 0))
    expect(result.topBrands.brands.map((brand) => [brand.key, brand.gmv])).toEqual(
      ranked.map(([brand, gmv]) => [brand, fromFen(gmv)]),
    )
    expect(result.topBrands.asOf).toBe(asOf)
  })

  test('without a cutoff it answers now, capped at the campaign end', async () => {
    const result = await headline()
    const campaign = inRange(THIS_YEAR, CAMPAIGN_START, CAMPAIGN_END)
    expect(result.cutoff).toBe(new Date(CAMPAIGN_END).toISOString())
    expect(result.gmv.cny).toBe(fromFen(fenOf(campaign)))
    expect(result.orders.count).toBe(campaign.length)
    expect(result.growth?.lastYearGmv).toBe(fromFen(fenOf(inRange(LAST_YEAR, LAST_YEAR_START, LAST_YEAR_END))))
  })

  test('a cutoff before the campaign counts nothing', async () => {
    const result = await headline(`?at=${CAMPAIGN_START - 3_600_000}`)
    expect(result.gmv.cny).toBe('0.00')
    expect(result.orders).toEqual({ count: 0, asOf: null })
    expect(result.peak).toEqual({ ordersPerSecond: 0, at: null, asOf: null })
    expect(result.growth?.percent).toBeNull()
    expect(result.topBrands.brands).toEqual([])
  })
})
