/**
 * Proves: screens survive a server restart. Several real socket.io-client viewers follow
 * filters the way the screen does (`follow()`: re-subscribe after a reconnect the server
 * could not recover). The server, in its own process on a fixed port, is stopped with
 * SIGTERM and started again, then killed with SIGKILL and started again, on the same
 * DATA_DIR; after each restart every viewer, on its same socket, receives a full snapshot
 * again with the right numbers, including orders stored since the last restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Filter, fromFen, type OrderInput, type Snapshot, toFen } from '@gmv-pulse/shared'
import { afterAll, expect, test } from 'vitest'
import { makeOrders } from '../../server/test/orderFixtures.ts'
import { connectViewer, follow, type ViewerSocket } from '../../server/test/socketClient.ts'
import { postOrders } from '../../server/test/startTestServer.ts'
import { freePort, ServerProcess } from './lib/serverProcess.ts'

const token = 'fault-ingest-token'
const workDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-sockets-'))
const FILTERS: Filter[] = [{}, {}, { brand: 'Acme' }, { category: 'Beauty' }, { region: 'SG' }]
let server: ServerProcess
const viewers: { socket: ViewerSocket; filter: Filter; received: { at: number; snapshot: Snapshot }[] }[] = []

afterAll(async () => {
  for (const viewer of viewers) viewer.socket.close()
  await server?.kill('SIGTERM')
  rmSync(workDir, { recursive: true, force: true })
})

const stored: OrderInput[] = []
const matching = (filter: Filter) =>
  stored.filter((order) => Object.entries(filter).every(([key, value]) => order[key as keyof OrderInput] === value))
const expected = (filter: Filter) => {
  const orders = matching(filter)
  return { orders: orders.length, gmv: fromFen(orders.reduce((sum, order) => sum + toFen(String(order.amount)), 0n)) }
}

async function store(orders: OrderInput[]): Promise<void> {
  const response = await postOrders(server.url, JSON.stringify(orders), { token })
  expect(response.status).toBe(200)
  stored.push(...orders)
}

/** Every viewer has received, since `since`, a fresh snapshot whose numbers are the sums of what is stored. */
async function everyViewerCurrent(since: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const behind = viewers.filter(({ filter, received }) => {
      const want = expected(filter)
      return !received.some(
        ({ at, snapshot }) =>
          at >= since && !snapshot.stale && snapshot.orders === want.orders && snapshot.gmv === want.gmv,
      )
    })
    if (behind.length === 0) return
    if (Date.now() > deadline) {
      throw new Error(`viewers without a current snapshot: ${behind.map((v) => JSON.stringify(v.filter)).join(', ')}`)
    }
    await new Promise((done) => setTimeout(done, 50))
  }
}

test('viewers following filters get full, correct snapshots again after a SIGTERM and after a SIGKILL restart', async () => {
  server = new ServerProcess({ dataDir: join(workDir, 'data'), port: await freePort(), token, env: { TICK_MS: '300' } })
  await server.start()
  await store(makeOrders(2000, 71))

  for (const filter of FILTERS) {
    const socket = await connectViewer(server.url)
    const viewer = { socket, filter, received: [] as { at: number; snapshot: Snapshot }[] }
    viewers.push(viewer)
    await follow(socket, filter, (snapshot) => viewer.received.push({ at: Date.now(), snapshot }))
  }
  await everyViewerCurrent(0)

  for (const [round, signal] of (['SIGTERM', 'SIGKILL'] as const).entries()) {
    const previousPid = server.pid
    await server.kill(signal)
    await server.start()
    expect(server.pid).not.toBe(previousPid)
    const restartedAt = Date.now()
    // The same numbers as before the restart: nothing lost, nothing counted twice...
    await everyViewerCurrent(restartedAt)
    // ...and the live feed carries on: orders stored now reach every screen.
    await store(makeOrders(500, 80 + round))
    await everyViewerCurrent(Date.now())
  }
  for (const viewer of viewers) expect(viewer.socket.connected).toBe(true)
})
