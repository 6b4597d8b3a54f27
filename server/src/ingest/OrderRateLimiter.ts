/**
 * Orders-per-second limit per ingest token, weighted by batch size.
 *
 * Hand-written because the usual limiter libraries count requests in fixed windows and
 * refuse any single request heavier than the window: a 100,000-order batch under a
 * 50,000 orders/s limit would never pass. Here a token may go into debt for one batch
 * when its bucket is not empty, and pays it back at its rate, so big batches flow at the
 * configured average.
 */
export class OrderRateLimiter {
  readonly #buckets = new Map<string, { balance: number; updatedMs: number }>()

  constructor(
    private readonly ordersPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before the token may send again, or 0 when the batch may pass (and is charged). */
  take(tokenId: string, orders: number): number {
    const bucket = this.#refilled(tokenId)
    const wait = this.#waitOf(bucket)
    if (wait === 0) bucket.balance -= orders
    return wait
  }

  /**
   * Seconds the token must wait before its next batch, charging nothing: asked before a body is
   * read, so a token in debt is turned away before it costs a read and a parse.
   */
  wait(tokenId: string): number {
    return this.#waitOf(this.#refilled(tokenId))
  }

  #waitOf(bucket: { balance: number }): number {
    return bucket.balance <= 0 ? Math.max(1, Math.ceil(-bucket.balance / this.ordersPerSecond)) : 0
  }

  #refilled(tokenId: string): { balance: number; updatedMs: number } {
    const now = this.now()
    // One second of burst: a producer that paused may catch up briefly, not indefinitely.
    const capacity = this.ordersPerSecond
    const bucket = this.#buckets.get(tokenId) ?? { balance: capacity, updatedMs: now }
    bucket.balance = Math.min(capacity, bucket.balance + ((now - bucket.updatedMs) / 1000) * this.ordersPerSecond)
    bucket.updatedMs = now
    this.#buckets.set(tokenId, bucket)
    return bucket
  }
}
