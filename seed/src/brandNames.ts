/**
 * Invented brand names: pinyin-like for domestic brands, Latin-like for overseas ones.
 * An affine permutation (a·i + b mod 2^k, a odd) maps each index to a distinct syllable
 * triple, so names are unique without a retry loop and differ from seed to seed.
 */
import type { Random } from './random.ts'

const DOMESTIC_SYLLABLES = (
  'an bai bao bei chen chun da de feng fu gao guang hai he hong hua jia jin jing kang lan le li liang long mei ' +
  'ming mu nan ning pin qi qian qing rui shan shang sheng shi tai tian tong wei wen xi xiang xin xing ya yang yi ' +
  'yin yong yu yuan yue yun ze zhen zhi zhong zi zhu ou'
).split(' ')
const OVERSEAS_SYLLABLES =
  'ar bel cor dan el fin gal hal is jor kel lor mar nor or pel quin ros sol tor val ver wyn zel ca lu mo ri ta ve no sa'.split(
    ' ',
  )

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function affine(random: Random, modulus: number): (index: number) => number {
  // Odd modulo a power of two stays odd, so the map is a bijection.
  const a = ((random.nextUint32() | 1) >>> 0) % modulus
  const b = random.nextUint32() % modulus
  return (index) => Number((BigInt(a) * BigInt(index) + BigInt(b)) % BigInt(modulus))
}

function tripleName(syllables: readonly string[], code: number, separator: string): string {
  const n = syllables.length
  const first = syllables[code % n] as string
  const second = syllables[Math.floor(code / n) % n] as string
  const third = syllables[Math.floor(code / (n * n)) % n] as string
  return `${capitalise(first)}${second}${separator}${capitalise(third)}`
}

/** Returns a function giving the name of the i-th domestic or overseas brand; names never repeat. */
export function createBrandNamer(random: Random): (origin: 'domestic' | 'overseas', index: number) => string {
  const domestic = affine(random, DOMESTIC_SYLLABLES.length ** 3)
  const overseas = affine(random, OVERSEAS_SYLLABLES.length ** 3)
  const taken = new Set<string>()
  return (origin, index) => {
    const base =
      origin === 'domestic'
        ? tripleName(DOMESTIC_SYLLABLES, domestic(index), ' ')
        : tripleName(OVERSEAS_SYLLABLES, overseas(index), '')
    // Joined syllables can collide ("li"+"ang" and "liang"+...): number the rare repeat.
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`
    taken.add(name)
    return name
  }
}
