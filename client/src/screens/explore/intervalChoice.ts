import { type Interval, MAX_SERIES_POINTS, seriesPointCount } from '@gmv-pulse/shared'
import type { CampaignFrame, ResolvedRange } from './timeRange.ts'

/** The bucket widths an analyst picks from; 'auto' lets the server size the series to the range. */
export const INTERVAL_CHOICES = ['auto', '1m', '5m', '1h', '1d'] as const
export type IntervalChoice = (typeof INTERVAL_CHOICES)[number]

/**
 * How long a range the server will size the series on, in ms: the range asked for, its open
 * ends filled as the server fills them (the campaign window, or — open-ended — the span of the
 * stored data, which the last answer reports). Null when that is not known yet.
 */
export function seriesSpan(
  range: ResolvedRange,
  campaign: CampaignFrame,
  answered: { from: string | null; to: string | null } | undefined,
): number | null {
  const answeredFrom = answered?.from ? Date.parse(answered.from) : undefined
  const answeredTo = answered?.to ? Date.parse(answered.to) : undefined
  const from = range.from ?? (campaign.start ? Date.parse(campaign.start) : answeredFrom)
  const to = range.to ?? (campaign.end ? Date.parse(campaign.end) : answeredTo)
  return from === undefined || to === undefined || to <= from ? null : to - from
}

export interface IntervalOption {
  choice: IntervalChoice
  /** Buckets over the span (null for auto, or while the span is unknown). */
  points: number | null
  /** False when the server would refuse it: more than MAX_SERIES_POINTS buckets. */
  allowed: boolean
}

/** Every choice with whether the server accepts it over `spanMs` (auto always is). */
export function intervalOptions(spanMs: number | null): IntervalOption[] {
  return INTERVAL_CHOICES.map((choice) => {
    if (choice === 'auto' || spanMs === null) return { choice, points: null, allowed: true }
    const points = seriesPointCount(spanMs, choice)
    return { choice, points, allowed: points <= MAX_SERIES_POINTS }
  })
}

/** The interval to ask for: the analyst's choice when the server accepts it over this span, else auto. */
export function requestInterval(choice: IntervalChoice, spanMs: number | null): Interval | 'auto' {
  return intervalOptions(spanMs).find((option) => option.choice === choice)?.allowed ? choice : 'auto'
}
