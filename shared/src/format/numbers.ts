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

/**
 * Growth already in percent (26.04 → "+26.0%"); "—" when there is no base to compare with.
 * Rounded half away from zero from the decimal the number prints as (31.15 → "+31.2%"), not
 * from its binary value, which for 31.15 lies just below it.
 */
export function formatGrowth(percent: number | null, locale: Locale, fractionDigits = 1): string {
  if (percent === null || !Number.isFinite(percent)) return '—'
  const text = formatDecimal(String(percent), locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  })
  return `${text}%`
}
