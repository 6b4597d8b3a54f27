/**
 * Brand names that read like shop brands in both scripts: "Cloudhaven Home" / 「云栖家居」
 * for a domestic brand (two stems and a word of its category), "Bellara" / 「贝拉拉」 for an
 * overseas one (three syllables of a transliteration). The vocabulary lives in shared/, where
 * the screens compose the Chinese name back from the English key orders carry.
 *
 * Each group (a category's domestic brands, all overseas brands) walks its own space of
 * part combinations in a seeded order: the i-th brand takes combination a·i + b mod n, with a
 * coprime to n, which is a bijection — so names never repeat, need no retry loop, and
 * differ from seed to seed.
 */
import {
  BRAND_CATEGORY_WORDS,
  BRAND_STEMS_FIRST,
  BRAND_STEMS_SECOND,
  domesticBrandName,
  OVERSEAS_SYLLABLES,
  overseasBrandName,
} from '@gmv-pulse/shared'
import type { Random } from './random.ts'

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** A seeded bijection of [0, n): i → (a·i + b) mod n. */
function permutation(random: Random, n: number): (index: number) => number {
  let a = 1 + (random.nextUint32() % (n - 1))
  while (gcd(a, n) !== 1) a = (a % (n - 1)) + 1
  const b = random.nextUint32() % n
  // a·i stays below 2^53 for any n here (n < 2^20), so plain numbers are exact.
  return (index) => (a * index + b) % n
}

export type BrandOrigin = 'domestic' | 'overseas'

export interface BrandNamer {
  /** The English name (the key orders carry) of the index-th brand of its group. */
  name(origin: BrandOrigin, category: string, index: number): string
  /** How many brands a group can name. */
  capacity(origin: BrandOrigin, category: string): number
}

export function createBrandNamer(random: Random): BrandNamer {
  const stems = BRAND_STEMS_FIRST.length * BRAND_STEMS_SECOND.length
  const [openings, middles, endings] = OVERSEAS_SYLLABLES
  const overseasCapacity = openings.length * middles.length * endings.length
  const overseas = permutation(random, overseasCapacity)
  // Categories in a fixed order, so the draws (and names) depend on the seed alone.
  const domestic = new Map(
    Object.entries(BRAND_CATEGORY_WORDS).map(([category, words]) => [
      category,
      { words, order: permutation(random, stems * words.length) },
    ]),
  )
  const wordsOf = (category: string) => {
    const group = domestic.get(category)
    if (!group) throw new RangeError(`no brand words for category ${category}`)
    return group
  }
  const capacity = (origin: BrandOrigin, category: string) =>
    origin === 'overseas' ? overseasCapacity : stems * wordsOf(category).words.length
  return {
    capacity,
    name(origin, category, index) {
      if (!(index >= 0 && index < capacity(origin, category)))
        throw new RangeError(`brand ${index} is past the ${capacity(origin, category)} names of its group`)
      if (origin === 'overseas') {
        const code = overseas(index)
        return overseasBrandName(
          openings[code % openings.length] as (typeof openings)[number],
          middles[Math.floor(code / openings.length) % middles.length] as (typeof middles)[number],
          endings[Math.floor(code / (openings.length * middles.length))] as (typeof endings)[number],
        ).en
      }
      const { words, order } = wordsOf(category)
      const code = order(index)
      // The word varies fastest, so neighbouring codes are different stems' siblings, not one stem's.
      const word = words[code % words.length] as (typeof words)[number]
      const stem = Math.floor(code / words.length)
      return domesticBrandName(
        BRAND_STEMS_FIRST[stem % BRAND_STEMS_FIRST.length] as (typeof BRAND_STEMS_FIRST)[number],
        BRAND_STEMS_SECOND[Math.floor(stem / BRAND_STEMS_FIRST.length)] as (typeof BRAND_STEMS_SECOND)[number],
        word,
      ).en
    },
  }
}
