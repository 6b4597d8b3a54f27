import { tzOffset } from '@date-fns/tz'

/**
 * ECharts draws a time axis in the browser's zone, or in UTC with `useUTC`, and has no option
 * for any other zone. An instant plotted as its campaign-zone wall clock read as UTC, on an axis
 * drawn in UTC, puts ticks at the campaign's midnights and hours and labels them with the
 * campaign's clock, whatever zone the browser is in. Every time axis plots through this, and
 * sets `useUTC: true` (ZONED_AXIS) at the top of its option.
 */
export function zonedAxisTime(ms: number, timeZone: string): number {
  return ms + tzOffset(timeZone, new Date(ms)) * 60_000
}

/** Spread at the top of an option whose time axis plots zonedAxisTime values. */
export const ZONED_AXIS = { useUTC: true } as const
