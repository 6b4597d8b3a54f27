import { MemoryStore } from 'express-rate-limit'

/**
 * Subscribes per socket per second (LIVE_SUBSCRIBES_PER_SECOND), counted by the rate
 * limiter the read routes already use: its memory store, keyed by socket id, one-second window.
 */
export class SubscribeRate {
  readonly #store = new MemoryStore()

  constructor(private readonly perSecond: number) {
    // The store reads the window length only; the rest of the options are the middleware's.
    this.#store.init({ windowMs: 1000 } as Parameters<MemoryStore['init']>[0])
  }

  /** Counts one subscribe; false when the socket is over its budget for this second. */
  async allow(socketId: string): Promise<boolean> {
    const { totalHits } = await this.#store.increment(socketId)
    return totalHits <= this.perSecond
  }

  forget(socketId: string): void {
    void this.#store.resetKey(socketId)
  }
}
