import { type CampaignCurve, type CampaignCurvePoint, type Snapshot, toFen } from '@gmv-pulse/shared'

/** A curve as drawn: epoch ms and GMV (CNY decimal strings), this year and last year. */
export interface DrawnCurve {
  thisYear: CampaignCurvePoint[]
  lastYear: CampaignCurvePoint[]
}

/**
 * The server's curve (hourly up to when it was read) with the wall's live total as its newest
 * point, so the line reaches the ticker's number between two reads. A snapshot older than the
 * curve's end, or below it, adds nothing: the line never steps back.
 */
export function withLiveTotal(curve: CampaignCurve | undefined, snapshot: Snapshot | null): DrawnCurve {
  if (!curve) return { thisYear: [], lastYear: [] }
  const last = curve.thisYear.at(-1)
  const liveAt = snapshot?.asOf ?? null
  const newer =
    snapshot !== null &&
    liveAt !== null &&
    last !== undefined &&
    Date.parse(liveAt) > Date.parse(last.t) &&
    toFen(snapshot.gmv) >= toFen(last.gmv)
  return {
    thisYear: newer ? [...curve.thisYear, { t: liveAt, gmv: snapshot.gmv }] : curve.thisYear,
    lastYear: curve.lastYear,
  }
}
