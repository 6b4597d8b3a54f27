/**
 * Runs at most `concurrency` jobs at once, the rest waiting in the order they came.
 *
 * Hand-written because no limiter is in the tree (express-rate-limit counts, it does not
 * queue), and the one this needs is a queue of closures: what a limiter library adds
 * (priorities, timeouts, events) is done by the caller here, which checks when a job starts
 * whether it is still wanted and races it against its tick's deadline.
 */
export class ComputeLane {
  #running = 0
  readonly #waiting: (() => void)[] = []

  constructor(readonly concurrency: number) {}

  /** Jobs queued behind the running ones. */
  get waiting(): number {
    return this.#waiting.length
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running += 1
        Promise.resolve()
          .then(job)
          .then(resolve, reject)
          .finally(() => {
            this.#running -= 1
            this.#waiting.shift()?.()
          })
      }
      if (this.#running < this.concurrency) start()
      else this.#waiting.push(start)
    })
  }
}
