import type { RequestHandler } from 'express'
import { ApiError } from './ApiError.ts'

/**
 * Seconds an analyst turned away should wait: a read of the explorer takes tens to hundreds of
 * milliseconds, so within a second a full queue has usually moved on.
 */
const RETRY_AFTER_SECONDS = 1

/**
 * At most `size` analyst reads at once; up to `queue` more wait their turn in order of arrival;
 * beyond that the engine is saturated and the read is refused at once rather than queued behind
 * minutes of work. A waiting read whose client leaves gives its place up.
 *
 * Written by hand: p-limit and p-queue bound concurrency in order, but neither refuses when its
 * queue is full nor lets a waiter leave it, and neither is a dependency here.
 */
export class ReadPool {
  #running = 0
  readonly #waiting = new Set<() => void>()

  constructor(
    readonly size: number,
    readonly queue: number,
  ) {}

  get running(): number {
    return this.#running
  }

  get waiting(): number {
    return this.#waiting.size
  }

  /**
   * A place for one read: `started` resolves when it may run; `done` frees the slot (or the
   * place in the queue) and may be called any number of times. Undefined when the queue is full.
   */
  enter(): { started: Promise<void>; done: () => void } | undefined {
    if (this.#running < this.size) {
      this.#running += 1
      return { started: Promise.resolve(), done: this.#once(() => this.#leave()) }
    }
    if (this.#waiting.size >= this.queue) return undefined
    let turn: () => void = () => {}
    let running = false
    const started = new Promise<void>((resolve) => {
      turn = () => {
        running = true
        resolve()
      }
    })
    this.#waiting.add(turn)
    const done = this.#once(() => {
      if (running) this.#leave()
      else this.#waiting.delete(turn)
    })
    return { started, done }
  }

  #once(action: () => void): () => void {
    let called = false
    return () => {
      if (called) return
      called = true
      action()
    }
  }

  /** Frees a slot and hands it to the read that has waited longest (a Set iterates in insertion order). */
  #leave(): void {
    const next = this.#waiting.values().next()
    if (next.done) {
      this.#running -= 1
      return
    }
    this.#waiting.delete(next.value)
    next.value()
  }
}

const busy = (pool: ReadPool, why: string) =>
  new ApiError(
    503,
    'store_unavailable',
    `the store is busy (${why}: ${pool.running} reads running, ${pool.waiting} waiting); retry shortly`,
    undefined,
    RETRY_AFTER_SECONDS,
  )

/**
 * Holds each request in the pool until its answer is sent or its client goes away. 503 +
 * Retry-After when the queue is full, or when a read has waited `maxWaitMs` without its turn:
 * either way the engine is saturated, and the analyst is better told so than left waiting.
 */
export function readPoolGate(pool: ReadPool, maxWaitMs: number): RequestHandler {
  return (_req, res, next) => {
    const place = pool.enter()
    if (!place) return next(busy(pool, 'queue full'))
    let refused = false
    const timer = setTimeout(() => {
      refused = true
      place.done()
      next(busy(pool, `no turn within ${maxWaitMs} ms`))
    }, maxWaitMs)
    res.on('close', () => {
      clearTimeout(timer)
      place.done()
    })
    void place.started.then(() => {
      if (refused) return
      clearTimeout(timer)
      next()
    })
  }
}
