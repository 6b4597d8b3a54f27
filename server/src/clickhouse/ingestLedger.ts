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

/** Records a stored batch. Written after the orders, so a crash in between only costs a ledger line, never an order. */
export async function recordAcknowledgedBatch(
  store: Store,
  batchKey: string,
  entry: LedgerEntry,
  acknowledgedAtMs: number,
): Promise<void> {
  const row = Buffer.from(`${JSON.stringify([batchKey, entry.orders, entry.gmv, acknowledgedAtMs, entry.digest])}\n`)
  await store.insertRows(
    `${store.db}.ingest_batches`,
    ['batch_key', 'orders', 'gmv', 'acknowledged_at', 'digest'],
    row,
    { insert_deduplicate: 0 },
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
