import { describe, expect, test } from 'vitest'
import type { Headline } from '../analyst.ts'
import { convertFromCny, fromFen, growthPercent, toFen } from '../money.ts'
import { toCsv } from './csv.ts'
import { headlineTable } from './headlineTable.ts'
import { cutoffLabel, growthPhrase, headlineSentence, readingAmount } from './sentence.ts'

/** A headline as the API would answer it, built from this year's and last year's fen. */
function headline(gmvFen: bigint, lastYearFen: bigint, cutoff: string, usdRate = '6.7232'): Headline {
  const cny = fromFen(gmvFen)
  const asOf = new Date(Date.parse(cutoff) - 1000).toISOString()
  const top = [
    { rank: 1, key: 'Apple', gmv: '1000.05', orders: 3, share: 0.5, lastYearGmv: null, growthPercent: null },
    {
      rank: 2,
      key: '=HYPERLINK("x")',
      gmv: '999.95',
      orders: 2,
      share: 0.5,
      lastYearGmv: '1.00',
      growthPercent: 99895,
    },
  ]
  return {
    campaign: '11.11',
    cutoff,
    gmv: { cny, usd: convertFromCny(cny, usdRate), usdRate, asOf },
    growth: { lastYearGmv: fromFen(lastYearFen), percent: growthPercent(cny, fromFen(lastYearFen)), asOf },
    peak: { ordersPerSecond: 583000, at: '2020-11-10T16:00:26.000Z', asOf },
    orders: { count: 2_320_000_000, asOf },
    brandsAboveThreshold: { count: 342, threshold: '100000000.00', asOf },
    liveRoomsAboveThreshold: { count: 28, threshold: '100000000.00', asOf },
    participatingBrands: { count: 250000, asOf },
    overseasBrands: { count: 31000, asOf },
    firstTimeBrands: null,
    topBrands: { brands: top, asOf },
  }
}

/** Fen → one decimal of a unit of 10^exponent yuan, half up, trailing ".0" dropped: derived with BigInt only. */
function tenthsOf(fen: bigint, exponent: number): string {
  const unitFen = 10n ** BigInt(exponent + 2)
  const tenths = (fen * 10n + unitFen / 2n) / unitFen
  const whole = tenths / 10n
  const fraction = tenths % 10n
  return fraction === 0n ? `${whole}` : `${whole}.${fraction}`
}
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

describe('the headline sentence', () => {
  // The 2020 festival: RMB 498.2 billion against 395.4 billion, cut at midnight ending Nov 11 in Shanghai.
  const gmvFen = 49_820_000_000_000n
  const lastYearFen = 39_540_000_000_000n
  const cutoff = '2020-11-11T16:00:00.000Z'
  const h = headline(gmvFen, lastYearFen, cutoff)
  const wholePercent = Number(((gmvFen - lastYearFen) * 100n + lastYearFen / 2n) / lastYearFen)

  test('reads in 亿元 with the growth rounded to a whole percent in Chinese', () => {
    const expected = `截至11月11日24:00，成交额${tenthsOf(gmvFen, 8)}亿元，同比增长${wholePercent}%`
    expect(headlineSentence(h, 'zh-CN', 'Asia/Shanghai')).toBe(expected)
    expect(expected).toBe('截至11月11日24:00，成交额4982亿元，同比增长26%')
  })

  test('reads in billions of RMB and US$ in English', () => {
    const usdFen = toFen(h.gmv.usd)
    const expected =
      `As of Nov 11 24:00, GMV reached RMB${tenthsOf(gmvFen, 9)} billion ` +
      `(US$${tenthsOf(usdFen, 9)} billion), up ${wholePercent}%`
    expect(headlineSentence(h, 'en', 'Asia/Shanghai')).toBe(expected)
    expect(expected).toBe('As of Nov 11 24:00, GMV reached RMB498.2 billion (US$74.1 billion), up 26%')
  })

  test('says down, flat or nothing when the growth is negative, zero or has no base', () => {
    const down = headline(9_600n * 10n ** 8n, 10_000n * 10n ** 8n, cutoff)
    expect(headlineSentence(down, 'zh-CN', 'Asia/Shanghai')).toMatch(/，同比下降4%$/)
    expect(headlineSentence(down, 'en', 'Asia/Shanghai')).toMatch(/, down 4%$/)
    expect(growthPhrase(0.4, 'en')).toBe('flat on last year')
    expect(growthPhrase(25.5, 'zh-CN')).toBe('同比增长26%')
    expect(growthPhrase(-25.5, 'en')).toBe('down 26%')
    // Rounded once from the growth's own places: 25.4951 % is 25 %, not 25.50 % then 26 %.
    expect(growthPhrase(25.4951, 'en')).toBe('up 25%')
    const noBase = { ...h, growth: null }
    expect(headlineSentence(noBase, 'en', 'Asia/Shanghai')).not.toContain('up')
    expect(headlineSentence(noBase, 'zh-CN', 'Asia/Shanghai')).not.toContain('同比')
  })

  test('uses 万 and million below 亿 and billion, and whole yuan below those', () => {
    const fen = 123_456_789n // ¥1,234,567.89
    expect(readingAmount(fromFen(fen), 'zh-CN')).toBe(`${tenthsOf(fen, 4)}万元`)
    expect(readingAmount(fromFen(fen), 'en')).toBe(`RMB${tenthsOf(fen, 6)} million`)
    expect(readingAmount('9999.50', 'zh-CN')).toBe('10000元')
    expect(readingAmount('999999.49', 'en')).toBe(`RMB${groupThousands('999999')}`)
    expect(readingAmount('741000000000.00', 'zh-CN', 'USD')).toBe('7410亿美元')
  })

  test('stamps the cutoff to the minute in the campaign time zone', () => {
    expect(cutoffLabel('2020-11-11T02:30:45.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('11月11日10:30')
    expect(cutoffLabel('2020-11-11T02:30:45.000Z', 'Asia/Shanghai', 'en')).toBe('Nov 11 10:30')
    expect(cutoffLabel('2020-11-11T16:00:00.000Z', 'UTC', 'en')).toBe('Nov 11 16:00')
    expect(cutoffLabel('2020-11-11T16:00:00.500Z', 'Asia/Shanghai', 'en')).toBe('Nov 12 00:00')
  })
})

describe('the headline CSV', () => {
  const h = headline(49_820_000_000_012n, 39_540_000_000_000n, '2020-11-11T16:00:00.000Z')

  test('carries every amount to the fen as the API sends it', () => {
    const csv = toCsv(headlineTable(h))
    const lines = csv.trimEnd().split('\n')
    expect(lines[0]).toBe('figure,value,as_of')
    expect(lines[1]).toBe(`cutoff,${h.cutoff},`)
    expect(lines).toContain(`gmv_cny,498200000000.12,${h.gmv.asOf}`)
    expect(lines).toContain(`gmv_usd,${h.gmv.usd},${h.gmv.asOf}`)
    expect(lines).toContain(`growth_percent,${h.growth?.percent},${h.gmv.asOf}`)
    expect(lines).toContain(`orders,2320000000,${h.orders.asOf}`)
    expect(lines).toContain(`first_time_brands,,`)
    expect(lines).toContain(`top_brand_1_gmv_cny,1000.05,${h.topBrands.asOf}`)
    expect(csv.endsWith('\n')).toBe(true)
  })

  test('quotes and defuses text a spreadsheet would run', () => {
    const csv = toCsv(headlineTable(h))
    expect(csv).toContain(`top_brand_2,"'=HYPERLINK(""x"")",`)
    expect(
      toCsv({
        header: ['a', 'b'],
        rows: [
          ['x,y', -1.5],
          ['line\nbreak', true],
          ['+1', '-2.00'],
        ],
      }),
    ).toBe('a,b\n"x,y",-1.5\n"line\nbreak",true\n\'+1,\'-2.00\n')
  })
})
