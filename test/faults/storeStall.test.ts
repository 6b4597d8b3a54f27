/**
 * Proves: when the embedded engine stalls (a slow statement holds each of its sessions, the
 * write path and both read lanes, live and analyst; everything else queues behind them), ingest answers 503 with Retry-After after INGEST_STORE_TIMEOUT_MS
 * rather than hanging, and a subscribed screen keeps receiving the last good numbers
 * marked `stale: true` with a growing `ageSeconds`. When the stall ends everything
 * recovers by itself — ingest 200, snapshots `stale: false` with the new numbers — and the
 * batch that got 503, retried with its Idempotency-Key, is stored exactly once.
 */
import { fromFen, type OrderInput, type Snapshot, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { makeOrders } from '../../server/test/orderFixtures.ts'
import { connectViewer, follow, type ViewerSocket } from '../../server/test/socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../../server/test/startTestServer.ts'

const STORE_TIMEOUT_MS = 1000
const TICK_MS = 300
/** Ten rows of half a second, one row per block: a 5 s stall the engine cannot cut short. */
const STALL_SQL = 'SELECT sleepEachRow(0.5) FROM numbers(10) SETTINGS max_block_size = 1'

let server: TestServer
let viewer: ViewerSocket | undefined
const snapshots: Snapshot[] = []

beforeAll(async () => {
  server = await startTestServer({ INGEST_STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS), TICK_MS: String(TICK_MS) })
})

afterAll(async () => {
  viewer?.close()
  await server?.close()
})

const gmvOf = (orders: OrderInput[]) => fromFen(orders.reduce((sum, order) => sum + toFen(String(order.amount)), 0n))

/** Resolves with the first snapshot received from now on that matches. */
function awaitSnapshot(predicate: (snapshot: Snapshot) => boolean, timeoutMs = 15_000): Promise<Snapshot> {
  const from = snapshots.length
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      const found = snapshots.slice(from).find(predicate)
      if (found) {
        clearInterval(poll)
        resolve(found)
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll)
        reject(new Error('no matching snapshot in time'))
      }
    }, 20)
  })
}

test('a stalled store: 503 + Retry-After, stale snapshots, then recovery by itself with the 503 batch stored once', async () => {
  const first = makeOrders(300, 1)
  const stalled = makeOrders(200, 2).map((order) => ({ ...order, orderId: `stalled-${order.orderId}` }))
  const after = makeOrders(100, 3).map((order) => ({ ...order, orderId: `after-${order.orderId}` }))
  expect((await postOrders(server.url, JSON.stringify(first))).status).toBe(200)

  viewer = await connectViewer(server.url)
  await follow(viewer, {}, (snapshot) => snapshots.push(snapshot))
  await awaitSnapshot((s) => !s.stale && s.orders === first.length)

  const stall = Promise.all([
    server.store.select(STALL_SQL),
    server.store.live.select(STALL_SQL),
    server.store.command(STALL_SQL),
  ])
  const refused = await postOrders(server.url, JSON.stringify(stalled), { idempotencyKey: 'stalled-batch' })
  expect(refused.status).toBe(503)
  expect(refused.headers.get('retry-after')).toBe('1')
  // The store timeout answered, not admission: this batch was the only one in flight.
  expect((await refused.json()).error).toMatchObject({
    code: 'store_unavailable',
    message: expect.stringMatching(/could not take/),
  })

  // The screen is told its numbers are ageing, and by how much, tick after tick.
  const staleOne = await awaitSnapshot((s) => s.stale)
  const staleTwo = await awaitSnapshot((s) => s.stale && s.ageSeconds > staleOne.ageSeconds)
  expect(staleTwo.orders).toBe(first.length)
  expect(staleTwo.gmv).toBe(gmvOf(first))

  await stall
  // Recovery needs no help: the next ticks are fresh, and ingest takes batches again.
  await awaitSnapshot((s) => !s.stale)
  const fresh = await postOrders(server.url, JSON.stringify(after), { idempotencyKey: 'after-stall' })
  expect(await fresh.json()).toEqual({ accepted: after.length, duplicate: false })
  // The refused batch may have been written late, after its 503: the retry stores it at most once either way.
  const retry = await postOrders(server.url, JSON.stringify(stalled), { idempotencyKey: 'stalled-batch' })
  expect(retry.status).toBe(200)
  expect((await retry.json()).accepted).toBe(stalled.length)

  const everything = [...first, ...stalled, ...after]
  const snapshot = await awaitSnapshot((s) => !s.stale && s.orders === everything.length)
  expect(snapshot.gmv).toBe(gmvOf(everything))
  const summary = await (await fetch(`${server.url}/api/v1/summary`)).json()
  expect(summary).toMatchObject({ orders: everything.length, gmv: gmvOf(everything) })
  const brand = await (await fetch(`${server.url}/api/v1/summary?brand=Acme`)).json()
  const acme = everything.filter((order) => order.brand === 'Acme')
  expect(brand).toMatchObject({ orders: acme.length, gmv: gmvOf(acme) })
})
