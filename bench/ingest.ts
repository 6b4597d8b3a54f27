import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { insertOrderBody } from '../server/src/clickhouse/insertOrders.ts'
import { openStore } from '../server/src/clickhouse/store.ts'
import { createLogger } from '../server/src/logger.ts'
import { type BodyFormat, makeBenchBodies } from './lib/benchBodies.ts'
import { runChildJson } from './lib/childJson.ts'
import { createEngineIntake } from './lib/engineIntake.ts'
import { cpuSeconds } from './lib/procStat.ts'
import { startServerProcess } from './lib/serverProcess.ts'
import { median, percentile, round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

interface Variant {
  format: BodyFormat
  batchSize: number
  batches: number
  concurrency: number
}

const GOAL_ORDERS_PER_SECOND = 583_000
export const PRODUCER = join(import.meta.dirname, 'ingestProducer.ts')

/**
 * The engine's ceiling for these batches: the producer's very bodies inserted in-process into a
 * fresh embedded store, as many in flight as the producer keeps — no HTTP and no JavaScript per
 * order. 'landing' is the server's own road (orderIntake.ts: the same landing with its checks,
 * the same views and rollups, the same per-batch settings and tokens), so HTTP's share of the
 * rate is what is left; 'unchecked' parses into a bare table with no checks (lib/engineIntake.ts),
 * which shows what the contract's checks cost the engine.
 */
async function measureCeiling(variant: Variant, seed: number, road: 'landing' | 'unchecked'): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-ceiling-'))
  const store = await openStore({ mode: 'embedded', dataDir, database: 'gmv_pulse' }, createLogger('silent'))
  try {
    const insert =
      road === 'landing'
        ? (body: Buffer, token: string) => insertOrderBody(store, body, variant.batchSize, token)
        : await createEngineIntake(store)
    const bodies = makeBenchBodies({ ...variant, seed }).map((body) => Buffer.from(body, 'utf8'))
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: variant.concurrency }, async () => {
        while (next < bodies.length) {
          const index = next++
          await insert(bodies[index] as Buffer, `ceiling-${seed}-${index}`)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const [row] = await store.select<{ orders: string }>(`SELECT count() AS orders FROM ${store.db}.orders`)
    // The rate counts every order given: check the engine stored them all.
    if (Number(row?.orders) !== variant.batchSize * variant.batches) {
      throw new Error(`the engine stored ${row?.orders} of ${variant.batchSize * variant.batches} orders`)
    }
    return (variant.batchSize * variant.batches) / seconds
  } finally {
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

interface ProducerResult {
  orders: number
  seconds: number
  failed: number
  latencies: number[]
}

async function measureHttp(variant: Variant, seed: number) {
  const server = await startServerProcess({ INGEST_MAX_IN_FLIGHT: String(variant.concurrency + 2) })
  let peakSampled = 0
  const sampler = setInterval(() => {
    peakSampled = Math.max(peakSampled, server.rssMiB())
  }, 100)
  try {
    const cpuBefore = cpuSeconds(server.pid)
    const result = await runChildJson<ProducerResult>(PRODUCER, {
      ...variant,
      seed,
      url: server.url,
      token: server.token,
    })
    return {
      ordersPerSecond: result.orders / result.seconds,
      // The server's CPU, engine included (it runs in the server's process): orders per core-second.
      ordersPerCoreSecond: result.orders / (cpuSeconds(server.pid) - cpuBefore),
      p50Ms: median(result.latencies),
      p99Ms: percentile(result.latencies, 99),
      failed: result.failed,
      serverPeakRssMiB: Math.max(peakSampled, server.peakRssMiB()),
    }
  } finally {
    clearInterval(sampler)
    await server.stop()
  }
}

/** The median of each figure over the rounds: the run whose rate is the median, for the others too. */
const medianRun = <T extends { ordersPerSecond: number }>(runs: T[]): T =>
  [...runs].sort((a, b) => a.ordersPerSecond - b.ordersPerSecond)[Math.floor(runs.length / 2)] as T

export async function benchIngest({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const variants: Variant[] = quick
    ? [
        { format: 'ndjson', batchSize: 100_000, batches: 8, concurrency: 2 },
        { format: 'ndjson', batchSize: 10_000, batches: 60, concurrency: 2 },
        { format: 'json', batchSize: 100_000, batches: 4, concurrency: 2 },
      ]
    : [
        { format: 'ndjson', batchSize: 100_000, batches: 12, concurrency: 2 },
        { format: 'ndjson', batchSize: 10_000, batches: 120, concurrency: 2 },
        { format: 'json', batchSize: 100_000, batches: 12, concurrency: 2 },
        { format: 'json', batchSize: 10_000, batches: 120, concurrency: 2 },
      ]
  // On a shared machine one run of each says little: the engine and HTTP take turns, and the
  // figures are the medians, with every round's ratio beside them.
  const rounds = quick ? 2 : 3
  const figures: BenchFigure[] = []
  for (const [index, variant] of variants.entries()) {
    const label = `${variant.format} ${variant.batchSize / 1000}k × ${variant.batches}`
    const ceilings: number[] = []
    const https: Awaited<ReturnType<typeof measureHttp>>[] = []
    for (let round = 0; round < rounds; round++) {
      const seed = 1000 + 10 * index + round
      process.stderr.write(`ingest: ${label}: round ${round + 1}: engine ceiling, then HTTP…\n`)
      ceilings.push(await measureCeiling(variant, seed, 'landing'))
      https.push(await measureHttp(variant, seed))
    }
    process.stderr.write(`ingest: ${label}: engine with no checks…\n`)
    const unchecked = await measureCeiling(variant, 1000 + 10 * index, 'unchecked')
    const ceiling = median(ceilings)
    const http = medianRun(https)
    const roundRatios = https.map((run, round) => round2(run.ordersPerSecond / (ceilings[round] as number))).join(', ')
    figures.push(
      {
        name: `ingest ${label}: orders/s through POST /api/v1/orders (rollups on, producer in its own process; median of ${rounds} rounds, each round's ratio ${roundRatios})`,
        value: round(http.ordersPerSecond),
        unit: 'orders/s',
        goal: '≥ 80% of the ceiling: the engine inserting the same bodies into the same landing, checks and rollups',
        ceiling: round(ceiling),
        ratio: round2(http.ordersPerSecond / ceiling),
      },
      {
        name: `ingest ${label}: the engine with no checks (a bare table, same rollups), for the checks' cost`,
        value: round(unchecked),
        unit: 'orders/s',
        ratio: round2(http.ordersPerSecond / unchecked),
      },
      {
        name: `ingest ${label}: orders per second of the server's CPU (engine included)`,
        value: round(http.ordersPerCoreSecond),
        unit: 'orders/core-s',
      },
      {
        name: `ingest ${label}: cores for the 2020 peak (${GOAL_ORDERS_PER_SECOND.toLocaleString('en')} orders/s) at that rate`,
        value: round(GOAL_ORDERS_PER_SECOND / http.ordersPerCoreSecond, 1),
        unit: 'cores',
      },
      { name: `ingest ${label}: batch latency p50`, value: round(http.p50Ms), unit: 'ms' },
      { name: `ingest ${label}: batch latency p99`, value: round(http.p99Ms), unit: 'ms' },
      { name: `ingest ${label}: server peak RSS`, value: round(http.serverPeakRssMiB), unit: 'MiB' },
    )
    const failed = https.reduce((total, run) => total + run.failed, 0)
    if (failed > 0) figures.push({ name: `ingest ${label}: failed batches`, value: failed, unit: 'batches' })
  }
  return figures
}

const round2 = (value: number) => round(value, 2)
