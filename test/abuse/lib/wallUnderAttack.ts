/**
 * The abuse suite's frame: a real server on the embedded engine (startTestServer), one
 * overview wall following it over a real socket, a trickle of new orders, and the three
 * things every attack is held to: the wall's snapshots keep coming every tick with numbers at
 * most 2 s old, measured by the wall's own clock; no filter outlives its last viewer by more
 * than one tick; and the server shuts down within its deadline afterwards.
 */
import { spawn } from 'node:child_process'
import { EventEmitter, once } from 'node:events'
import { resolve } from 'node:path'
import type { OrderInput } from '@gmv-pulse/shared'
import { expect } from 'vitest'
import { makeOrders } from '../../../server/test/orderFixtures.ts'
import { connectViewer, follow, type ViewerSocket } from '../../../server/test/socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../../../server/test/startTestServer.ts'
import type { AttackOptions, AttackReport } from './attacker.ts'

const ROOT = resolve(import.meta.dirname, '../../..')
const ATTACKER = resolve(import.meta.dirname, 'attacker.ts')

/** The production tick: the wall's promise is a fresh picture every second. */
export const TICK_MS = 1000
/** The bound on the wall's data age, measured by the wall. */
export const MAX_AGE_MS = 2000
/** The server's shutdown deadline (SHUTDOWN_TIMEOUT_MS's default). */
export const SHUTDOWN_DEADLINE_MS = 10_000
/** How long each attack is watched for. */
export const ATTACK_MS = 12_000

export interface Arrival {
  /** The wall's clock when the snapshot arrived. */
  at: number
  computedAt: number
  stale: boolean
}

export interface Wall {
  socket: ViewerSocket
  arrivals: Arrival[]
}

export interface Attack {
  server: TestServer
  wall: Wall
}

/** `count` valid orders stamped around now (the last minute), for brands beyond the fixtures'. */
export function ordersNow(count: number, seed: number, brands = 6): OrderInput[] {
  return makeOrders(count, seed, Date.now() - 60_000).map((order, i) => ({
    ...order,
    orderId: `${order.orderId}-now`,
    ts: Date.now() - Math.floor((i / count) * 60_000),
    brand: brands > 6 ? `Brand ${i % brands}` : order.brand,
  }))
}

/** Posts a few orders stamped now every half second until stopped: the wall has something new to show each tick. */
function trickle(url: string): () => Promise<void> {
  let running = true
  let seed = 10_000
  const loop = (async () => {
    while (running) {
      const orders = makeOrders(20, seed++, Date.now()).map((order) => ({ ...order, ts: Date.now() }))
      await postOrders(url, JSON.stringify(orders)).catch(() => undefined)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  })()
  return async () => {
    running = false
    await loop
  }
}

/**
 * Starts a server with `orders` stored, connects the overview wall, lets it settle, starts
 * the attacker in its own process, then watches the wall for ATTACK_MS while the attack runs
 * (and after, if it ends early), and asserts the wall kept up. `onHolding` runs once the
 * attacker's sockets are in place.
 */
export async function wallUnderAttack(options: {
  env?: Record<string, string>
  orders?: OrderInput[]
  attack: Omit<AttackOptions, 'url' | 'until'>
  onHolding?: (server: TestServer) => void
}): Promise<Attack & { report: AttackReport }> {
  const server = await startTestServer({ TICK_MS: String(TICK_MS), ...options.env })
  const orders = options.orders ?? ordersNow(2000, 1)
  for (let i = 0; i < orders.length; i += 50_000) {
    const response = await postOrders(server.url, JSON.stringify(orders.slice(i, i + 50_000)))
    expect(response.status).toBe(200)
  }
  const wall: Wall = { socket: await connectViewer(server.url), arrivals: [] }
  await follow(wall.socket, {}, (snapshot) => {
    wall.arrivals.push({ at: Date.now(), computedAt: Date.parse(snapshot.computedAt), stale: snapshot.stale })
  })
  const attacker = await startAttacker({ ...options.attack, url: server.url })
  // Settled: a few ticks delivered before the attack begins.
  await expect.poll(() => wall.arrivals.length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(3)
  const stopTrickle = trickle(server.url)
  const from = Date.now()
  const until = from + ATTACK_MS
  let report: AttackReport
  try {
    const { holding, done } = attacker.go(until)
    void holding.then(() => options.onHolding?.(server))
    report = await done
    // An attack over early is still watched to the window's end: its after-effects count too.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())))
  } finally {
    await stopTrickle()
  }
  wallKeptUp(wall, from, Date.now())
  return { server, wall, report }
}

/** Every arrival in the window was at most MAX_AGE_MS old and not stale, and none came more than MAX_AGE_MS after the one before. */
export function wallKeptUp(wall: Wall, from: number, to: number): void {
  const inWindow = wall.arrivals.filter((arrival) => arrival.at >= from && arrival.at <= to)
  const before = wall.arrivals.filter((arrival) => arrival.at < from).at(-1)
  const ages = inWindow.map((arrival) => arrival.at - arrival.computedAt)
  const series = before ? [before, ...inWindow] : inWindow
  const gaps = series.slice(1).map((arrival, i) => arrival.at - (series[i] as Arrival).at)
  const report = { snapshots: inWindow.length, oldestMs: Math.max(...ages), longestGapMs: Math.max(...gaps, 0) }
  // Soft: a wall that fell behind fails the test, and the attack's other checks still run and report.
  // At least one per tick over the window (the first may fall just after it starts).
  expect.soft(inWindow.length, JSON.stringify(report)).toBeGreaterThanOrEqual(Math.floor((to - from) / TICK_MS) - 1)
  expect.soft(report.oldestMs, JSON.stringify(report)).toBeLessThanOrEqual(MAX_AGE_MS)
  expect.soft(report.longestGapMs, JSON.stringify(report)).toBeLessThanOrEqual(MAX_AGE_MS)
  expect.soft(inWindow.filter((arrival) => arrival.stale)).toEqual([])
}

/**
 * Once the attackers' sockets have left the server (only the wall remains), every filter
 * but the wall's is forgotten within one tick.
 */
export async function onlyTheWallWatched(server: TestServer): Promise<void> {
  await expect.poll(() => server.io.of('/').sockets.size, { timeout: 10_000, interval: 10 }).toBe(1)
  await expect.poll(() => server.hub.stats.watchedFilters, { timeout: TICK_MS, interval: 10 }).toBe(1)
  // And stays so: no later tick brings one back.
  await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS))
  expect(server.hub.stats.watchedFilters).toBe(1)
}

/** Stops the server (ticks, sockets, store) and holds it to its shutdown deadline. */
export async function shutsDownInTime({ server, wall }: Attack): Promise<void> {
  const started = Date.now()
  await server.close()
  wall.socket.close()
  expect(Date.now() - started).toBeLessThan(SHUTDOWN_DEADLINE_MS)
}

/** The attacker in its own process (attacker.ts), loaded and waiting for `go`. */
async function startAttacker(options: Omit<AttackOptions, 'until'>) {
  const child = spawn(process.execPath, ['--import', 'tsx', ATTACKER, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const messages = new EventEmitter()
  child.on('message', (message: { ready?: boolean; holding?: boolean; done?: AttackReport }) => {
    for (const key of Object.keys(message)) messages.emit(key, message[key as keyof typeof message])
  })
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the attacker exited with ${code} before its report`))),
  )
  await Promise.race([once(messages, 'ready'), exited])
  return {
    go(until: number): { holding: Promise<unknown>; done: Promise<AttackReport> } {
      child.send({ go: until })
      return {
        holding: once(messages, 'holding'),
        done: Promise.race([once(messages, 'done').then(([report]) => report as AttackReport), exited]),
      }
    },
  }
}
