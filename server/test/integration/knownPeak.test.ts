import type { OrderInput } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getPeak } from '../../src/figures/getPeak.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

// A file of its own: one embedded data directory per process, and orders added as it goes.
const START = Date.UTC(2020, 10, 10, 16, 0, 0)
const range = { fromMs: START, toMs: START + 86_400_000 }
let server: TestServer
const stored: OrderInput[] = []

beforeAll(async () => {
  server = await startTestServer()
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
