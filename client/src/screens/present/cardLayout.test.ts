import { formatCount, formatMoneyCompact, type Headline, headlineSentence } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { type MeasureText, SMALLEST_TEXT_PX } from '../../export/fitText.ts'
import { CARD_SIZES, type CardFormat, type CardItem, HERO, layoutCard } from './cardLayout.ts'
import { headlineFigures } from './figures.ts'
import { parseCutoff, serializeCutoff } from './presentUrl.ts'
import { PRESENTER_STRINGS } from './strings.ts'

// The figures are read on the campaign's last evening: the peak, at midnight, is the same day.
const CUTOFF_MS = Date.parse('2020-11-11T15:00:00.000Z')
const asOf = '2020-11-11T15:59:59.000Z'
const headline: Headline = {
  campaign: '11.11',
  cutoff: new Date(CUTOFF_MS).toISOString(),
  gmv: { cny: '498200000000.37', usd: '74100000000.06', usdRate: '6.7233', asOf },
  growth: { lastYearGmv: '395400000000.00', percent: 26, asOf },
  peak: { ordersPerSecond: 583000, at: '2020-11-10T16:00:26.000Z', asOf },
  orders: { count: 2_320_000_000, asOf },
  brandsAboveThreshold: { count: 342, threshold: '100000000.00', asOf },
  liveRoomsAboveThreshold: { count: 28, threshold: '100000000.00', asOf },
  participatingBrands: { count: 250000, asOf },
  overseasBrands: { count: 31000, asOf },
  firstTimeBrands: { count: 1200, asOf },
  topBrands: {
    brands: Array.from({ length: 10 }, (_, index) => ({
      rank: index + 1,
      key: `Brand ${index + 1}`,
      gmv: `${(10 - index) * 1000}000000.00`,
      orders: 10,
      share: 0.01,
      lastYearGmv: null,
      growthPercent: null,
    })),
    asOf,
  },
}

const texts = (items: CardItem[]) => items.flatMap((item) => (item.kind === 'text' ? [item] : []))

/** Widths as a sans-serif sets them, near enough: a CJK character is square, a Latin one about half, bold a little wider. */
const measure: MeasureText = (text, size, weight) =>
  [...text].reduce((width, char) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 1 : 0.56), 0) *
  size *
  (weight >= 600 ? 1.06 : 1)

describe('the headline figures', () => {
  const figures = headlineFigures(headline, 'en', 'Asia/Shanghai', PRESENTER_STRINGS.en, CUTOFF_MS)

  test('keep the exact value beside the reading, each with its as-of time', () => {
    const byId = Object.fromEntries(figures.map((figure) => [figure.id, figure]))
    expect(byId['gmv-cny']).toMatchObject({ exact: headline.gmv.cny, text: formatMoneyCompact(headline.gmv.cny, 'en') })
    expect(byId['gmv-usd']?.exact).toBe(headline.gmv.usd)
    expect(byId['gmv-usd']?.text).toMatch(/^US\$74\.10 billion$/)
    expect(byId.orders).toMatchObject({ exact: '2320000000', text: formatCount(2_320_000_000, 'en') })
    expect(byId.peak).toMatchObject({ text: '583,000', label: 'Peak orders/s · 00:00:26' })
    expect(figures.map((figure) => figure.id)).toEqual([
      'gmv-cny',
      'gmv-usd',
      'growth',
      'last-year-gmv',
      'peak',
      'orders',
      'brands-above',
      'live-rooms-above',
      'participating',
      'overseas',
      'first-time',
    ])
    expect(figures.every((figure) => figure.asOf === asOf)).toBe(true)
  })

  test('leave out growth and first-time brands without a last-year window', () => {
    const ids = headlineFigures(
      { ...headline, growth: null, firstTimeBrands: null },
      'en',
      'UTC',
      PRESENTER_STRINGS.en,
      CUTOFF_MS,
    ).map((figure) => figure.id)
    expect(ids).not.toContain('growth')
    expect(ids).not.toContain('first-time')
  })
})

describe('the headline card layout', () => {
  for (const format of Object.keys(CARD_SIZES) as CardFormat[]) {
    for (const locale of ['en', 'zh-CN'] as const) {
      test(`${format} in ${locale}: every text is inside the card and the figures are the headline's`, () => {
        const { width, height } = CARD_SIZES[format]
        const strings = PRESENTER_STRINGS[locale]
        const sentence = headlineSentence(headline, locale, 'Asia/Shanghai')
        const items = layoutCard(
          {
            title: 'GMV Pulse · 11.11',
            cutoff: 'cutoff',
            asOf: 'as of',
            figures: headlineFigures(headline, locale, 'Asia/Shanghai', strings, CUTOFF_MS),
            topBrandsLabel: strings.topBrands,
            topBrands: headline.topBrands.brands.map((row, index) => ({
              name: row.key,
              text: formatMoneyCompact(row.gmv, locale),
              share: (10 - index) / 10,
            })),
            sentence,
          },
          format,
          measure,
        )
        expect(items[0]).toMatchObject({ kind: 'background', width, height })
        for (const item of texts(items)) {
          const left = item.align === 'left' ? item.x : item.x - item.maxWidth
          expect(left).toBeGreaterThanOrEqual(0)
          expect(left + item.maxWidth).toBeLessThanOrEqual(width)
          expect(item.y - item.size * 0.8).toBeGreaterThanOrEqual(0)
          expect(item.y + item.size * 0.25).toBeLessThanOrEqual(height)
        }
        // Set at a size that fits, never squeezed: each text's width at its size is within its room.
        for (const item of texts(items)) {
          expect(measure(item.text, item.size, item.weight), item.text).toBeLessThanOrEqual(item.maxWidth)
          expect(item.size).toBeGreaterThanOrEqual(SMALLEST_TEXT_PX)
        }
        const hero = texts(items).find((item) => item.text === formatMoneyCompact(headline.gmv.cny, locale))
        expect(hero?.size).toBeGreaterThan(80)
        // The grid's figures are peers: one size for all of them.
        const grid = texts(items).filter((item) => item.weight === 700 && /^[\d,]+$/.test(item.text))
        expect(new Set(grid.map((item) => item.size)).size).toBe(1)
        // Their labels too, none set smaller to fit: a long one takes a second line instead.
        const gridLabels = headlineFigures(headline, locale, 'Asia/Shanghai', strings, CUTOFF_MS)
          .filter((figure) => !HERO.has(figure.id))
          .map((figure) => figure.label)
        const labelLines = texts(items).filter(
          (item) => item.weight === 400 && gridLabels.some((label) => label.includes(item.text)),
        )
        expect(labelLines.length).toBeGreaterThanOrEqual(gridLabels.length)
        expect(new Set(labelLines.map((item) => item.size)).size).toBe(1)
        // The brands' bars: as long as their share of the leader's GMV, the leader's the longest.
        const bars = items.flatMap((item) => (item.kind === 'bar' ? [item] : []))
        expect(bars.length).toBe(format === 'slide' ? 8 : 6)
        expect(bars[1]?.width).toBeCloseTo((bars[0]?.width ?? 0) * 0.9, 5)
        const shown = texts(items).map((item) => item.text)
        expect(shown).toContain(formatMoneyCompact(headline.gmv.cny, locale))
        expect(shown).toContain(sentence)
        expect(shown).toContain(formatCount(583000, locale))
        expect(shown.some((text) => text.includes('Brand 1'))).toBe(true)
      })
    }
  }
})

describe('the presenter cutoff in the URL', () => {
  test('round-trips and keeps other parameters', () => {
    const at = Date.parse('2020-11-11T16:00:00Z')
    const query = serializeCutoff(at, 'lang=en')
    expect(query).toBe('lang=en&at=2020-11-11T16%3A00%3A00.000Z')
    expect(parseCutoff(query)).toBe(at)
    expect(serializeCutoff(null, query)).toBe('lang=en')
    expect(parseCutoff('at=tomorrow')).toBeNull()
  })
})
