import { convertFromCny } from '../money.ts'
import { shiftDecimal } from './decimal.ts'
import type { Locale } from './locale.ts'

export type Currency = 'CNY' | 'USD'

/** Number formats are costly to build and the ticker formats 60 times a second: keep them. */
const formats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { roundingMode: 'halfExpand', ...options } as Intl.NumberFormatOptions)
    formats.set(key, format)
  }
  return format
}

/**
 * Intl.NumberFormat formats a decimal string exactly (no float on the way), which is how
 * every amount here reaches the screen. The cast: TypeScript's lib still types format()
 * as number | bigint, while every engine we target takes a string.
 */
export function formatDecimal(decimal: string, locale: Locale, options: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(decimal as unknown as number)
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: '$' }

/** Exact amount to the fen with grouping: "¥4,982,000,000.00". */
export function formatMoneyExact(amount: string, locale: Locale, currency: Currency = 'CNY'): string {
  const digits = formatDecimal(amount, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return digits.startsWith('-') ? `-${SYMBOL[currency]}${digits.slice(1)}` : `${SYMBOL[currency]}${digits}`
}

/** Whole yuan (or dollars), rounded half up, with grouping: "¥4,982,000,000". */
export function formatMoneyWhole(amount: string, locale: Locale, currency: Currency = 'CNY'): string {
  const digits = formatDecimal(amount, locale, { maximumFractionDigits: 0 })
  return digits.startsWith('-') ? `-${SYMBOL[currency]}${digits.slice(1)}` : `${SYMBOL[currency]}${digits}`
}

interface Unit {
  exponent: number
  zh: string
  en: string
}
// zh-CN counts in 万 (10^4) and 亿 (10^8); English in million and billion.
const ZH_UNITS: Unit[] = [
  { exponent: 8, zh: '亿', en: '' },
  { exponent: 4, zh: '万', en: '' },
]
const EN_UNITS: Unit[] = [
  { exponent: 9, zh: '', en: ' billion' },
  { exponent: 6, zh: '', en: ' million' },
]

function magnitude(amount: string): number {
  const whole = amount.replace(/^-/, '').split('.')[0] ?? '0'
  return whole.replace(/^0+/, '').length - 1
}

export interface CompactOptions {
  currency?: Currency
  /** Digits after the point once a unit is applied; default 2. */
  fractionDigits?: number
}

/**
 * An amount in the units a reader thinks in: "¥4,982.00亿" / "¥498.20 billion"; "US$754.85 million"
 * is "$754.85 million" in en and "7.55亿美元" style in zh-CN ("$7.55亿"). Below 万 / million it is exact.
 */
export function formatMoneyCompact(amount: string, locale: Locale, options: CompactOptions = {}): string {
  const currency = options.currency ?? 'CNY'
  const fractionDigits = options.fractionDigits ?? 2
  const units = locale === 'zh-CN' ? ZH_UNITS : EN_UNITS
  const unit = units.find((candidate) => magnitude(amount) >= candidate.exponent)
  if (!unit) return formatMoneyExact(amount, locale, currency)
  const scaled = shiftDecimal(amount, -unit.exponent)
  const digits = formatDecimal(scaled, locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  })
  const suffix = locale === 'zh-CN' ? unit.zh : unit.en
  const sign = digits.startsWith('-') ? '-' : ''
  return `${sign}${SYMBOL[currency]}${digits.replace(/^-/, '')}${suffix}`
}

/** CNY converted to USD at `cnyPerUsd`, rounded to the cent, then formatted compactly. */
export function formatUsdFromCny(amount: string, cnyPerUsd: string, locale: Locale, fractionDigits = 2): string {
  return formatMoneyCompact(convertFromCny(amount, cnyPerUsd), locale, { currency: 'USD', fractionDigits })
}
