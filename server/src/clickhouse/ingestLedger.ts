import { DIGEST_OF_SUMS, INGEST_BATCH_SUMS } from './orderIntake.ts'
import type { Store } from './store.ts'

export interface LedgerEntry {
  orders: number
  gmv: string
  /**
   * The batch's digest as stored: the engine's sums of order hashes (DIGEST_PREFIX), a SHA-256
   * (hex) of the encoded rows for batches acknowledged before the engine checked batches, or
   * empty for batches acknowledged before digests were kept.
   */
  digest: string
}

/** The acknowledged batch under this key, if any. */
export async function findAcknowledgedBatch(store: Store, batchKey: string): Promise<LedgerEntry | undefined> {
  const [row] = await store.select<LedgerEntry>(
    `SELECT orders, toString(gmv) AS gmv, digest FROM ${store.db}.ingest_batches WHERE batch_key = {batchKey:String} LIMIT 1`,
    { batchKey },
  )
  return row
}

/**
 * Records a stored batch. Written after the orders, so a crash in between only costs a ledger
 * line, never an order. A statement on a read session rather than an insert on the write path:
 * an embedded store's write session runs one statement at a time, and the ledger line would
 * wait there behind the next batch's insert, leaving the engine idle while its answer waits.
 */
export async function recordAcknowledgedBatch(
  store: Store,
  batchKey: string,
  entry: LedgerEntry,
  acknowledgedAtMs: number,
): Promise<void> {
  await store.execute(
    `INSERT INTO ${store.db}.ingest_batches (batch_key, orders, gmv, acknowledged_at, digest)
     SETTINGS insert_deduplicate = 0, distributed_foreground_insert = 1
     SELECT {batchKey:String}, {orders:UInt32}, {gmv:Decimal(18, 2)}, fromUnixTimestamp64Milli({at:Int64}, 'UTC'), {digest:String}`,
    { batchKey, orders: entry.orders, gmv: entry.gmv, at: acknowledgedAtMs, digest: entry.digest },
  )
}

/** What the intake counted of the batch written under this token (orderIntake.ts); undefined when it held no order. */
export async function sumsOfBatch(store: Store, token: string): Promise<LedgerEntry | undefined> {
  const [row] = await store.select<{ orders: string; gmv: string; digest: string }>(
    `SELECT sum(orders) AS orders, toString(sum(gmv)) AS gmv, ${DIGEST_OF_SUMS} AS digest
     FROM ${store.db}.${INGEST_BATCH_SUMS} WHERE token = {token:String} GROUP BY token`,
    { token },
  )
  return row && Number(row.orders) > 0 ? { orders: Number(row.orders), gmv: row.gmv, digest: row.digest } : undefined
}
