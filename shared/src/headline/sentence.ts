import type { Headline } from '../analyst.ts'
import { shiftDecimal } from '../format/decimal.ts'
import type { Locale } from '../format/locale.ts'
import { type Currency, formatDecimal } from '../format/money.ts'

/**
 * Ready-to-read sentences for the press and the board, computed from the headline figures:
 * "截至11月11日24:00，成交额4982亿元，同比增长26%" / "As of Nov 11 24:00, GMV reached
 * RMB498.2 billion (US$74.1 billion), up 26%". A sentence rounds for reading (one decimal in
 * 亿 / billion, whole percent), half up on the exact decimal; the CSV carries the fen.
 */

interface ReadingUnit {
  exponent: number
  suffix: string
}
// Newspaper style: 亿 and 万 in Chinese, billion and million in English.
const ZH_UNITS: ReadingUnit[] = [
  { exponent: 8, suffix: '亿' },
  { exponent: 4, suffix: '万' },
]
const EN_UNITS: ReadingUnit[] = [
  { exponent: 9, suffix: ' billion' },
  { exponent: 6, suffix: ' million' },
]

function wholeDigits(amount: string): number {
  return (amount.replace(/^-/, '').split('.')[0] ?? '0').replace(/^0+/, '').length
}

/** An amount for reading aloud: "4982亿元", "741亿美元", "RMB498.2 billion", "US$74.1 billion". */
export function readingAmount(amount: string, locale: Locale, currency: Currency = 'CNY'): string {
  const zh = locale === 'zh-CN'
  const units = zh ? ZH_UNITS : EN_UNITS
  const unit = units.find((candidate) => wholeDigits(amount) > candidate.exponent)
  const scaled = unit ? shiftDecimal(amount, -unit.exponent) : amount
  // Chinese press figures carry no thousands separators ("4982亿元"); English ones do.
  const digits = formatDecimal(scaled, locale, { maximumFractionDigits: unit ? 1 : 0, useGrouping: !zh })
  if (zh) return `${digits}${unit?.suffix ?? ''}${currency === 'CNY' ? '元' : '美元'}`
  return `${currency === 'CNY' ? 'RMB' : 'US$'}${digits}${unit?.suffix ?? ''}`
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function wallClock(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms))
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') }
}

/**
 * The cutoff in the campaign's time zone, to the minute: "11月11日24:00" / "Nov 11 24:00".
 * Midnight closes the day before (the press says 11月11日24:00, not 11月12日00:00).
 */
export function cutoffLabel(iso: string, timeZone: string, locale: Locale): string {
  const ms = Date.parse(iso)
  let clock = wallClock(ms, timeZone)
  let time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`
  if (clock.hour === 0 && clock.minute === 0 && clock.second === 0 && ms % 1000 === 0) {
    clock = wallClock(ms - 1, timeZone)
    time = '24:00'
  }
  return locale === 'zh-CN'
    ? `${clock.month}月${clock.day}日${time}`
    : `${EN_MONTHS[clock.month - 1] ?? ''} ${clock.day} ${time}`
}

/** Growth for reading, whole percent half away from zero: "同比增长26%" / "up 26%"; null without a base. */
export function growthPhrase(percent: number | null, locale: Locale): string | null {
  if (percent === null || !Number.isFinite(percent)) return null
  // Once, from the growth's own decimal places (growthPercent): 25.4951 is 25, 25.5 is 26.
  const whole = Number(formatDecimal(String(Math.abs(percent)), 'en', { maximumFractionDigits: 0, useGrouping: false }))
  if (whole === 0) return locale === 'zh-CN' ? '与去年持平' : 'flat on last year'
  if (locale === 'zh-CN') return `同比${percent > 0 ? '增长' : '下降'}${whole}%`
  return `${percent > 0 ? 'up' : 'down'} ${whole}%`
}

/** The GMV headline as one sentence, in the language asked for. */
export function headlineSentence(h: Headline, locale: Locale, timeZone: string): string {
  const at = cutoffLabel(h.cutoff, timeZone, locale)
  const growth = growthPhrase(h.growth?.percent ?? null, locale)
  if (locale === 'zh-CN') return `截至${at}，成交额${readingAmount(h.gmv.cny, locale)}${growth ? `，${growth}` : ''}`
  const usd = readingAmount(h.gmv.usd, locale, 'USD')
  return `As of ${at}, GMV reached ${readingAmount(h.gmv.cny, locale)} (${usd})${growth ? `, ${growth}` : ''}`
}
