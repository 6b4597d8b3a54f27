import { describe, expect, test } from 'vitest'
import { convertFromCny } from '../money.ts'
import {
  formatClock,
  formatCount,
  formatCountAxis,
  formatGrowth,
  formatIntervalWidth,
  formatMoment,
  formatMoneyBrief,
  formatMoneyCompact,
  formatMoneyExact,
  formatMoneyWhole,
  formatSeconds,
  formatShare,
  formatUsdFromCny,
  formatZoneName,
  resolveLocale,
  shiftDecimal,
  thresholdLabel,
} from './index.ts'

describe('shiftDecimal', () => {
  test('moves the point left and right without touching a digit', () => {
    expect(shiftDecimal('498200000000.00', -8)).toBe('4982.0000000000')
    expect(shiftDecimal('12.34', -4)).toBe('0.001234')
    expect(shiftDecimal('12.34', 3)).toBe('12340')
    expect(shiftDecimal('-5.5', -1)).toBe('-0.55')
  })
})

describe('CNY in 万 and 亿 for zh-CN', () => {
  test('the festival total reads in 亿', () => {
    expect(formatMoneyCompact('498200000000.00', 'zh-CN')).toBe('¥4,982.00亿')
  })
  test('amounts between 万 and 亿 read in 万', () => {
    expect(formatMoneyCompact('12345.00', 'zh-CN')).toBe('¥1.23万')
    expect(formatMoneyCompact('99999999.99', 'zh-CN')).toBe('¥10,000.00万')
  })
  test('rounding is half up on the exact decimal, not on a float', () => {
    // 0.125亿 as a float is fine, but 1.005 is not representable: the string path must still round up.
    expect(formatMoneyCompact('100500000.00', 'zh-CN')).toBe('¥1.01亿')
    expect(formatMoneyCompact('100499999.99', 'zh-CN')).toBe('¥1.00亿')
  })
  test('small amounts stay exact to the fen', () => {
    expect(formatMoneyCompact('9999.99', 'zh-CN')).toBe('¥9,999.99')
  })
})

describe('CNY in million and billion for en', () => {
  test('billions and millions are spelled out', () => {
    expect(formatMoneyCompact('498200000000.00', 'en')).toBe('¥498.20 billion')
    expect(formatMoneyCompact('2500000.00', 'en', { fractionDigits: 1 })).toBe('¥2.5 million')
  })
  test('below a million the amount is exact', () => {
    expect(formatMoneyCompact('999999.99', 'en')).toBe('¥999,999.99')
  })
})

describe('exact amounts', () => {
  test('to the fen with grouping, beyond float precision', () => {
    expect(formatMoneyExact('12345678901234567.89', 'en')).toBe('¥12,345,678,901,234,567.89')
    expect(formatMoneyExact('0.10', 'zh-CN')).toBe('¥0.10')
  })
  test('whole yuan round half up', () => {
    expect(formatMoneyWhole('2684491377.50', 'en')).toBe('¥2,684,491,378')
    expect(formatMoneyWhole('2684491377.49', 'en')).toBe('¥2,684,491,377')
  })
})

describe('USD beside CNY', () => {
  test('converts at CNY per USD and rounds half up to the cent', () => {
    expect(convertFromCny('6.60', '6.6')).toBe('1.00')
    expect(convertFromCny('1.00', '6.6')).toBe('0.15') // 0.1515… → 0.15
    expect(convertFromCny('0.33', '6.6')).toBe('0.05') // exactly 0.05
    expect(convertFromCny('498200000000.00', '6.6')).toBe('75484848484.85')
  })
  test('formats compactly in either language', () => {
    expect(formatUsdFromCny('498200000000.00', '6.6', 'en')).toBe('$75.48 billion')
    expect(formatUsdFromCny('498200000000.00', '6.6', 'zh-CN')).toBe('$754.85亿')
  })
  test('refuses a zero or malformed rate', () => {
    expect(() => convertFromCny('1.00', '0')).toThrow(RangeError)
    expect(() => convertFromCny('1.00', '-6.6')).toThrow(RangeError)
  })
})

describe('counts, shares and growth', () => {
  test('counts group by locale', () => {
    expect(formatCount(583000, 'en')).toBe('583,000')
    expect(formatCount(583000, 'zh-CN')).toBe('583,000')
  })
  test('shares are percentages with one decimal', () => {
    expect(formatShare(0.4567, 'en')).toBe('45.7%')
  })
  test('growth carries its sign and says nothing without a base', () => {
    expect(formatGrowth(26.04, 'en')).toBe('+26.0%')
    expect(formatGrowth(-3.25, 'en')).toBe('-3.3%')
    expect(formatGrowth(null, 'en')).toBe('—')
    // Half away from zero from the decimal, though 31.15 and 1.005 are stored just below it.
    expect(formatGrowth(31.15, 'en')).toBe('+31.2%')
    expect(formatGrowth(-31.15, 'en')).toBe('-31.2%')
    expect(formatGrowth(1.005, 'en', 2)).toBe('+1.01%')
  })
})

describe('time', () => {
  test('clock time is read in the campaign time zone', () => {
    expect(formatClock('2020-11-10T16:01:25Z', 'Asia/Shanghai')).toBe('00:01:25')
  })
  test('durations read shortest first', () => {
    expect(formatSeconds(3.4, 'en')).toBe('3 s')
    expect(formatSeconds(125, 'en')).toBe('2 min 05 s')
    expect(formatSeconds(125, 'zh-CN')).toBe('2分05秒')
  })
})

describe('locale', () => {
  test('the URL parameter wins, then the browser, then zh-CN', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en')
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(resolveLocale(null, ['fr', 'en-GB'])).toBe('en')
    expect(resolveLocale('xx', ['fr'])).toBe('zh-CN')
  })
})

describe('threshold labels', () => {
  test('state the configured threshold, and keep the published Chinese name only for ¥1亿', () => {
    expect(thresholdLabel('brands', '100000000.00', 'zh-CN')).toBe('亿元品牌')
    expect(thresholdLabel('liveRooms', '100000000.00', 'zh-CN')).toBe('亿元直播间')
    expect(thresholdLabel('brands', '10000.00', 'zh-CN')).toBe('成交额超¥1万品牌')
    expect(thresholdLabel('brands', '100000000.00', 'en')).toBe('Brands above ¥100 million')
    expect(thresholdLabel('liveRooms', '10000.00', 'en')).toBe('Live rooms above ¥10,000')
  })
})

describe('moments', () => {
  const peak = Date.parse('2020-11-10T16:00:05.000Z') // Nov 11 00:00:05 in Shanghai
  test('today on the campaign clock reads as a time alone, another day with its date', () => {
    expect(formatMoment(peak, 'Asia/Shanghai', 'en', Date.parse('2020-11-11T10:00:00.000Z'))).toBe('00:00:05')
    expect(formatMoment(peak, 'Asia/Shanghai', 'en', Date.parse('2020-11-11T17:00:00.000Z'))).toBe('Nov 11 00:00:05')
    expect(formatMoment(peak, 'Asia/Shanghai', 'zh-CN', Date.parse('2020-11-12T10:00:00.000Z'))).toBe(
      '11月11日 00:00:05',
    )
  })
  test('the day is the campaign zone’s, not UTC’s: 16:00 UTC is already the next day in Shanghai', () => {
    expect(formatMoment(peak, 'Asia/Shanghai', 'en', Date.parse('2020-11-10T15:59:00.000Z'))).toBe('Nov 11 00:00:05')
    expect(formatMoment(peak, 'UTC', 'en', Date.parse('2020-11-10T15:59:00.000Z'))).toBe('16:00:05')
  })
})

describe('chart axes', () => {
  test('money reads in one unit system per language, from Intl', () => {
    const ticks = [0, 300_000, 900_000, 1_200_000, 15_000_000, 498_200_000_000]
    expect(ticks.map((tick) => formatMoneyBrief(tick, 'en'))).toEqual([
      '¥0',
      '¥300 thousand',
      '¥900 thousand',
      '¥1.2 million',
      '¥15 million',
      '¥498 billion',
    ])
    expect(ticks.map((tick) => formatMoneyBrief(tick, 'zh-CN'))).toEqual([
      '¥0',
      '¥30万',
      '¥90万',
      '¥120万',
      '¥1500万',
      '¥4980亿',
    ])
  })
  test('counts read the same way', () => {
    expect(formatCountAxis(12_000, 'en')).toBe('12 thousand')
    expect(formatCountAxis(12_000, 'zh-CN')).toBe('1.2万')
    expect(formatCountAxis(900, 'en')).toBe('900')
  })
})

describe('units and zones in words', () => {
  test('an interval reads in the page language', () => {
    expect(formatIntervalWidth('5m', 'en')).toBe('5 min')
    expect(formatIntervalWidth('5m', 'zh-CN')).toBe('5分钟')
    expect(formatIntervalWidth('1s', 'zh-CN')).toBe('1秒')
  })
  test('a zone reads by its name, not its identifier', () => {
    expect(formatZoneName('Asia/Shanghai', 'en')).toBe('China Standard Time')
    expect(formatZoneName('Asia/Shanghai', 'zh-CN')).toBe('中国标准时间')
  })
})
