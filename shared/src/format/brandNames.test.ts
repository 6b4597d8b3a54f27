import { describe, expect, test } from 'vitest'
import {
  BRAND_CATEGORY_WORDS,
  BRAND_STEMS_FIRST,
  BRAND_STEMS_SECOND,
  brandLabel,
  chineseBrandName,
  domesticBrandName,
  OVERSEAS_SYLLABLES,
  overseasBrandName,
} from './brandNames.ts'
import { keyLabel } from './keyLabels.ts'

const CJK = /^[\u3400-\u9fff]+$/
const distinct = (values: readonly string[]) => new Set(values).size === values.length

/** How many ways `text` splits into heads then tails that both lists know: 1 for a well-made vocabulary. */
function countSplits(text: string, heads: readonly string[], tails: (rest: string) => number): number {
  let count = 0
  for (const head of heads)
    if (text.startsWith(head) && text.length > head.length) count += tails(text.slice(head.length))
  return count
}

describe('the bilingual brand vocabulary', () => {
  test('every part is distinct within its list in both scripts, and every stem or syllable is one character', () => {
    const words = Object.values(BRAND_CATEGORY_WORDS).flat()
    for (const list of [BRAND_STEMS_FIRST, BRAND_STEMS_SECOND, words, ...OVERSEAS_SYLLABLES]) {
      expect(distinct(list.map(([en]) => en))).toBe(true)
      expect(distinct(list.map(([, zh]) => zh))).toBe(true)
      for (const [en, zh] of list) {
        expect(en).toMatch(/^[A-Za-z]+$/)
        expect(zh).toMatch(CJK)
      }
    }
    for (const list of [BRAND_STEMS_FIRST, BRAND_STEMS_SECOND, ...OVERSEAS_SYLLABLES])
      expect(list.filter(([, zh]) => [...zh].length !== 1)).toEqual([])
    // Four characters or more for a domestic name, three for an overseas one: the two never meet.
    expect(words.filter(([, zh]) => [...zh].length < 2)).toEqual([])
  })

  test('every stem pair and every syllable triple spells its name one way only, so no two names coincide', () => {
    const firsts = BRAND_STEMS_FIRST.map(([en]) => en)
    const seconds = new Set(BRAND_STEMS_SECOND.map(([en]) => en))
    const ambiguous: string[] = []
    for (const first of BRAND_STEMS_FIRST)
      for (const second of BRAND_STEMS_SECOND) {
        const compound = `${first[0]}${second[0]}`
        if (countSplits(compound, firsts, (rest) => (seconds.has(rest) ? 1 : 0)) !== 1) ambiguous.push(compound)
      }
    const [openings, middles, endings] = OVERSEAS_SYLLABLES.map((list) => list.map(([en]) => en)) as [
      string[],
      string[],
      string[],
    ]
    const endingSet = new Set(endings)
    for (const a of OVERSEAS_SYLLABLES[0])
      for (const b of OVERSEAS_SYLLABLES[1])
        for (const c of OVERSEAS_SYLLABLES[2]) {
          const { en } = overseasBrandName(a, b, c)
          const ways = countSplits(en, openings, (rest) =>
            countSplits(rest, middles, (last) => (endingSet.has(last) ? 1 : 0)),
          )
          if (ways !== 1) ambiguous.push(en)
        }
    expect(ambiguous).toEqual([])
  })

  test('every category has words enough for its brands: stems × words leave room for 250,000 names', () => {
    const stems = BRAND_STEMS_FIRST.length * BRAND_STEMS_SECOND.length
    const perCategory = Object.values(BRAND_CATEGORY_WORDS).map((words) => stems * words.length)
    expect(Math.min(...perCategory)).toBeGreaterThanOrEqual(40_000)
    expect(perCategory.reduce((a, b) => a + b, 0)).toBeGreaterThan(250_000)
    expect(OVERSEAS_SYLLABLES.reduce((n, list) => n * list.length, 1)).toBeGreaterThan(31_000)
  })
})

describe('a brand key reads in the page language', () => {
  const home = BRAND_CATEGORY_WORDS['Home & Furniture']?.[0] as readonly [string, string]
  const cloud = BRAND_STEMS_FIRST[0] as readonly [string, string]
  const haven = BRAND_STEMS_SECOND[0] as readonly [string, string]

  test('a domestic brand: "Cloudhaven Home" is 云栖家居 in Chinese and itself in English', () => {
    const name = domesticBrandName(cloud, haven, home)
    expect(name).toEqual({ en: 'Cloudhaven Home', zh: '云栖家居' })
    expect(keyLabel('brand', name.en, 'zh-CN')).toBe('云栖家居')
    expect(keyLabel('brand', name.en, 'en')).toBe('Cloudhaven Home')
  })

  test('an overseas brand reads as its transliteration', () => {
    const [a, b, c] = OVERSEAS_SYLLABLES.map((list) => list[0] as readonly [string, string]) as [
      readonly [string, string],
      readonly [string, string],
      readonly [string, string],
    ]
    const name = overseasBrandName(a, b, c)
    expect(name).toEqual({ en: 'Bellance', zh: '贝拉斯' })
    expect(chineseBrandName(name.en)).toBe('贝拉斯')
  })

  test('a brand from another producer, or a near miss, shows as sent in either language', () => {
    for (const key of ['Apple', 'L’Oréal', 'Cloudhaven', 'Cloudhaven Homes', 'cloudhaven Home', 'Bellancex', ''])
      expect(brandLabel(key, 'zh-CN')).toBe(key)
  })
})
