import type { Locale } from './locale.ts'

/**
 * Brief figures for chart axes and chart labels: one unit system per page, chosen by the
 * language (万 and 亿 in Chinese, thousand, million and billion in English), straight from
 * Intl's compact notation; at most three significant digits, enough to read a tick or a map
 * label and short enough for a narrow axis.
 */
const axisFormats = new Map<Locale, Intl.NumberFormat>()
function axisFormat(locale: Locale): Intl.NumberFormat {
  let format = axisFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      notation: 'compact',
      compactDisplay: 'long',
      maximumSignificantDigits: 3,
    })
    axisFormats.set(locale, format)
  }
  return format
}

/** An amount of CNY in brief: "¥0", "¥900 thousand", "¥1.2 million"; "¥90万", "¥4980亿". */
export function formatMoneyBrief(value: number, locale: Locale): string {
  const text = axisFormat(locale).format(Math.abs(value))
  return `${value < 0 ? '-' : ''}¥${text}`
}

/** A count on an axis: "900", "12 thousand"; "1.2万". */
export function formatCountAxis(value: number, locale: Locale): string {
  return axisFormat(locale).format(value)
}
