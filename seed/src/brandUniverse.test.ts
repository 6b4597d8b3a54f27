import { keyLabel } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { festivalBrandShares } from './brandLaw.ts'
import { buildBrandUniverse } from './brandUniverse.ts'
import { CATEGORIES } from './catalog.ts'

const CJK = /[\u3400-\u9fff]/
const universe = buildBrandUniverse(1111)
const total = universe.gmv2020.reduce((sum, gmv) => sum + gmv, 0)
const shareOfTop = (n: number) => universe.gmv2020.slice(0, n).reduce((sum, gmv) => sum + gmv, 0) / total

describe('the brand universe reads like the festival', () => {
  test('the leaders take a festival-like share: the top brand 1–3 %, the top ten 10–15 %, with a long tail', () => {
    expect(shareOfTop(1)).toBeGreaterThanOrEqual(0.01)
    expect(shareOfTop(1)).toBeLessThanOrEqual(0.03)
    expect(shareOfTop(10)).toBeGreaterThanOrEqual(0.1)
    expect(shareOfTop(10)).toBeLessThanOrEqual(0.15)
    // The long tail: the brands below the top thousand still hold a good part of GMV.
    expect(1 - shareOfTop(1000)).toBeGreaterThan(0.4)
    expect(universe.gmv2020.filter((gmv) => gmv > 1e8).length).toBe(471)
  })

  test('each category keeps its share of GMV although the leaders are large', () => {
    const byCategory = new Float64Array(CATEGORIES.length)
    for (let i = 0; i < universe.size; i++)
      byCategory[universe.category[i] as number] =
        (byCategory[universe.category[i] as number] as number) + (universe.gmv2020[i] as number)
    const shareTotal = CATEGORIES.reduce((sum, c) => sum + c.share, 0)
    CATEGORIES.forEach((category, c) => {
      expect(Math.abs((byCategory[c] as number) / total - category.share / shareTotal)).toBeLessThan(0.002)
    })
  })

  test('the benchmark draws from the same law: its shares are the brand table’s, rank by rank', () => {
    const shares = festivalBrandShares()
    for (const rank of [0, 9, 470, 10_000, 249_999])
      expect(shares[rank]).toBeCloseTo((universe.gmv2020[rank] as number) / total, 12)
  })

  test('every brand has a distinct shop-like name in English and in Chinese, the Chinese one composed from the key', () => {
    const chinese = universe.names.map((name) => keyLabel('brand', name, 'zh-CN'))
    expect(new Set(universe.names).size).toBe(universe.size)
    expect(new Set(chinese).size).toBe(universe.size)
    const wrong = universe.names.filter((name, i) => CJK.test(name) || !CJK.test(chinese[i] as string))
    expect(wrong).toEqual([])
    // "Cloudhaven Home": a capitalised compound and a category word; "Bellara": one capitalised word.
    for (let i = 0; i < universe.size; i += 997)
      expect(universe.names[i]).toMatch(universe.overseas[i] ? /^[A-Z][a-z]{4,}$/ : /^[A-Z][a-z]{4,} [A-Z][a-z]+$/)
  })

  test('names depend on the seed, and on nothing else', () => {
    expect(buildBrandUniverse(1111).names.slice(0, 50)).toEqual(universe.names.slice(0, 50))
    expect(buildBrandUniverse(7).names.slice(0, 50)).not.toEqual(universe.names.slice(0, 50))
  })
})
