import { describe, expect, test } from 'vitest'
import { looksTheSame } from './redrawKey.ts'

describe('a chart looks the same as the picture on screen', () => {
  test('when its text key is the same text', () => {
    expect(looksTheSame('["a",1]', '["a",1]')).toBe(true)
    expect(looksTheSame('["a",1]', '["a",2]')).toBe(false)
  })
  test('when every value of its stepped key is less than a step from the one drawn', () => {
    expect(looksTheSame({ a: 3.1, b: 7.9 }, { a: 3.9, b: 7.0 })).toBe(true)
    expect(looksTheSame({ a: 3.1, b: 8.0 }, { a: 3.9, b: 7.0 })).toBe(false)
    // A value present on one side only moves from nothing.
    expect(looksTheSame({ a: 3.1, c: 0.5 }, { a: 3.1 })).toBe(true)
    expect(looksTheSame({ a: 3.1, c: 1 }, { a: 3.1 })).toBe(false)
  })
  test('never for a chart with no key, or a first drawing', () => {
    expect(looksTheSame(undefined, 'x')).toBe(false)
    expect(looksTheSame('x', undefined)).toBe(false)
    expect(looksTheSame({ a: 1 }, 'x')).toBe(false)
  })
})
