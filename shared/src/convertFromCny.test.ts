import { describe, expect, test } from 'vitest'
import { convertFromCny } from './money.ts'

describe('convertFromCny', () => {
  test('the 2020 total of ¥498.2 billion is $75.48 billion at 6.6 CNY per USD', () => {
    expect(convertFromCny('498200000000.00', '6.6')).toBe('75484848484.85')
  })

  test('rounds half away from zero to the cent', () => {
    expect(convertFromCny('0.01', '2')).toBe('0.01')
    expect(convertFromCny('0.01', '3')).toBe('0.00')
    expect(convertFromCny('-0.03', '2')).toBe('-0.02')
  })

  test('stays exact beyond the range of a float', () => {
    expect(convertFromCny('12345678901234567.89', '1')).toBe('12345678901234567.89')
  })

  test('refuses a zero or malformed rate', () => {
    expect(() => convertFromCny('1.00', '0')).toThrow(RangeError)
    expect(() => convertFromCny('1.00', '-6.6')).toThrow(RangeError)
  })
})
