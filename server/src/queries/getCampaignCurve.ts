import {
  type Campaign,
  type CampaignCurve,
  type CampaignCurvePoint,
  campaignNow,
  type Filter,
  fromFen,
  INTERVAL_MS,
  type Interval,
  type TimeseriesPoint,
  toFen,
} from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { campaignWindow } from '../figures/timeRange.ts'
import { getTimeseries } from './getTimeseries.ts'

/**
 * The campaign curve: the campaign's series (hourly, or daily where only days keep the filter:
 * a brand or a live room) summed up bucket by bucket, exactly, in fen. This year stops at the
 * clock; last year runs over its whole window, so the wall shows where last year went next.
 */
export async function getCampaignCurve(
  store: Store,
  campaign: Campaign,
  filter: Filter,
  nowMs: number = campaignNow(campaign),
): Promise<CampaignCurve> {
  const interval: Interval = filter.brand !== undefined || filter.liveRoom !== undefined ? '1d' : '1h'
  const window = campaignWindow(campaign)
  const whole = campaign.start !== null && campaign.end !== null
  const series = await getTimeseries(
    store,
    campaign,
    { filter, interval, ...(whole ? { to: window.toMs } : {}) },
    nowMs,
  )
  const start = series.from === null ? null : Date.parse(series.from)
  const endOf = (point: TimeseriesPoint, index: number) => {
    const next = series.points[index + 1]
    return next ? Date.parse(next.t) : Math.min(Date.parse(point.t) + INTERVAL_MS[interval], window.toMs)
  }
  const thisYear = cumulative(
    start,
    series.points.flatMap((point, index) =>
      Date.parse(point.t) < nowMs ? [{ at: Math.min(endOf(point, index), nowMs), gmv: point.gmv }] : [],
    ),
  )
  const lastYear = series.points.some((point) => point.lastYear !== null)
    ? cumulative(
        start,
        series.points.map((point, index) => ({ at: endOf(point, index), gmv: point.lastYear?.gmv ?? '0.00' })),
      )
    : []
  return { timeZone: campaign.timeZone, interval, thisYear, lastYear }
}

/** Running sums in fen, from zero at the start. */
function cumulative(startMs: number | null, buckets: { at: number; gmv: string }[]): CampaignCurvePoint[] {
  if (startMs === null) return []
  let fen = 0n
  const points: CampaignCurvePoint[] = [{ t: new Date(startMs).toISOString(), gmv: fromFen(0n) }]
  for (const bucket of buckets) {
    fen += toFen(bucket.gmv)
    points.push({ t: new Date(bucket.at).toISOString(), gmv: fromFen(fen) })
  }
  return points
}
