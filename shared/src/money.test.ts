import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { convertMoney, fromFen, growthPercent, normaliseMoney, shareOf, sumMoney, toFen } from './money.ts'

describe('money', () => {
  test('parses and prints two-place decimals without loss', () => {
    expect(toFen('215.3')).toBe(21530n)
    expect(toFen('0.01')).toBe(1n)
    expect(fromFen(49820000000000n)).toBe('498200000000.00')
    expect(normaliseMoney('7')).toBe('7.00')
    expect(fromFen(-5n)).toBe('-0.05')
  })

  test('sums that floats get wrong are exact', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30')
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00')
    expect(sumMoney(['12345678901234567.89', '0.11'])).toBe('12345678901234568.00')
  })

  test('any list of amounts sums to the same fen as an integer sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000_000 })), (fens) => {
        const expected = fens.reduce((total, fen) => total + BigInt(fen), 0n)
        expect(toFen(sumMoney(fens.map((fen) => fromFen(BigInt(fen)))))).toBe(expected)
      }),
    )
  })

  test('converts at a rate and rounds half away from zero to the fen', () => {
    expect(convertMoney('19.99', '7.123456')).toBe('142.40')
    expect(convertMoney('1.00', '0.005')).toBe('0.01')
    expect(convertMoney('1.00', '0.0049')).toBe('0.00')
    expect(convertMoney('100.00', '1')).toBe('100.00')
  })

  test('growth is a percentage with no base giving null', () => {
    expect(growthPercent('498.2', '395.4')).toBeCloseTo(26, 0)
    expect(growthPercent('126.00', '100.00')).toBe(26)
    expect(growthPercent('5.00', '0.00')).toBeNull()
    // Rounded half away from zero to 0.0001 %, not truncated: 5/3 is +66.666 666…% → +66.6667.
    expect(growthPercent('5.00', '3.00')).toBe(66.6667)
    expect(growthPercent('131.18', '100.00')).toBe(31.18)
    expect(growthPercent('2.00', '3.00')).toBe(-33.3333)
    expect(growthPercent('1.00', '3.00')).toBe(-66.6667)
  })

  test('rejects what is not money', () => {
    expect(() => toFen('1.234')).toThrow(RangeError)
    expect(() => toFen('1e5')).toThrow(RangeError)
    expect(() => convertMoney('1.00', '-1')).toThrow(RangeError)
  })

  test('a share is exact fen over exact fen, rounded half up to a millionth', () => {
    expect(shareOf(1n, 3n)).toBe(0.333333)
    expect(shareOf(2n, 3n)).toBe(0.666667)
    expect(shareOf(1n, 8_000_000n)).toBe(0)
    expect(shareOf(1n, 2_000_000n)).toBe(0.000001)
    expect(shareOf(5n, 0n)).toBe(0)
  })
})
