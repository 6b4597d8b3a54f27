import { TZDate, tz } from '@date-fns/tz'
import { format } from 'date-fns'

/**
 * <input type="datetime-local"> speaks the browser's zone; the product speaks the campaign's.
 * These two convert, so a cutoff typed in Berlin still means 00:00 in Shanghai.
 */

/** An instant as the value of an <input type="datetime-local">, read in the campaign time zone. */
export function toLocalInput(ms: number, timeZone: string): string {
  return format(ms, "yyyy-MM-dd'T'HH:mm", { in: tz(timeZone) })
}

/** The value of an <input type="datetime-local"> taken as wall-clock time in the campaign time zone. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const ms = new TZDate(y, mo - 1, d, h, mi, s, timeZone).getTime()
  return Number.isFinite(ms) ? ms : null
}
