import { TZDate } from '@date-fns/tz'
import { MAX_EVENT_TIME_MS } from '@gmv-pulse/shared'
import { addDays, startOfDay } from 'date-fns'

/** The time buckets rollups are cut in. Seconds, minutes and hours in UTC; days in the layout's zone. */
export type Grain = 'second' | 'minute' | 'hour' | 'day'

const FIXED_MS: Readonly<Record<Exclude<Grain, 'day'>, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
}

/**
 * Stand-ins for an open end of a range. A range that reaches OPEN_END_MS has no ragged right
 * edge: the rollups' newest bucket, partial or not, holds everything stored so far. It is the
 * ingest's bound on event times, so no stored order lies past it (and DateTime, the rollups'
 * type, reaches beyond it, to 2106).
 */
export const EARLIEST_MS = 0
export const OPEN_END_MS = MAX_EVENT_TIME_MS

/** Start of the bucket holding ms. */
export function floorTo(grain: Grain, ms: number, timeZone: string): number {
  if (ms <= EARLIEST_MS || ms >= OPEN_END_MS) return ms
  if (grain === 'day') return startOfDay(new TZDate(ms, timeZone)).getTime()
  const width = FIXED_MS[grain]
  return Math.floor(ms / width) * width
}

/** Start of the first bucket at or after ms. */
export function ceilTo(grain: Grain, ms: number, timeZone: string): number {
  const floor = floorTo(grain, ms, timeZone)
  if (floor === ms) return ms
  if (grain === 'day') return addDays(new TZDate(floor, timeZone), 1).getTime()
  return floor + FIXED_MS[grain]
}

/** Nominal width in ms (days: 24 h; only used to ask whether one grain divides another). */
export function nominalMs(grain: Grain): number {
  return grain === 'day' ? 86_400_000 : FIXED_MS[grain]
}
