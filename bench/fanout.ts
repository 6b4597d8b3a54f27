import { randomUUID } from 'node:crypto'
import { availableParallelism, loadavg } from 'node:os'
import { startRedisServer } from '../test/lib/redisServer.ts'
import { measureBareWriteFloor } from './lib/bareWriteFloor.ts'
import { HANDSHAKES_IN_FLIGHT, VIEWERS_PER_PROCESS } from './lib/holdViewers.ts'
import { cpuSeconds, openFileLimit, openFiles, statusKiB } from './lib/procStat.ts'
import { type ServerProcess, startServerProcess } from './lib/serverProcess.ts'
import { round } from './lib/stats.ts'
import { trickleOrders } from './lib/trickleOrders.ts'
import { ViewerPool } from './lib/viewerPool.ts'
import type { BenchFigure } from './report.ts'

/** The issue's goal for delivery: a wall a quarter of a second behind the tick still reads as live. */
const GOAL_P99_MS = 250
const TICK_MS = 1000
/**
 * Open files a server keeps beside its viewer sockets, on top of those it holds when idle: the
 * engine's part files during merges, ingest connections, Redis, a metrics scrape. A process
 * here may hold 20,000 files in all; a viewer past the limit would be refused at accept.
 */
const FILE_HEADROOM = 500
/** Orders a second: enough that every snapshot differs, little enough to leave the cores to delivery. */
const TRICKLE_ORDERS_PER_SECOND = 500

interface Topology {
  label: string
  /** Where viewers connect, in turn. */
  viewerUrls: string[]
  /** Where orders go, and (on an all-in-one process) where the emit timings are scraped. */
  ingest: ServerProcess
  scrapeEmit: boolean
  /** Processes holding viewer sockets: their memory grows with viewers. */
  holderPids: number[]
  /** Every process on the serving side (server, relays, core, Redis): their CPU is what the viewers cost. */
  servingPids: number[]
  /** The most viewers these processes can hold, from their open-file limits. */
  capacity: number
  viewerToken: string
}

interface StepResult {
  asked: number
  connected: number
  refused: Record<string, number>
  connectSeconds: number
  p50: number
  p99: number
  deliveredShare: number
  servingCpuCores: number
  viewerCpuCores: number
  /** Resident memory of the processes holding viewers, mean over the window. */
  holderRssMiB: number
  emitMeanMs: number | undefined
  largestMessageBytes: number
  load: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sumOf = (values: number[]) => values.reduce((total, value) => total + value, 0)
const cpuOf = (pids: number[]) => sumOf(pids.map(cpuSeconds))
const rssMiBOf = (pids: number[]) => sumOf(pids.map((pid) => statusKiB(pid, 'VmRSS'))) / 1024
/** Viewer sockets a process can still take, from its open-file limit and what it holds now. */
const socketsLeft = (pid: number) => openFileLimit(pid) - openFiles(pid) - FILE_HEADROOM

/** Sum and count of the emit histogram on an instance's /metrics. */
async function emitTimings(server: ServerProcess, token: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text()
  const value = (name: string) => Number(text.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1] ?? Number.NaN)
  return { sum: value('gmv_pulse_live_emit_seconds_sum'), count: value('gmv_pulse_live_emit_seconds_count') }
}

/**
 * Adds viewers up to each step, lets the connections settle, then records one window: every
 * viewer's delay from the server's emit to its arrival, the serving processes' CPU and memory,
 * and the viewer processes' own CPU over the same seconds.
 */
async function rampUp(topology: Topology, steps: number[], pool: ViewerPool, windowSeconds: number) {
  const results: StepResult[] = []
  // One viewer first: the baseline (ticks computed, orders stored, no fan-out to speak of).
  for (const step of [1, ...steps]) {
    const asked = Math.min(step, topology.capacity)
    if (asked <= pool.holding) continue
    process.stderr.write(`fanout, ${topology.label}: ${asked.toLocaleString('en')} viewers…\n`)
    const opened = await pool.open(asked - pool.holding, {
      urls: topology.viewerUrls,
      auth: { token: topology.viewerToken },
      request: { filter: {} },
      inFlight: HANDSHAKES_IN_FLIGHT,
    })
    // The connecting burst (a snapshot in every ack) is not fan-out: let two ticks pass; before the
    // baseline, five, so the fresh server's first merges and compilations do not count as its idle cost.
    await sleep((step === 1 ? 5 : 2) * TICK_MS)
    const emitBefore = topology.scrapeEmit ? await emitTimings(topology.ingest, topology.viewerToken) : undefined
    await pool.record()
    const startedAt = performance.now()
    const servingBefore = cpuOf(topology.servingPids)
    const viewersBefore = cpuOf(pool.pids)
    const rss: number[] = []
    const sampler = setInterval(() => rss.push(rssMiBOf(topology.holderPids)), 500)
    await sleep(windowSeconds * 1000)
    clearInterval(sampler)
    const seconds = (performance.now() - startedAt) / 1000
    const servingCpuCores = (cpuOf(topology.servingPids) - servingBefore) / seconds
    const viewerCpuCores = (cpuOf(pool.pids) - viewersBefore) / seconds
    const report = await pool.report()
    const emitAfter = topology.scrapeEmit ? await emitTimings(topology.ingest, topology.viewerToken) : undefined
    const result: StepResult = {
      asked,
      connected: report.holding,
      refused: opened.refused,
      connectSeconds: opened.seconds,
      p50: report.delays.percentile(50),
      p99: report.delays.percentile(99),
      // Every viewer is due one snapshot a tick; a volatile emit to a socket still writing the last one drops it.
      deliveredShare: report.delays.count / (report.holding * (seconds / (TICK_MS / 1000))),
      servingCpuCores,
      viewerCpuCores,
      holderRssMiB: sumOf(rss) / rss.length,
      emitMeanMs:
        emitBefore && emitAfter
          ? ((emitAfter.sum - emitBefore.sum) / (emitAfter.count - emitBefore.count)) * 1000
          : undefined,
      largestMessageBytes: report.largestMessageBytes,
      load: loadavg()[0] as number,
    }
    process.stderr.write(`  ${JSON.stringify(result)}\n`)
    results.push(result)
  }
  return results
}

function figuresOf(topology: Topology, results: StepResult[], processes: number): BenchFigure[] {
  const [baseline, ...ramp] = results as [StepResult, ...StepResult[]]
  const holders = topology.holderPids.length === 1 ? 'the server' : 'both relays'
  const serving = topology.servingPids.length === 1 ? 'the server process' : 'core, relays and Redis'
  const figures: BenchFigure[] = [
    {
      name: `fanout, ${topology.label}: serving CPU with one viewer (ticks and ${TRICKLE_ORDERS_PER_SECOND} orders/s stored; the baseline)`,
      value: round(baseline.servingCpuCores * 100),
      unit: '% of a core',
    },
    {
      name: `fanout, ${topology.label}: RSS with one viewer (${holders}, the baseline)`,
      value: round(baseline.holderRssMiB),
      unit: 'MiB',
    },
  ]
  const cores = availableParallelism()
  for (const result of ramp) {
    const n = result.connected
    const at = `fanout, ${topology.label}, ${result.asked.toLocaleString('en')} viewers`
    const refusals = Object.entries(result.refused)
      .map(([reason, times]) => `${times} ${reason}`)
      .join(', ')
    /** What the viewers beyond the baseline's one cost, per 1,000 of them. */
    const perThousand = (value: number, atBaseline: number) => round((value - atBaseline) / ((n - 1) / 1000), 2)
    figures.push(
      {
        name: `${at}: connected and subscribed (in ${round(result.connectSeconds)} s${refusals ? `; refused: ${refusals}` : ''})`,
        value: n,
        unit: 'viewers',
      },
      { name: `${at}: delivery p50 (server emit → arrival in the viewer process)`, value: result.p50, unit: 'ms' },
      {
        name: `${at}: delivery p99 (server emit → arrival in the viewer process)`,
        value: result.p99,
        unit: 'ms',
        goal: `≤ ${GOAL_P99_MS} ms`,
      },
      {
        name: `${at}: snapshots arrived of those due (one per viewer per tick; a volatile emit may drop one, a tick still computing re-sends the last one marked stale)`,
        value: round(result.deliveredShare * 100, 1),
        unit: '%',
      },
      {
        name: `${at}: serving CPU per 1,000 viewers (user+system of ${serving} over the window, above the baseline)`,
        value: perThousand(result.servingCpuCores * 100, baseline.servingCpuCores * 100),
        unit: '% of a core',
      },
      {
        name: `${at}: serving CPU in all (the machine has 2 cores = 200%)`,
        value: round(result.servingCpuCores * 100),
        unit: '% of a core',
      },
      {
        name: `${at}: RSS per 1,000 viewers (${holders}, window mean above the baseline)`,
        value: perThousand(result.holderRssMiB, baseline.holderRssMiB),
        unit: 'MiB',
      },
      {
        name: `${at}: viewer processes' own CPU (${processes} processes, user+system over the window)`,
        value: round(result.viewerCpuCores * 100),
        unit: '% of a core',
      },
    )
    // What one tick's fan-out costs the machine, server and viewers together, spread over every
    // core: no arrangement of the work reaches the last viewer sooner. The viewers' share alone is
    // the floor even a server that cost nothing would leave, on a machine that also runs them.
    const tickCoreMs = (cpuCores: number) => Math.max(0, cpuCores) * TICK_MS
    const viewersMs = tickCoreMs(result.viewerCpuCores - baseline.viewerCpuCores)
    const servingMs = tickCoreMs(result.servingCpuCores - baseline.servingCpuCores)
    figures.push(
      {
        name: `${at}: soonest the last viewer can be reached here: the fan-out's CPU per tick (serving + viewers, above the baseline) ÷ ${cores} cores`,
        value: round((servingMs + viewersMs) / cores),
        unit: 'ms',
        goal: `≤ ${GOAL_P99_MS} ms for the goal to be reachable on this machine`,
      },
      {
        name: `${at}: the same for the viewers' CPU alone (as if the server cost nothing)`,
        value: round(viewersMs / cores),
        unit: 'ms',
      },
    )
    if (result.emitMeanMs !== undefined) {
      figures.push({
        name: `${at}: server emit per tick (one Socket.IO broadcast written to every socket of the room, wall time, mean)`,
        value: round(result.emitMeanMs, 1),
        unit: 'ms',
      })
    }
    figures.push({
      name: `${at}: machine load average (1 min) at the window's end`,
      value: round(result.load, 2),
      unit: '',
    })
  }
  const within = ramp.filter((result) => result.p99 <= GOAL_P99_MS).map((result) => result.connected)
  figures.push({
    name: `fanout, ${topology.label}: most viewers measured with delivery p99 ≤ ${GOAL_P99_MS} ms (at most ${topology.capacity.toLocaleString('en')} here: the open-file limit of the processes holding them)`,
    value: within.length > 0 ? Math.max(...within) : 0,
    unit: 'viewers',
    goal: '20,000',
  })
  const bytes = Math.max(...results.map((result) => result.largestMessageBytes))
  figures.push({
    name: `fanout, ${topology.label}: snapshot message size (overview, largest seen)`,
    value: bytes,
    unit: 'B',
  })
  return figures
}

/**
 * The server's emit loop beside the floor under it, side by side on the same machine: the same
 * message written to as many loopback sockets with a bare `net.Socket.write` from one thread.
 */
async function floorFigures(results: StepResult[]): Promise<BenchFigure[]> {
  const largest = results.at(-1)
  if (!largest || largest.emitMeanMs === undefined || largest.connected < 1_000) return []
  process.stderr.write(`fanout: bare write floor, ${largest.connected.toLocaleString('en')} sockets…\n`)
  const floor = await measureBareWriteFloor(largest.connected, largest.largestMessageBytes)
  const perSocket = (ms: number, sockets: number) => round((ms * 1000) / sockets, 1)
  const at = `fanout, ${floor.sockets.toLocaleString('en')} loopback sockets`
  return [
    {
      name: `${at}: bare net.Socket.write of the same ${largest.largestMessageBytes.toLocaleString('en')}-byte message to each, one loop (the floor of a one-thread fan-out; median of 10)`,
      value: round(floor.loopMs, 1),
      unit: 'ms',
    },
    { name: `${at}: the bare write per socket`, value: perSocket(floor.loopMs, floor.sockets), unit: 'µs' },
    {
      name: `${at}: CPU of the bare write loop (user + system of the writing process; near the loop's wall time when it is CPU-bound)`,
      value: round(floor.cpuMs, 1),
      unit: 'ms',
    },
    {
      name: `fanout, one process, ${largest.connected.toLocaleString('en')} viewers: the server's emit per socket (Socket.IO broadcast; ceiling: the bare write)`,
      value: perSocket(largest.emitMeanMs, largest.connected),
      unit: 'µs',
      ceiling: perSocket(floor.loopMs, floor.sockets),
      ratio: round(largest.emitMeanMs / largest.connected / (floor.loopMs / floor.sockets), 2),
    },
  ]
}

async function withPool<T>(processes: number, run: (pool: ViewerPool) => Promise<T>): Promise<T> {
  const pool = ViewerPool.start(processes)
  try {
    return await run(pool)
  } finally {
    await pool.close()
  }
}

/**
 * `npm run bench -- fanout`: 1,000 to 20,000 viewers of the overview held by one server
 * process, then by one core and two relays through Redis, all on this machine with the viewers
 * in processes of their own (bench/fanoutViewers.ts). Each step reports delivery p50/p99 from
 * the server's emit to arrival, the serving side's CPU and memory per 1,000 viewers, and the
 * viewer processes' CPU: on two shared cores the clients' work competes with the server's.
 */
export async function benchFanout({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const steps = quick ? [1_000, 5_000] : [1_000, 2_500, 5_000, 7_500, 10_000, 12_500, 15_000, 20_000]
  const windowSeconds = quick ? 10 : 20
  const processes = Math.ceil((steps.at(-1) as number) / VIEWERS_PER_PROCESS)
  const viewerToken = `fanout-${randomUUID()}`
  const live = {
    TICK_MS: String(TICK_MS),
    VIEWER_TOKENS: viewerToken,
    // Every viewer connects from this machine's one address.
    LIVE_MAX_SOCKETS_PER_ADDRESS: String(2 * (steps.at(-1) as number)),
  }
  const figures: BenchFigure[] = []
  let singleResults: StepResult[] = []

  const single = await startServerProcess(live)
  const singleTrickle = trickleOrders(single.url, single.token, TRICKLE_ORDERS_PER_SECOND, 1)
  try {
    const topology: Topology = {
      label: 'one process',
      viewerUrls: [single.url],
      ingest: single,
      scrapeEmit: true,
      holderPids: [single.pid],
      servingPids: [single.pid],
      capacity: Math.floor(socketsLeft(single.pid) / 500) * 500,
      viewerToken,
    }
    const results = await withPool(processes, (pool) => rampUp(topology, steps, pool, windowSeconds))
    figures.push(...figuresOf(topology, results, processes))
    singleResults = results
  } finally {
    await singleTrickle.stop()
    await single.stop()
  }
  figures.push(...(await floorFigures(singleResults)))

  const redis = await startRedisServer()
  const core = await startServerProcess({ ...live, ROLE: 'core', REDIS_URL: redis.url })
  const relays = [
    await startServerProcess({ ...live, ROLE: 'relay', REDIS_URL: redis.url }),
    await startServerProcess({ ...live, ROLE: 'relay', REDIS_URL: redis.url }),
  ]
  const clusterTrickle = trickleOrders(core.url, core.token, TRICKLE_ORDERS_PER_SECOND, 2)
  try {
    const topology: Topology = {
      label: 'one core + two relays (Redis)',
      viewerUrls: relays.map((relay) => relay.url),
      ingest: core,
      scrapeEmit: false,
      holderPids: relays.map((relay) => relay.pid),
      servingPids: [core.pid, ...relays.map((relay) => relay.pid), redis.pid as number],
      capacity: sumOf(relays.map((relay) => Math.floor(socketsLeft(relay.pid) / 500) * 500)),
      viewerToken,
    }
    const results = await withPool(processes, (pool) => rampUp(topology, steps, pool, windowSeconds))
    figures.push(...figuresOf(topology, results, processes))
  } finally {
    await clusterTrickle.stop()
    for (const server of [...relays, core]) await server.stop()
    await redis.stop()
  }
  return figures
}
