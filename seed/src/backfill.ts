/**
 * Backfill: a whole campaign or a slice of it, as fast as the sink takes it. Generation
 * runs ahead of the network by at most `concurrency` batches, so memory stays bounded
 * (20,000 orders ≈ 4 MB a batch) while the server always has work queued.
 */
import type { BatchOptions, CampaignGenerator } from './generator.ts'
import type { OrderSink } from './orderSink.ts'
import { createProgress } from './progress.ts'

export interface BackfillOptions extends BatchOptions {
  generator: CampaignGenerator
  sink: OrderSink
  /** Batches in flight; 4 keeps a local server's ingest busy without queueing 100 MB in it. */
  concurrency?: number
  /** Draw a progress bar on stderr. */
  progress?: boolean
  label?: string
  signal?: AbortSignal
}

export interface BackfillResult {
  orders: number
  batches: number
  gmvFen: number
  seconds: number
}

export async function runBackfill(options: BackfillOptions): Promise<BackfillResult> {
  const { generator, sink } = options
  const concurrency = options.concurrency ?? 4
  const fromSecond = options.fromSecond ?? 0
  const toSecond = options.toSecond ?? Math.round((generator.endMs - generator.startMs) / 1000)
  const total =
    Math.round(generator.profile.cumulative[toSecond] as number) -
    Math.round(generator.profile.cumulative[fromSecond] as number)
  const progress = options.progress
    ? createProgress({ total, label: options.label ?? `backfill ${generator.year}` })
    : null
  const startedAt = performance.now()
  const inFlight = new Set<Promise<void>>()
  let failure: unknown = null
  let orders = 0
  let batches = 0
  let gmvFen = 0
  for (const batch of generator.ndjsonBatches({ ...options, fromSecond, toSecond })) {
    if (failure !== null || options.signal?.aborted) break
    const sending: Promise<void> = sink.send(batch).then(
      () => {
        orders += batch.orderCount
        batches++
        gmvFen += batch.gmvFen
        progress?.update(orders)
        inFlight.delete(sending)
      },
      (error: unknown) => {
        failure ??= error
        inFlight.delete(sending)
      },
    )
    inFlight.add(sending)
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  progress?.finish(orders)
  if (failure !== null) throw failure
  return { orders, batches, gmvFen, seconds: (performance.now() - startedAt) / 1000 }
}
