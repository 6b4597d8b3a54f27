import { fromFen } from '@gmv-pulse/shared'
import type { LedgerEntry, SinkBatch, SinkStats } from './orderSink.ts'

/** A batch the sink could not store; `retryable` says whether the same batch, sent again, may be. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'IngestError'
  }
}

/** One try at storing a batch: stored, or refused with how long the store asked to wait (null: back off). */
export type Attempt =
  | { ok: true; accepted: number; duplicate: boolean }
  | { ok: false; error: IngestError; waitMs: number | null }

export interface RetryPolicy {
  /** Attempts per batch before giving up (the first try included). */
  maxAttempts: number
  /** First backoff; doubles per attempt up to maxBackoffMs, with jitter so producers do not retry in step. */
  backoffMs: number
  maxBackoffMs: number
  onAcknowledged?: ((entry: LedgerEntry) => void) | undefined
  onRetry?: ((info: { key: string; attempt: number; reason: string; waitMs: number }) => void) | undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends one batch through `attempt` until it is stored, retrying what may succeed later (a slow
 * or busy store, a dropped connection) after the wait asked for or an exponential backoff —
 * always the same batch under the same key, so one stored before the answer was lost is not
 * stored twice. Counts into `stats` and reports each acknowledged batch for the ledger. Both
 * sinks, over HTTP and straight into a store, send through it.
 */
export async function sendWithRetries(
  batch: SinkBatch,
  stats: SinkStats,
  policy: RetryPolicy,
  attempt: (batch: SinkBatch) => Promise<Attempt>,
): Promise<void> {
  stats.sentBatches++
  stats.sentOrders += batch.orderCount
  for (let attemptNumber = 1; ; attemptNumber++) {
    const result = await attempt(batch)
    if (result.ok) {
      stats.acknowledgedBatches++
      stats.acknowledgedOrders += batch.orderCount
      stats.acknowledgedGmvFen += batch.gmvFen
      if (result.duplicate) stats.duplicateBatches++
      policy.onAcknowledged?.({
        key: batch.key,
        orders: batch.orderCount,
        gmv: fromFen(BigInt(batch.gmvFen)),
        accepted: result.accepted,
        duplicate: result.duplicate,
        attempts: attemptNumber,
      })
      return
    }
    if (!result.error.retryable || attemptNumber >= policy.maxAttempts) {
      stats.failedBatches++
      stats.failedOrders += batch.orderCount
      throw result.error
    }
    const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attemptNumber - 1))
    const waitMs = result.waitMs ?? backoff / 2 + Math.random() * (backoff / 2)
    stats.retries++
    policy.onRetry?.({ key: batch.key, attempt: attemptNumber, reason: result.error.message, waitMs })
    await sleep(waitMs)
  }
}
