import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  BRAND_CATEGORY_WORDS,
  BRAND_STEMS_FIRST,
  BRAND_STEMS_SECOND,
  type BrandName,
  domesticBrandName,
  OVERSEAS_SYLLABLES,
  overseasBrandName,
} from './brandNames.ts'
import { brandMatchesSearch, brandSearchFragments, MAX_SEARCH_FRAGMENTS } from './brandSearch.ts'

const WORDS = Object.values(BRAND_CATEGORY_WORDS).flat()
const [OPENINGS, MIDDLES, ENDINGS] = OVERSEAS_SYLLABLES

const domestic = fc
  .tuple(fc.constantFrom(...BRAND_STEMS_FIRST), fc.constantFrom(...BRAND_STEMS_SECOND), fc.constantFrom(...WORDS))
  .map(([first, second, word]) => domesticBrandName(first, second, word))
const overseas = fc
  .tuple(fc.constantFrom(...OPENINGS), fc.constantFrom(...MIDDLES), fc.constantFrom(...ENDINGS))
  .map(([opening, middle, ending]) => overseasBrandName(opening, middle, ending))

/** A brand and a piece of its Chinese name, anywhere in it, of any length. */
const brandAndPiece = fc
  .oneof(domestic, overseas)
  .chain((name: BrandName) =>
    fc
      .tuple(fc.nat(name.zh.length - 1), fc.integer({ min: 1, max: name.zh.length }))
      .map(([start, length]) => ({ name, piece: name.zh.slice(start, start + length) })),
  )

const containsAny = (english: string, fragments: string[]) =>
  fragments.some((fragment) => english.toLowerCase().includes(fragment.toLowerCase()))

describe('a brand search typed in Chinese', () => {
  test('any piece of a brand’s Chinese name gives an English text inside its key, and the brand matches it', () => {
    fc.assert(
      fc.property(brandAndPiece, ({ name, piece }) => {
        const fragments = brandSearchFragments(piece)
        expect(fragments.length).toBeLessThanOrEqual(MAX_SEARCH_FRAGMENTS)
        expect(containsAny(name.en, fragments)).toBe(true)
        expect(brandMatchesSearch(name.en, piece)).toBe(name.zh.startsWith(piece) ? 'prefix' : 'inside')
      }),
      { numRuns: 2000 },
    )
  })

  test('the whole name and its first stems read as the English a producer sent', () => {
    const name = domesticBrandName(['Cloud', '云'], ['haven', '栖'], ['Home', '家居'])
    expect(brandSearchFragments(name.zh)).toContain('Cloudhaven Home')
    expect(brandSearchFragments('云栖')).toContain('Cloudhaven')
    expect(brandSearchFragments('栖家')).toContain('haven Home')
  })

  test('Latin text is searched as typed, and a name that does not hold the search does not match', () => {
    expect(brandSearchFragments('cloud')).toEqual(['cloud'])
    expect(brandMatchesSearch('Cloudhaven Home', 'haven')).toBe('inside')
    expect(brandMatchesSearch('Cloudhaven Home', '云栖家居')).toBe('prefix')
    expect(brandMatchesSearch('Cloudhaven Home', '云栖家具')).toBeNull()
    expect(brandMatchesSearch('Acme 旗舰店', '旗舰')).toBe('inside')
  })
})
