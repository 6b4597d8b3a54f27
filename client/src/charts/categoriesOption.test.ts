import type { Share } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { categoriesOption } from './categoriesOption.ts'
import { labelFits } from './labelFit.ts'

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
  test('captions a tile with its label, amount and share in the page language', () => {
    const en: Loose = categoriesOption(tick('7000000.00', '4000000.00'), 'en')
    expect(en.series[0].data[0].caption).toBe('Beauty & Skincare\n¥7.0 million · 60.0%')
    const zh: Loose = categoriesOption(tick('7000000.00', '4000000.00'), 'zh-CN')
    expect(zh.series[0].data[0].caption).toBe('美妆护肤\n¥700.0万 · 60.0%')
    expect(zh.series[0].label.formatter({ data: zh.series[0].data[1] })).toBe(zh.series[0].data[1].caption)
  })
})

describe('a label fits its tile or is not drawn', () => {
  test('fits when the text and the inset on each side fit', () => {
    expect(labelFits({ width: 100, height: 44 }, { width: 112, height: 56 })).toBe(true)
  })
  test('does not fit one pixel too narrow or too low', () => {
    expect(labelFits({ width: 100, height: 44 }, { width: 111, height: 56 })).toBe(false)
    expect(labelFits({ width: 100, height: 44 }, { width: 112, height: 55 })).toBe(false)
  })
})
