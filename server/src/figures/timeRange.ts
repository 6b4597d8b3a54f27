import type { Campaign } from '@gmv-pulse/shared'
import { EARLIEST_MS, OPEN_END_MS } from './grains.ts'

/** A half-open event-time range [fromMs, toMs) in epoch ms. */
export interface Range {
  fromMs: number
  toMs: number
}

export interface RangeRequest {
  from?: number | undefined
  to?: number | undefined
}

/**
 * The one meaning of "the campaign so far", used by the wall, the explorer, the presenter and
 * every route:
 * - a range not given is the campaign window; an open-ended campaign's is all time;
 * - its end is the campaign's end, so it counts every order stored in the window. Orders
 *   cannot be stored ahead of the clock (short of a producer's clock skew), so that is the
 *   campaign up to now, and the figure reads whole rollup buckets with no ragged edge;
 * - what is shown as the range's end is that end capped at now (`shownTo`), and last year is
 *   compared up to the same capped offset.
 */
export function resolveRange(campaign: Campaign, requested: RangeRequest = {}): Range {
  const window = campaignWindow(campaign)
  return { fromMs: requested.from ?? window.fromMs, toMs: requested.to ?? window.toMs }
}

/** The campaign window; all time [EARLIEST_MS, OPEN_END_MS) when the campaign is open-ended. */
export function campaignWindow(campaign: Campaign): Range {
  return {
    fromMs: campaign.start ? Date.parse(campaign.start) : EARLIEST_MS,
    toMs: campaign.end ? Date.parse(campaign.end) : OPEN_END_MS,
  }
}

/** The range's end as a screen shows it: never later than now. */
export function shownTo(range: Range, nowMs: number): number {
  return Math.max(range.fromMs, Math.min(range.toMs, nowMs))
}

/** Last year's campaign window, or null when none is configured. */
export function lastYearWindow(campaign: Campaign): Range | null {
  if (!campaign.lastYear) return null
  return { fromMs: Date.parse(campaign.lastYear.start), toMs: Date.parse(campaign.lastYear.end) }
}

/** Milliseconds from last year's window to this one: last year's instant for t is t − offsetMs. */
export function lastYearOffsetMs(campaign: Campaign): number | null {
  if (!campaign.start || !campaign.lastYear) return null
  return Date.parse(campaign.start) - Date.parse(campaign.lastYear.start)
}

/**
 * Last year at the same campaign offset: the range moved onto last year's clock, its end capped
 * at now first (so the campaign so far compares with last year so far), clipped to last year's
 * window. Null when no last-year window is configured or nothing of it remains.
 */
export function lastYearRange(campaign: Campaign, range: Range, nowMs: number): Range | null {
  return shiftToLastYear(campaign, { fromMs: range.fromMs, toMs: shownTo(range, nowMs) })
}

/**
 * A range moved onto last year's clock as it is, clipped to last year's window: a series sets
 * each bucket beside last year's, ahead of now too. Null as for lastYearRange.
 */
export function shiftToLastYear(campaign: Campaign, range: Range): Range | null {
  const offsetMs = lastYearOffsetMs(campaign)
  const window = lastYearWindow(campaign)
  if (offsetMs === null || !window) return null
  const fromMs = Math.max(range.fromMs - offsetMs, window.fromMs)
  const toMs = Math.min(range.toMs - offsetMs, window.toMs)
  return fromMs < toMs ? { fromMs, toMs } : null
}
