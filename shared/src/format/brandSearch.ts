import {
  BRAND_CATEGORY_WORDS,
  BRAND_STEMS_FIRST,
  BRAND_STEMS_SECOND,
  chineseBrandName,
  OVERSEAS_SYLLABLES,
} from './brandNames.ts'

/**
 * A brand search typed in Chinese, turned into the English text the store can look for.
 *
 * The store keeps one key per brand, the English name; the Chinese name is composed from the
 * same parts on screen (brandNames.ts). So 「云栖」 is found as "Cloudhaven", 「家居」 as
 * " Home", 「贝拉」 as "Bella". A Chinese text can stand for several parts (拉 is a middle
 * syllable "la" and an ending "ra"), so it gives every English text it could stand for; the
 * caller keeps only the brands whose name, in either script, really contains the search
 * (`brandMatchesSearch`). The search itself is always among them, for keys in any script.
 */

/** At most this many English texts for one search: the engine's multi-search takes 255 needles. */
export const MAX_SEARCH_FRAGMENTS = 64

type Pair = readonly [en: string, zh: string]

const HAN = /\p{Script=Han}/u

interface Slot {
  /** What this slot's parts can be, in order of the name. */
  parts: readonly Pair[]
  /** How the English of the part joins the English before it. */
  joiner: string
}

let shapes: Slot[][] | undefined

/** The two shapes of a simulator brand name, part by part (brandNames.ts composes them). */
function nameShapes(): Slot[][] {
  shapes ??= [
    [
      { parts: BRAND_STEMS_FIRST, joiner: '' },
      { parts: BRAND_STEMS_SECOND, joiner: '' },
      { parts: Object.values(BRAND_CATEGORY_WORDS).flat(), joiner: ' ' },
    ],
    OVERSEAS_SYLLABLES.map((parts) => ({ parts, joiner: '' })),
  ]
  return shapes
}

/**
 * The English texts a Chinese search could be inside a simulator brand's name: for each
 * shape and each slot the search may start in, the parts whose Chinese matches it in turn.
 * The first part may be matched by its end and the last by its start (a search for 「居」
 * is inside 「家居」), so those stand as their whole English word.
 */
export function brandSearchFragments(search: string): string[] {
  const found = new Set<string>([search])
  if (!HAN.test(search)) return [...found]
  for (const shape of nameShapes())
    for (let start = 0; start < shape.length; start++) collect(shape, start, search, '', true, found)
  return [...found].slice(0, MAX_SEARCH_FRAGMENTS)
}

function collect(shape: Slot[], slot: number, rest: string, english: string, first: boolean, found: Set<string>) {
  const current = shape[slot]
  if (!current) return
  for (const [en, zh] of current.parts) {
    if (found.size >= MAX_SEARCH_FRAGMENTS) return
    const joined = first ? en : `${english}${current.joiner}${en}`
    if (first) {
      // The search begins in this part: all of it inside, or this part's end and more after.
      if (zh.includes(rest)) found.add(joined)
      else {
        const used = overlapAtStart(zh, rest)
        if (used > 0) collect(shape, slot + 1, rest.slice(used), joined, false, found)
      }
    } else if (zh.startsWith(rest)) found.add(joined)
    else if (rest.startsWith(zh)) collect(shape, slot + 1, rest.slice(zh.length), joined, false, found)
  }
}

/** The longest end of `zh` that the search starts with; 0 when none. */
function overlapAtStart(zh: string, rest: string): number {
  for (let length = Math.min(zh.length, rest.length); length > 0; length--)
    if (rest.startsWith(zh.slice(zh.length - length))) return length
  return 0
}

/** Whether a brand's name, as sent or in Chinese, contains the search (case-insensitively). */
export function brandMatchesSearch(brand: string, search: string): 'prefix' | 'inside' | null {
  const wanted = search.toLocaleLowerCase()
  let inside = false
  for (const name of [brand, chineseBrandName(brand)]) {
    if (name === undefined) continue
    const at = name.toLocaleLowerCase().indexOf(wanted)
    if (at === 0) return 'prefix'
    if (at > 0) inside = true
  }
  return inside ? 'inside' : null
}
