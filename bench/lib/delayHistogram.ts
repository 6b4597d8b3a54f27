/**
 * Delivery delays counted per whole millisecond: 20,000 viewers over a 20-second window are
 * 400,000 delays per step, which several processes report and one merges. Counts per ms are
 * exact at the resolution the clock has (Date.now()), and small to send between processes.
 */
export class DelayHistogram {
  /** Anything slower than a minute counts in the last bucket: it has failed the goal either way. */
  static readonly MAX_MS = 60_000
  readonly #counts = new Uint32Array(DelayHistogram.MAX_MS + 1)
  #total = 0

  add(ms: number, times = 1): void {
    const bucket = Math.min(DelayHistogram.MAX_MS, Math.max(0, Math.round(ms)))
    this.#counts[bucket] = (this.#counts[bucket] as number) + times
    this.#total += times
  }

  get count(): number {
    return this.#total
  }

  /** Nearest-rank percentile (p in 0–100), as bench/lib/stats.ts computes it over a list; NaN when empty. */
  percentile(p: number): number {
    if (this.#total === 0) return Number.NaN
    const rank = Math.min(this.#total, Math.max(1, Math.ceil((p / 100) * this.#total)))
    let seen = 0
    for (let ms = 0; ms < this.#counts.length; ms++) {
      seen += this.#counts[ms] as number
      if (seen >= rank) return ms
    }
    return DelayHistogram.MAX_MS
  }

  /** [ms, count] pairs of the non-empty buckets: what a viewer process sends back. */
  toPairs(): [number, number][] {
    const pairs: [number, number][] = []
    this.#counts.forEach((count, ms) => {
      if (count > 0) pairs.push([ms, count])
    })
    return pairs
  }

  addPairs(pairs: readonly (readonly [number, number])[]): void {
    for (const [ms, count] of pairs) this.add(ms, count)
  }
}
