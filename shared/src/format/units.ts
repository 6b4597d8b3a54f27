import type { Locale } from './locale.ts'

const UNITS: Readonly<Record<string, 'second' | 'minute' | 'hour' | 'day'>> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
}

/** A bucket width such as "5m" in words, from Intl: "5 min" / "5分钟"; anything else as given. */
export function formatIntervalWidth(interval: string, locale: Locale): string {
  const match = /^(\d+)([smhd])$/.exec(interval)
  const unit = match ? UNITS[match[2] as string] : undefined
  if (!match || !unit) return interval
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(Number(match[1]))
}

/** A time zone by its name in the page's language: "China Standard Time" / "中国标准时间". */
export function formatZoneName(timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(0)
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}
