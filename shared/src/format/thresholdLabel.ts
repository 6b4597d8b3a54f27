import type { Locale } from './locale.ts'
import { formatMoneyCompact, formatMoneyWhole } from './money.ts'

export type ThresholdClub = 'brands' | 'liveRooms'

/** The published name, in Chinese, when the threshold is the published one: ¥1亿. */
const PUBLISHED_THRESHOLD = '100000000.00'
const PUBLISHED_ZH: Readonly<Record<ThresholdClub, string>> = { brands: '亿元品牌', liveRooms: '亿元直播间' }

/**
 * The label of a threshold count, stating the threshold configured: "Brands above ¥100 million",
 * "Live rooms above ¥10,000", "亿元品牌", "成交额超¥1万品牌". A simulation at a small scale moves
 * the threshold down with it; the label says so rather than keep the published name.
 */
export function thresholdLabel(club: ThresholdClub, threshold: string, locale: Locale): string {
  const amount = thresholdAmount(threshold, locale)
  if (locale === 'zh-CN') {
    if (threshold === PUBLISHED_THRESHOLD) return PUBLISHED_ZH[club]
    return `成交额超${amount}${club === 'brands' ? '品牌' : '直播间'}`
  }
  return `${club === 'brands' ? 'Brands' : 'Live rooms'} above ${amount}`
}

/**
 * A configured line (a threshold, the growth base) as a label states it: compact, and whole when
 * it is whole ("¥100 million", "¥1万"); below a unit (万, million) compact money is exact to the fen.
 */
export function thresholdAmount(threshold: string, locale: Locale): string {
  const compact = formatMoneyCompact(threshold, locale, { fractionDigits: 0 })
  return threshold.endsWith('.00') && compact.endsWith('.00') ? formatMoneyWhole(threshold, locale) : compact
}
