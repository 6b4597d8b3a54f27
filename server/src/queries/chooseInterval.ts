import { INTERVAL_MS, type Interval } from '@gmv-pulse/shared'

/** A chart reads well with this many points: fewer looks blocky, more is wasted on a 4K wall. */
const FEWEST_POINTS = 100
const MOST_POINTS = 500

/**
 * The interval whose point count for a range falls in [100, 500], or, when none does, the
 * one closest to that band on a log scale (a 10-minute range gives 600 seconds rather than
 * 10 minutes). Ties go to the coarser interval.
 */
export function chooseInterval(rangeMs: number): Interval {
  let best: Interval = '1d'
  let bestDistance = Number.POSITIVE_INFINITY
  for (const [interval, width] of Object.entries(INTERVAL_MS) as [Interval, number][]) {
    const points = Math.max(1, Math.ceil(rangeMs / width))
    const distance =
      points < FEWEST_POINTS
        ? Math.log(FEWEST_POINTS / points)
        : points > MOST_POINTS
          ? Math.log(points / MOST_POINTS)
          : 0
    if (distance <= bestDistance) {
      best = interval
      bestDistance = distance
    }
  }
  return best
}
