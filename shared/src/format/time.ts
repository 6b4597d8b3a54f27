import type { Locale } from './locale.ts'

/** What each kind of reading shows: a 24-hour clock, or a short date. */
const READINGS = {
  clock: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  day: { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per reading, zone and language, made once: building an Intl format is the slow part. */
function zonedFormat(reading: keyof typeof READINGS, timeZone: string, locale: Locale): Intl.DateTimeFormat {
  const key = `${reading}|${locale}|${timeZone}`
  let format = formats.get(key)
  if (!format) {
    // English dates read month first, as the festival and its headline sentence say them
    // ("Nov 11"); en-US's 12-hour clock is kept out by the clock reading's own hourCycle.
    format = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { timeZone, ...READINGS[reading] })
    formats.set(key, format)
  }
  return format
}

/** Wall-clock time of an instant in the campaign's time zone, 24-hour: "00:01:25". */
export function formatClock(iso: string | number | Date, timeZone: string, locale: Locale = 'en'): string {
  return zonedFormat('clock', timeZone, locale).format(new Date(iso))
}

/**
 * An instant on the campaign's clock, with its date when that is not today's in the campaign
 * zone: "00:01:25" today, "Nov 11 00:01:25" / "11月11日 00:01:25" on another day. A peak or a
 * milestone reached days ago must not read as this morning's.
 */
export function formatMoment(iso: string | number | Date, timeZone: string, locale: Locale, nowMs: number): string {
  const format = zonedFormat('day', timeZone, locale)
  return format.format(new Date(iso)) === format.format(new Date(nowMs))
    ? formatClock(iso, timeZone, locale)
    : formatStamp(iso, timeZone, locale)
}

/** An instant with its date and seconds, whatever today is: "Nov 11 00:01:25" / "11月11日 00:01:25" (an export's stamp). */
export function formatStamp(iso: string | number | Date, timeZone: string, locale: Locale): string {
  return `${zonedFormat('day', timeZone, locale).format(new Date(iso))} ${formatClock(iso, timeZone, locale)}`
}

/** Seconds as the shortest honest reading: "3 s", "2 min 05 s", "1 h 02 min" (units are universal on the wall). */
export function formatSeconds(seconds: number, locale: Locale): string {
  const total = Math.max(0, Math.round(seconds))
  const zh = locale === 'zh-CN'
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
  if (h > 0) return zh ? `${h}小时${String(m).padStart(2, '0')}分` : `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return zh ? `${m}分${String(s).padStart(2, '0')}秒` : `${m} min ${String(s).padStart(2, '0')} s`
  return zh ? `${s}秒` : `${s} s`
}
