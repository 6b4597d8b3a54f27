/** Where generated batches go. The HTTP sink is one; a direct store sink can be another. */
export interface SinkBatch {
  /** Idempotency-Key: a retried batch with the same key is stored once. */
  key: string
  orderCount: number
  /** Exact GMV of the batch in fen. */
  gmvFen: number
  /** UTF-8 NDJSON, one order a line. */
  ndjson: Uint8Array<ArrayBuffer>
}

export interface OrderSink {
  /** Resolves once the batch is stored; rejects when it cannot be (after any retries). */
  send(batch: SinkBatch): Promise<void>
}

/** One acknowledged batch, for a ledger that a benchmark or fault test can reconcile with the store. */
export interface LedgerEntry {
  key: string
  orders: number
  /** Decimal string, exact. */
  gmv: string
  accepted: number
  duplicate: boolean
  attempts: number
}

export interface SinkStats {
  sentBatches: number
  sentOrders: number
  acknowledgedBatches: number
  acknowledgedOrders: number
  acknowledgedGmvFen: number
  duplicateBatches: number
  failedBatches: number
  failedOrders: number
  retries: number
}

export function emptySinkStats(): SinkStats {
  return {
    sentBatches: 0,
    sentOrders: 0,
    acknowledgedBatches: 0,
    acknowledgedOrders: 0,
    acknowledgedGmvFen: 0,
    duplicateBatches: 0,
    failedBatches: 0,
    failedOrders: 0,
    retries: 0,
  }
}
