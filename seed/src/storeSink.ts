import { createLogger, loadConfig, OrderIngest, openStore } from '@gmv-pulse/server'
import { fromFen } from '@gmv-pulse/shared'
import { emptySinkStats, type LedgerEntry, type OrderSink, type SinkStats } from './orderSink.ts'

export interface StoreSink extends OrderSink {
  readonly stats: SinkStats
  close(): Promise<void>
}

/**
 * A sink straight into an embedded store that no server holds (the engine allows one
 * process per data directory): the server's own ingest pipeline, minus HTTP, so orders
 * are validated, converted and deduplicated by Idempotency-Key exactly as over the API.
 */
export async function openStoreSink(
  dataDir: string,
  onAcknowledged?: (entry: LedgerEntry) => void,
): Promise<StoreSink> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
  const logger = createLogger(config.logLevel)
  const store = await openStore(config.store, logger)
  const ingest = new OrderIngest(
    store,
    {
      fxRates: config.fxRates,
      maxBatchOrders: config.ingest.maxBatchOrders,
      maxInFlight: Number.POSITIVE_INFINITY,
      storeTimeoutMs: config.ingest.storeTimeoutMs,
    },
    logger,
  )
  const stats = emptySinkStats()
  return {
    stats,
    async send(batch) {
      stats.sentBatches++
      stats.sentOrders += batch.orderCount
      const orders = await ingest.validate(Buffer.from(batch.ndjson), 'ndjson')
      const result = await ingest.store(orders, `backfill:${batch.key}`)
      stats.acknowledgedBatches++
      stats.acknowledgedOrders += batch.orderCount
      stats.acknowledgedGmvFen += batch.gmvFen
      if (result.duplicate) stats.duplicateBatches++
      onAcknowledged?.({
        key: batch.key,
        orders: batch.orderCount,
        gmv: fromFen(BigInt(batch.gmvFen)),
        accepted: result.accepted,
        duplicate: result.duplicate,
        attempts: 1,
      })
    },
    close: () => store.close(),
  }
}
