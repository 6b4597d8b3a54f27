import { ApiError } from '../http/ApiError.ts'

export interface FairAdmissionOptions {
  /** Batches stored at once. */
  slots: number
  /** Requests between their headers and their answer (reading, waiting or storing), all producers together. */
  maxPending: number
  /** The same, per producer (token): a flood from one leaves room for the others. */
  maxPendingPerProducer: number
  /** A batch that would wait longer than this for a slot is answered 503 instead. */
  maxWaitMs: number
}

/** Seconds a producer should wait before retrying when the server cannot take its batch now. */
export const RETRY_AFTER_SECONDS = 1

const busy = (message: string) =>
  new ApiError(
    503,
    'store_unavailable',
    `${message}; retry shortly with the same Idempotency-Key`,
    undefined,
    RETRY_AFTER_SECONDS,
  )

interface Waiter {
  grant: () => void
  refuse: (error: ApiError) => void
}

/**
 * Admission to ingest, fair between producers. A request holds a ticket from its headers to
 * its answer, capped in all and per producer, so bodies read at once stay bounded and a
 * producer trickling or flooding holds only its own share. A store slot is taken only once a
 * batch is read and checked; a batch waits for one in a queue per producer, served in turn
 * (round robin), and is refused with 503 + Retry-After only when its wait would pass the
 * store timeout. A closing server takes no new request, and stores every batch already in.
 *
 * Written by hand: queue libraries (p-queue, p-limit) keep one queue in arrival order, which
 * a producer flooding it would fill.
 */
export class FairAdmission {
  #storing = 0
  #closing = false
  readonly #pending = new Map<string, number>()
  #pendingTotal = 0
  /** Waiting batches per producer; producers in the order they are next served. */
  readonly #waiting = new Map<string, Waiter[]>()
  #idle: (() => void)[] = []

  constructor(private readonly options: FairAdmissionOptions) {}

  get storing(): number {
    return this.#storing
  }

  /** Requests admitted and not yet answered. */
  get pending(): number {
    return this.#pendingTotal
  }

  /** A ticket for a request, taken at its headers; refused with 503 when its producer or the server holds its share. Returns its release. */
  enter(producer: string): () => void {
    if (this.#closing) throw busy('the server is shutting down')
    const held = this.#pending.get(producer) ?? 0
    if (held >= this.options.maxPendingPerProducer) throw busy(`this producer already has ${held} batches on their way`)
    if (this.#pendingTotal >= this.options.maxPending)
      throw busy(`the server already has ${this.#pendingTotal} batches on their way`)
    this.#pending.set(producer, held + 1)
    this.#pendingTotal += 1
    let left = false
    return () => {
      if (left) return
      left = true
      const now = (this.#pending.get(producer) ?? 1) - 1
      if (now === 0) this.#pending.delete(producer)
      else this.#pending.set(producer, now)
      this.#pendingTotal -= 1
      if (this.#pendingTotal === 0) for (const resolve of this.#idle.splice(0)) resolve()
    }
  }

  /** A store slot for a batch read and checked: at once when one is free, else in this producer's turn. Returns its release. */
  async slot(producer: string, abandoned: AbortSignal): Promise<() => void> {
    // No check of closing here: a batch admitted before the close is stored, as promised.
    if (this.#storing < this.options.slots && this.#waiting.size === 0) {
      this.#storing += 1
      return this.#releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const queue = this.#waiting.get(producer) ?? []
      this.#waiting.set(producer, queue)
      const leave = () => {
        clearTimeout(timer)
        abandoned.removeEventListener('abort', onAbandoned)
        const index = queue.indexOf(waiter)
        if (index >= 0) queue.splice(index, 1)
        if (queue.length === 0 && this.#waiting.get(producer) === queue) this.#waiting.delete(producer)
      }
      const waiter: Waiter = {
        // The slot is counted as taken here, not when the awaiting code resumes: no one else takes it in between.
        grant: () => {
          leave()
          this.#storing += 1
          resolve()
        },
        refuse: (error) => {
          leave()
          reject(error)
        },
      }
      const timer = setTimeout(
        () => waiter.refuse(busy(`no store slot came free within ${this.options.maxWaitMs} ms`)),
        this.options.maxWaitMs,
      )
      const onAbandoned = () => waiter.refuse(busy('the request was abandoned'))
      abandoned.addEventListener('abort', onAbandoned, { once: true })
      queue.push(waiter)
      this.#next()
    })
    return this.#releaser()
  }

  /** Admits nothing more (503) and resolves once every request already in has been answered. */
  close(): Promise<void> {
    this.#closing = true
    if (this.#pendingTotal === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.push(resolve))
  }

  #releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.#storing -= 1
      this.#next()
    }
  }

  /** Hands a free slot to the producer whose turn it is, who then goes to the back of the line. */
  #next(): void {
    if (this.#storing >= this.options.slots) return
    const [producer, queue] = this.#waiting.entries().next().value ?? []
    if (producer === undefined || !queue) return
    // Map order is the order of turns: re-inserting sends this producer to the back.
    this.#waiting.delete(producer)
    if (queue.length > 1) this.#waiting.set(producer, queue)
    queue[0]?.grant()
  }
}
