import type { Snapshot } from '@gmv-pulse/shared'

/** One point of the GMV curve: campaign offset in seconds, this year's and last year's GMV (CNY decimal strings). */
export interface CurvePoint {
  /** Event time of the point (epoch ms). */
  at: number
  offsetSeconds: number
  gmv: string
  lastYearGmv: string | null
}

/** Ten hours of one-second points; older points are thinned by the chart, not kept twice. */
export const MAX_CURVE_POINTS = 36_000

/**
 * Appends a snapshot to the client-side GMV history, aligned by campaign offset
 * (seconds since the campaign start, or since the first snapshot when open-ended).
 * A snapshot with the same as-of time replaces the last point; an older one is ignored.
 */
export function appendCurvePoint(
  points: readonly CurvePoint[],
  snapshot: Snapshot,
  campaignStart: string | null,
): CurvePoint[] {
  const at = Date.parse(snapshot.asOf ?? snapshot.computedAt)
  if (Number.isNaN(at)) return [...points]
  const origin = campaignStart ? Date.parse(campaignStart) : (points[0]?.at ?? at)
  const point: CurvePoint = {
    at,
    offsetSeconds: Math.max(0, Math.round((at - origin) / 1000)),
    gmv: snapshot.gmv,
    lastYearGmv: snapshot.lastYear?.gmv ?? null,
  }
  const last = points[points.length - 1]
  if (last && point.offsetSeconds < last.offsetSeconds) return [...points]
  const kept = last && last.offsetSeconds === point.offsetSeconds ? points.slice(0, -1) : points
  const next = [...kept, point]
  return next.length > MAX_CURVE_POINTS ? next.slice(next.length - MAX_CURVE_POINTS) : next
}
