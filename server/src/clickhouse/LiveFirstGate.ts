/**
 * Hands statements to the embedded engine live ticks first.
 *
 * chdb runs one parameterized statement at a time per process, across every session, in the
 * order they were handed to it (chdb/index.js, `globalParamChain`: concurrent bindings on
 * different sessions corrupt each other). A separate session alone therefore does not keep a
 * wall's reads from queueing behind eight analyst statements. This gate hands an analyst
 * statement over only while no live statement runs, has finished within IDLE_GRACE_MS, or
 * waits, and one at a time: a live statement waits for at most the one analyst statement
 * already handed over.
 *
 * Written by hand: p-queue's priorities order waiting work but cannot hold one class back while
 * another is running, and neither is a dependency here.
 */
export class LiveFirstGate {
  #live = 0
  #analystRunning = false
  #lastLiveAt = 0
  readonly #analystsWaiting: (() => void)[] = []
  #timer: NodeJS.Timeout | undefined

  async live<T>(run: () => Promise<T>): Promise<T> {
    this.#live += 1
    try {
      return await run()
    } finally {
      this.#live -= 1
      this.#lastLiveAt = performance.now()
      this.#next()
    }
  }

  async analyst<T>(run: () => Promise<T>): Promise<T> {
    await new Promise<void>((granted) => {
      this.#analystsWaiting.push(granted)
      this.#next()
    })
    try {
      return await run()
    } finally {
      this.#analystRunning = false
      this.#next()
    }
  }

  /** Statements waiting for their turn in the analyst lane. */
  get waiting(): number {
    return this.#analystsWaiting.length
  }

  #next(): void {
    if (this.#analystRunning || this.#live > 0 || this.#analystsWaiting.length === 0) return
    const idleFor = performance.now() - this.#lastLiveAt
    if (idleFor < IDLE_GRACE_MS) {
      // A tick's figures run partly one after another: the next one is asked for a moment after
      // the last one answers. Hand nothing over in that gap.
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined
        this.#next()
      }, IDLE_GRACE_MS - idleFor)
      return
    }
    this.#analystRunning = true
    this.#analystsWaiting.shift()?.()
  }
}

/**
 * Between a tick's sequential figures the engine is idle for well under a millisecond plus the
 * time to parse an answer in JavaScript; 5 ms covers that gap without holding analysts back
 * noticeably (a tick of a few filters is over in tens of milliseconds).
 */
const IDLE_GRACE_MS = 5
