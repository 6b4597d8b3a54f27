import type { Store } from './store.ts'

export interface LedgerEntry {
  orders: number
  gmv: string
  /** SHA-256 (hex) of the batch as stored; empty for batches acknowledged before it was kept. */
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
    {
      insert_deduplicate: 0,
    },
  )
}
