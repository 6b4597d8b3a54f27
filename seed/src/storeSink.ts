import { ApiError, createLogger, loadConfig, OrderIngest, openStore } from '@gmv-pulse/server'
import { emptySinkStats, type LedgerEntry, type OrderSink, type SinkBatch, type SinkStats } from './orderSink.ts'
import { type Attempt, IngestError, type RetryPolicy, sendWithRetries } from './sendWithRetries.ts'

export interface StoreSink extends OrderSink {
  readonly stats: SinkStats
  close(): Promise<void>
}

export interface StoreSinkOptions {
  onAcknowledged?: (entry: LedgerEntry) => void
  onRetry?: RetryPolicy['onRetry']
  /** A store slower than this on one batch is retried, as the API's 503 would be. */
  storeTimeoutMs?: number
}

/**
 * A sink straight into an embedded store that no server holds (the engine allows one
 * process per data directory): the server's own ingest pipeline, minus HTTP, so orders
 * are validated, converted and deduplicated by Idempotency-Key exactly as over the API —
 * and a batch the store is too slow or too busy for is retried under its key, as the HTTP
 * sink retries a 503, instead of ending the backfill.
 */
export async function openStoreSink(dataDir: string, options: StoreSinkOptions = {}): Promise<StoreSink> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
  const logger = createLogger(config.logLevel)
  const store = await openStore(config.store, logger)
  const ingest = new OrderIngest(
    store,
    {
      fxRates: config.fxRates,
      maxBatchOrders: config.ingest.maxBatchOrders,
      // The backfill is the only producer and paces itself: nothing to share or queue.
      maxInFlight: Number.POSITIVE_INFINITY,
      maxPending: Number.POSITIVE_INFINITY,
      maxPendingPerProducer: Number.POSITIVE_INFINITY,
      storeTimeoutMs: options.storeTimeoutMs ?? config.ingest.storeTimeoutMs,
    },
    logger,
  )
  const stats = emptySinkStats()
  const attempt = async (batch: SinkBatch): Promise<Attempt> => {
    try {
      const body = Buffer.from(batch.ndjson.buffer, batch.ndjson.byteOffset, batch.ndjson.byteLength)
      const result = await ingest.store({ body, format: 'ndjson', orders: batch.orderCount }, `backfill:${batch.key}`)
      return { ok: true, accepted: result.accepted, duplicate: result.duplicate }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      // 503 (the store slow or down) may pass; a 4xx is the batch itself and will not.
      const retryable = error.status >= 500
      const waitMs = error.retryAfterSeconds === undefined ? null : error.retryAfterSeconds * 1000
      return {
        ok: false,
        error: new IngestError(`${error.status} ${error.code}: ${error.message}`, error.status, retryable),
        waitMs,
      }
    }
  }
  const policy: RetryPolicy = {
    maxAttempts: 8,
    backoffMs: 250,
    maxBackoffMs: 10_000,
    onAcknowledged: options.onAcknowledged,
    onRetry: options.onRetry,
  }
  return {
    stats,
    send: (batch) => sendWithRetries(batch, stats, policy, attempt),
    close: () => store.close(),
  }
}
