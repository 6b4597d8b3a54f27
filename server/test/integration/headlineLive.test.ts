import { type Headline, headlineSchema, type Snapshot } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, follow, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

/**
 * One figure at the same moment: while a wall watches the overview and orders keep arriving
 * between ticks, the presenter's headline for the campaign so far is the numbers of one of the
 * wall's snapshots, to the fen — not a reading of its own a few hundred milliseconds later.
 */
const CAMPAIGN_START = Date.UTC(2020, 10, 10, 16) // 2020-11-11 00:00 China time
const LAST_YEAR_START = Date.UTC(2019, 10, 10, 16)
const TICK_MS = 500

let server: TestServer
let wall: ViewerSocket
const seen: Snapshot[] = []

beforeAll(async () => {
  server = await startTestServer({
    TICK_MS: String(TICK_MS),
    CAMPAIGN_START: '2020-11-11T00:00:00+08:00',
    CAMPAIGN_END: '2020-11-12T00:00:00+08:00',
    LAST_YEAR_START: '2019-11-11T00:00:00+08:00',
    LAST_YEAR_END: '2019-11-12T00:00:00+08:00',
    BRAND_GMV_THRESHOLD: '100000',
    LIVE_ROOM_GMV_THRESHOLD: '100000',
  })
  const lastYear = makeOrders(1500, 90, LAST_YEAR_START).map((order) => ({ ...order, orderId: `ly-${order.orderId}` }))
  for (const batch of [makeOrders(1500, 91, CAMPAIGN_START), lastYear]) {
    expect((await postOrders(server.url, JSON.stringify(batch))).status).toBe(200)
  }
  wall = await connectViewer(server.url)
  await follow(wall, {}, (snapshot) => seen.push(snapshot))
})

afterAll(async () => {
  wall?.close()
  await server?.close()
})

/** The figures a headline and a snapshot both carry, in one shape. */
function shared(figures: Headline | Snapshot) {
  if ('cutoff' in figures) {
    return {
      gmv: figures.gmv.cny,
      orders: figures.orders.count,
      asOf: figures.gmv.asOf,
      lastYearGmv: figures.growth?.lastYearGmv ?? null,
      peak: figures.peak.ordersPerSecond,
      brandsAboveThreshold: figures.brandsAboveThreshold.count,
      participatingBrands: figures.participatingBrands.count,
      overseasBrands: figures.overseasBrands.count,
      liveRoomsAboveThreshold: figures.liveRoomsAboveThreshold.count,
      topBrands: figures.topBrands.brands.map((brand) => [brand.key, brand.gmv, brand.orders]),
    }
  }
  return {
    gmv: figures.gmv,
    orders: figures.orders,
    asOf: figures.asOf,
    lastYearGmv: figures.lastYear?.gmv ?? null,
    peak: figures.peak?.ordersPerSecond ?? 0,
    brandsAboveThreshold: figures.brandsAboveThreshold,
    participatingBrands: figures.participatingBrands,
    overseasBrands: figures.overseasBrands,
    liveRoomsAboveThreshold: figures.liveRoomsAboveThreshold,
    topBrands: (figures.topBrands ?? []).map((brand) => [brand.brand, brand.gmv, brand.orders]),
  }
}

test('with orders arriving between ticks, each headline of the campaign so far is one of the wall’s snapshots, to the fen', async () => {
  const headlines: Headline[] = []
  // Batches land every 60 ms or so, several per tick, each moving GMV, orders and the standings.
  for (let batch = 0; batch < 36; batch++) {
    const orders = makeOrders(40, 1000 + batch, CAMPAIGN_START + 3_600_000)
    expect((await postOrders(server.url, JSON.stringify(orders))).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 60))
    if (batch % 4 === 3) {
      const response = await fetch(`${server.url}/api/v1/headline`)
      expect(response.status).toBe(200)
      headlines.push(headlineSchema.parse(await response.json()))
    }
  }
  // The snapshot a headline was read from may still be on its way to the wall.
  await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS))
  const wallFigures = seen.map((snapshot) => JSON.stringify(shared(snapshot)))
  expect(headlines).toHaveLength(9)
  for (const headline of headlines) expect(wallFigures).toContain(JSON.stringify(shared(headline)))
  // The figures moved while the headlines were asked: they are not one snapshot read nine times.
  expect(new Set(headlines.map((headline) => headline.gmv.cny)).size).toBeGreaterThan(1)
})

test('with no wall watching, the headline reads the store itself, and finds the figures the wall last showed', async () => {
  const newest = seen.at(-1) as Snapshot
  wall.close()
  // The hub forgets an unwatched filter within a tick.
  await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS))
  expect(server.hub.computedOverview()).toBeUndefined()
  const response = await fetch(`${server.url}/api/v1/headline`)
  expect(response.status).toBe(200)
  const cold = headlineSchema.parse(await response.json())
  // No order arrived since the wall's last snapshot: read afresh, the figures are the wall's.
  expect(shared(cold)).toEqual(shared(newest))
})
