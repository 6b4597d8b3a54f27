/**
 * A small seeded PRNG (sfc32) written by hand.
 *
 * Why not a library: the generator needs a source that is seedable, fast enough for
 * more than a million orders a second on one core, free of dependencies and identical
 * in Node and browsers. Math.random is not seedable; the npm options either wrap
 * crypto (slow, not seedable) or carry more than these twenty lines. sfc32 passes
 * PractRand far beyond what a campaign draws and has a 128-bit state, so one stream
 * per campaign second never wraps around.
 */
export interface Random {
  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number
  /** A uniform float in [0, 1). */
  next(): number
}

/** Mixes 32-bit words into one well-spread word (murmur3's finaliser): seeds that differ by 1 diverge at once. */
export function mix32(value: number): number {
  let h = value | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Derives one 32-bit seed from several parts (seed, year, second), so each part gets its own stream. */
export function deriveSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    // Split into two 32-bit halves so parts above 2^32 (epoch seconds * 1000) still count fully.
    h = mix32(h ^ (part >>> 0))
    h = mix32(h ^ Math.floor(part / 0x100000000))
  }
  return h
}

export function createRandom(seed: number): Random {
  let a = mix32(seed ^ 0x6a09e667)
  let b = mix32(seed ^ 0xbb67ae85)
  let c = mix32(seed ^ 0x3c6ef372)
  let d = 1
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // Warm-up: the first outputs of sfc32 still echo the seed words.
  for (let i = 0; i < 12; i++) nextUint32()
  return { nextUint32, next: () => nextUint32() / 0x100000000 }
}

/** A standard normal deviate (Box–Muller); only used while building tables, never per order. */
export function nextNormal(random: Random): number {
  const u = 1 - random.next()
  const v = random.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}
