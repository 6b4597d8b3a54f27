import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { insertOrders } from '../server/src/clickhouse/insertOrders.ts'
import { openStore } from '../server/src/clickhouse/store.ts'
import { DEFAULT_FX_RATES } from '../server/src/config.ts'
import { encodeOrderRows } from '../server/src/ingest/encodeOrderRows.ts'
import { validateOrders } from '../server/src/ingest/validateOrders.ts'
import { createLogger } from '../server/src/logger.ts'
import { makeBenchBatches } from './lib/benchOrders.ts'
import { runChildJson } from './lib/childJson.ts'
import { startServerProcess } from './lib/serverProcess.ts'
import { median, percentile, round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

interface Variant {
  format: 'ndjson' | 'json'
  batchSize: number
  batches: number
  concurrency: number
}

const GOAL_ORDERS_PER_SECOND = 583_000
export const PRODUCER = join(import.meta.dirname, 'ingestProducer.ts')

/**
 * The engine's ceiling for these batches: the same orders, already encoded, inserted
 * straight into a fresh embedded store with the same views — no HTTP, no JSON, no
 * validation. Two inserts in flight, as the server runs them.
 */
async function measureCeiling(variant: Variant, seed: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-ceiling-'))
  const store = await openStore({ mode: 'embedded', dataDir, database: 'gmv_pulse' }, createLogger('silent'))
  try {
    const encoded: Buffer[] = []
    for (const orders of makeBenchBatches({ ...variant, seed })) {
      const valid = await validateOrders(
        { rows: orders, rowIndex: undefined },
        { maxOrders: 1e6, currencies: DEFAULT_FX_RATES },
      )
      encoded.push((await encodeOrderRows(valid, DEFAULT_FX_RATES)).rows)
    }
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: variant.concurrency }, async () => {
        while (next < encoded.length) {
          const index = next++
          await insertOrders(store, encoded[index] as Buffer, `ceiling-${index}`)
        }
      }),
    )
    return (variant.batchSize * variant.batches) / ((performance.now() - started) / 1000)
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
