import type { Locale } from './locale.ts'
import { formatDecimal } from './money.ts'

/** A count with grouping: "1,234,567". */
export function formatCount(value: number, locale: Locale): string {
  return formatDecimal(String(Math.round(value)), locale, { maximumFractionDigits: 0 })
}

/** A share 0–1 as a percentage: 0.4567 → "45.7%". */
export function formatShare(share: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share)
}

/** Growth already in percent (26.04 → "+26.0%"); "—" when there is no base to compare with. */
export function formatGrowth(percent: number | null, locale: Locale, fractionDigits = 1): string {
  if (percent === null || !Number.isFinite(percent)) return '—'
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  }).format(percent)
  return `${text}%`
}
