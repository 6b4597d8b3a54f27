import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openStore } from '../server/src/clickhouse/store.ts'
import { createLogger } from '../server/src/logger.ts'
import { type BodyFormat, makeBenchBodies } from './lib/benchBodies.ts'
import { runChildJson } from './lib/childJson.ts'
import { createEngineIntake } from './lib/engineIntake.ts'
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
 * The engine's ceiling for these batches: the producer's very bodies parsed and converted by
 * the engine itself into a fresh embedded store with the same rollup views and the same
 * per-batch settings (lib/engineIntake.ts) — no HTTP, no JavaScript per order. As many
 * batches in flight as the producer keeps.
 */
async function measureCeiling(variant: Variant, seed: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-ceiling-'))
  const store = await openStore({ mode: 'embedded', dataDir, database: 'gmv_pulse' }, createLogger('silent'))
  try {
    const insert = await createEngineIntake(store)
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
    const result = await runChildJson<ProducerResult>(PRODUCER, {
      ...variant,
      seed,
      url: server.url,
      token: server.token,
    })
    return {
      ordersPerSecond: result.orders / result.seconds,
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

export async function benchIngest({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const variants: Variant[] = quick
    ? [
        { format: 'ndjson', batchSize: 100_000, batches: 8, concurrency: 2 },
        { format: 'ndjson', batchSize: 10_000, batches: 60, concurrency: 2 },
        { format: 'json', batchSize: 100_000, batches: 4, concurrency: 2 },
      ]
    : [
        { format: 'ndjson', batchSize: 100_000, batches: 30, concurrency: 2 },
        { format: 'ndjson', batchSize: 50_000, batches: 60, concurrency: 2 },
        { format: 'ndjson', batchSize: 10_000, batches: 200, concurrency: 2 },
        { format: 'json', batchSize: 100_000, batches: 20, concurrency: 2 },
      ]
  const figures: BenchFigure[] = []
  for (const [index, variant] of variants.entries()) {
    const seed = 1000 + index
    const label = `${variant.format} ${variant.batchSize / 1000}k × ${variant.batches}`
    process.stderr.write(`ingest: ${label}: engine ceiling…\n`)
    const ceiling = await measureCeiling(variant, seed)
    process.stderr.write(`ingest: ${label}: through HTTP…\n`)
    const http = await measureHttp(variant, seed)
    figures.push(
      {
        name: `ingest ${label}: orders/s through POST /api/v1/orders (rollups on, producer in its own process)`,
        value: round(http.ordersPerSecond),
        unit: 'orders/s',
        goal: `≥ ${GOAL_ORDERS_PER_SECOND.toLocaleString('en')} and ≥ 80% of ceiling`,
        ceiling: round(ceiling),
        ratio: round(http.ordersPerSecond / ceiling, 2),
      },
      { name: `ingest ${label}: batch latency p50`, value: round(http.p50Ms), unit: 'ms' },
      { name: `ingest ${label}: batch latency p99`, value: round(http.p99Ms), unit: 'ms' },
      { name: `ingest ${label}: server peak RSS`, value: round(http.serverPeakRssMiB), unit: 'MiB' },
    )
    if (http.failed > 0) figures.push({ name: `ingest ${label}: failed batches`, value: http.failed, unit: 'batches' })
  }
  return figures
}
