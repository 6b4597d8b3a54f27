/**
 * What other packages may use of the server: the store and the ingest pipeline, so that a
 * backfill can write straight into an embedded store with the very same validation,
 * conversion and idempotency as POST /api/v1/orders.
 */
export { openStore, type Store } from './clickhouse/store.ts'
export { loadConfig } from './config.ts'
export { ApiError } from './http/ApiError.ts'
export { OrderIngest } from './ingest/OrderIngest.ts'
export { createLogger } from './logger.ts'
