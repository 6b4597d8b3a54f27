import type { OrderInput } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { countFirstTimeBrands } from '../../src/figures/countFirstTimeBrands.ts'
import { getAsOf } from '../../src/figures/getAsOf.ts'
import { getBrandStandings } from '../../src/figures/getBrandStandings.ts'
import { getPeak } from '../../src/figures/getPeak.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

// Figures that keep what they found between questions (peak, how far the data reaches, first-time
// brands) must still follow every order added after. A file of its own: one embedded data
// directory per process, and orders added as it goes.
const START = Date.UTC(2020, 10, 10, 16, 0, 0)
const range = { fromMs: START, toMs: START + 86_400_000 }
const LAST_YEAR_START = Date.UTC(2019, 10, 10, 16, 0, 0)
const lastYearRange = { fromMs: LAST_YEAR_START, toMs: LAST_YEAR_START + 86_400_000 }
let server: TestServer
const stored: OrderInput[] = []

beforeAll(async () => {
  server = await startTestServer({
    CAMPAIGN_START: new Date(range.fromMs).toISOString(),
    CAMPAIGN_END: new Date(range.toMs).toISOString(),
    LAST_YEAR_START: new Date(lastYearRange.fromMs).toISOString(),
    LAST_YEAR_END: new Date(lastYearRange.toMs).toISOString(),
  })
})

afterAll(async () => {
  await server?.close()
})

async function store(orders: OrderInput[], key: string) {
  expect((await postOrders(server.url, JSON.stringify(orders), { idempotencyKey: key })).status).toBe(200)
  stored.push(...orders)
}

/** The busiest second of the orders stored, computed here; the earliest on a tie. */
function expectedPeak() {
  const perSecond = new Map<number, number>()
  for (const order of stored) {
    const second = Math.floor(Number(order.ts) / 1000) * 1000
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
  }
  const most = Math.max(...perSecond.values())
  const at = Math.min(...[...perSecond].filter(([, count]) => count === most).map(([second]) => second))
  return { ordersPerSecond: most, at }
}

/** `count` orders inside one second. */
const burst = (count: number, secondMs: number, seed: number) =>
  makeOrders(count, seed, secondMs).map((order, i) => ({ ...order, ts: secondMs + (i % 1000) }))

test('the peak is read in full once, then from the seconds since: a busier second later is found', async () => {
  await store(makeOrders(2_000, 31, START), 'peak-first')
  expect(await getPeak(server.store, {}, range)).toEqual(expectedPeak())
  // The known peak serves from here: only the seconds since the newest one seen are read.
  await store(burst(expectedPeak().ordersPerSecond + 5, START + 900_000, 32), 'peak-busier')
  const busier = expectedPeak()
  expect(busier.at).toBe(START + 900_000)
  expect(await getPeak(server.store, {}, range)).toEqual(busier)
  // A later second only as busy does not take the peak: the earlier one wins the tie.
  await store(burst(busier.ordersPerSecond, START + 960_000, 33), 'peak-tie')
  expect(await getPeak(server.store, {}, range)).toEqual(busier)
})

test('how far the data reaches is read from the latest time found on: a later order moves it, an earlier one does not', async () => {
  const latest = () =>
    new Date(
      Math.max(...stored.filter((order) => Number(order.ts) < range.toMs).map((order) => Number(order.ts))),
    ).toISOString()
  await store(makeOrders(500, 41, START + 3_600_000), 'as-of-first')
  expect(await getAsOf(server.store, range)).toBe(latest())
  await store(burst(3, START + 7_200_000 + 123, 42), 'as-of-later')
  expect(await getAsOf(server.store, range)).toBe(latest())
  const before = latest()
  await store(burst(3, START + 60_000, 43), 'as-of-earlier')
  expect(await getAsOf(server.store, range)).toBe(before)
})

test('first-time brands are counted again when a brand joins, and only then', async () => {
  const lastYearOrders = makeOrders(300, 51, LAST_YEAR_START).filter(
    (order) => order.brand !== 'Zeta' && order.brand !== 'Lotus',
  )
  await store(lastYearOrders, 'first-time-last-year')
  const expected = () => {
    const lastYear = new Set(lastYearOrders.map((order) => order.brand))
    const thisYear = new Set(stored.filter((order) => Number(order.ts) >= range.fromMs).map((order) => order.brand))
    return [...thisYear].filter((brand) => !lastYear.has(brand)).length
  }
  const count = async () => {
    const standings = await getBrandStandings(server.store, {}, range, '1.00')
    return countFirstTimeBrands(server.store, range, lastYearRange, standings?.participating ?? 0)
  }
  expect(expected()).toBeGreaterThan(0)
  expect(await count()).toBe(expected())
  const newcomer = burst(2, START + 10_800_000, 52).map((order) => ({ ...order, brand: 'Newcomer' }))
  await store(newcomer, 'first-time-newcomer')
  expect(await count()).toBe(expected())
})
