import { describe, expect, test } from 'vitest'
import { createRandom, deriveSeed } from './random.ts'

const take = (seed: number, n: number) => {
  const random = createRandom(seed)
  return Array.from({ length: n }, () => random.nextUint32())
}

describe('createRandom', () => {
  test('the same seed gives the same sequence', () => {
    expect(take(42, 100)).toEqual(take(42, 100))
  })

  test('neighbouring seeds give unrelated sequences', () => {
    const a = take(1, 100)
    const b = take(2, 100)
    expect(a.filter((value, i) => value === b[i])).toHaveLength(0)
  })

  test('floats are uniform in [0, 1)', () => {
    const random = createRandom(7)
    let sum = 0
    for (let i = 0; i < 100_000; i++) {
      const x = random.next()
      expect(x >= 0 && x < 1).toBe(true)
      sum += x
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2)
  })

  test('derived seeds differ for every part', () => {
    expect(
      new Set([deriveSeed(1, 2020, 0), deriveSeed(1, 2020, 1), deriveSeed(1, 2019, 0), deriveSeed(2, 2020, 0)]).size,
    ).toBe(4)
  })
})
