import type { Share } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { categoriesOption } from './categoriesOption.ts'
import { fitLabelsToTiles, fittingFontSize, labelFits } from './labelFit.ts'
import { redrawKeyOf } from './redrawKey.ts'

// biome-ignore lint/suspicious/noExplicitAny: reading a built option in a test
type Loose = any

const tick = (beauty: string, food: string): Share[] => [
  { key: 'Beauty & Skincare', gmv: beauty, orders: 10, share: 0.6 },
  { key: 'Food & Beverage', gmv: food, orders: 20, share: 0.4 },
]

describe('categories treemap', () => {
  test('identifies each tile by its category key, whatever its amount, so ticks update tiles in place', () => {
    const first: Loose = categoriesOption(tick('7000000.00', '4000000.00'), 'en')
    const next: Loose = categoriesOption(tick('7300000.00', '4100000.00'), 'en')
    const identities = (option: Loose) => option.series[0].data.map((tile: Loose) => [tile.id, tile.name])
    expect(identities(first)).toEqual([
      ['Beauty & Skincare', 'Beauty & Skincare'],
      ['Food & Beverage', 'Food & Beverage'],
    ])
    expect(identities(next)).toEqual(identities(first))
    expect(first.series[0].id).toBe('categories')
    expect(first.animation).toBe(false)
  })
  test('is redrawn only when a caption would read differently', () => {
    const key = (beauty: string, share = 0.6) =>
      redrawKeyOf(categoriesOption([{ ...(tick(beauty, '4000000.00')[0] as Share), share }], 'en'))
    // ¥7 million either way, 60.0% either way: not a digit or a pixel apart.
    expect(key('7001000.00', 0.60004)).toBe(key('7000000.00'))
    expect(key('7100000.00')).not.toBe(key('7000000.00'))
    expect(key('7000000.00', 0.601)).not.toBe(key('7000000.00'))
  })
  test('captions a tile with its label, amount and share in the page language', () => {
    const en: Loose = categoriesOption(tick('7000000.00', '4000000.00'), 'en')
    expect(en.series[0].data[0].caption).toBe('Beauty & Skincare\n¥7 million\n60.0%')
    const zh: Loose = categoriesOption(tick('7000000.00', '4000000.00'), 'zh-CN')
    expect(zh.series[0].data[0].caption).toBe('美妆护肤\n¥700万\n60.0%')
    expect(zh.series[0].label.formatter({ data: zh.series[0].data[1] })).toBe(zh.series[0].data[1].caption)
  })
})

describe('a caption is set whole at the largest size its tile holds, or not at all', () => {
  // Every character 0.6 of the font size wide.
  const measure = (line: string, fontSize: number) => line.length * fontSize * 0.6
  const lines = ['Apparel', '¥2.4 million', '16.7%']
  test('takes the largest size that fits', () => {
    expect(fittingFontSize(lines, { width: 200, height: 100 }, [18, 15, 12], 23, measure)).toBe(18)
    expect(fittingFontSize(lines, { width: 120, height: 100 }, [18, 15, 12], 23, measure)).toBe(15)
  })
  test('answers 0 (nothing drawn) when even the smallest does not fit', () => {
    expect(fittingFontSize(lines, { width: 80, height: 100 }, [18, 15, 12], 23, measure)).toBe(0)
    expect(fittingFontSize(lines, { width: 200, height: 40 }, [18, 15, 12], 23, measure)).toBe(0)
  })
  test('lines keep one spacing at every size: a box too short for three lines at it holds none', () => {
    // 3 × 23 px + the inset above and below is 81 px, whatever the font size.
    expect(fittingFontSize(lines, { width: 200, height: 80 }, [18, 15, 12], 23, measure)).toBe(0)
    expect(fittingFontSize(lines, { width: 200, height: 81 }, [18, 15, 12], 23, measure)).toBe(18)
  })
  test('the treemap spaces caption lines by that height, room for its largest size', () => {
    const label = (categoriesOption([], 'en') as Loose).series[0].label
    expect(label.lineHeight).toBeGreaterThanOrEqual(label.fontSize)
  })
  test('a node without a caption (the root, an empty treemap) is left alone', () => {
    expect(fitLabelsToTiles([18], 23, 'sans-serif')({ text: null, rect: { width: 10, height: 10 } })).toEqual({})
  })
  test('a box fits text and the inset on each side, not a pixel less', () => {
    expect(labelFits({ width: 100, height: 44 }, { width: 112, height: 56 })).toBe(true)
    expect(labelFits({ width: 100, height: 44 }, { width: 111, height: 56 })).toBe(false)
    expect(labelFits({ width: 100, height: 44 }, { width: 112, height: 55 })).toBe(false)
  })
})
