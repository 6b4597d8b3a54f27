import { describe, expect, test } from 'vitest'
import { type OrderInput, orderSchema } from './order.ts'

const valid: OrderInput = {
  orderId: 'o-1',
  ts: '2020-11-11T00:00:01.250+08:00',
  amount: '215.30',
  brand: 'Acme',
  category: 'Beauty',
  channel: 'livestream',
  region: 'CN-ZJ',
}

const problemsOf = (input: unknown) => {
  const result = orderSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))
}

describe('the order contract', () => {
  test('canonicalises a valid order: epoch ms, two-place amount, defaults', () => {
    expect(orderSchema.parse(valid)).toEqual({
      ...valid,
      ts: Date.UTC(2020, 10, 10, 16, 0, 1, 250),
      amount: '215.30',
      currency: 'CNY',
      quantity: 1,
    })
    expect(orderSchema.parse({ ...valid, amount: 19.9, ts: 1605024000000 })).toMatchObject({
      amount: '19.90',
      ts: 1605024000000,
    })
  })

  test.each([
    ['zero', 0],
    ['negative', '-1.00'],
    ['three decimals', '1.001'],
    ['a float that is not two-place', 0.1 + 0.2],
    ['over ten million', '10000000.01'],
    ['exponent notation', '1e3'],
    ['NaN as a string', 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a boolean', true],
    ['empty', ''],
  ])('refuses an amount that is %s', (_name, amount) => {
    expect(problemsOf({ ...valid, amount })).toEqual(['amount'])
  })

  test('accepts the largest amount', () => {
    expect(orderSchema.parse({ ...valid, amount: 10_000_000 }).amount).toBe('10000000.00')
  })

  test.each([
    ['no offset', '2020-11-11T00:00:00'],
    ['a date only', '2020-11-11'],
    ['epoch seconds', 1605024000],
    ['a fraction of a millisecond', 1605024000000.5],
    ['the far future', Date.UTC(2200, 0, 1)],
  ])('refuses an event time with %s', (_name, ts) => {
    expect(problemsOf({ ...valid, ts })).toEqual(['ts'])
  })

  test.each([
    ['orderId', 'has space'],
    ['orderId', 'x'.repeat(65)],
    ['region', 'CN-XX'],
    ['region', 'CN'],
    ['region', 'zj'],
    ['currency', 'usd'],
    ['quantity', 0],
    ['quantity', 1.5],
    ['brand', ''],
    ['brand', 'x'.repeat(129)],
    ['brand', 'line\nbreak'],
    ['category', 'c'.repeat(65)],
    ['brandOrigin', 'martian'],
  ])('refuses %s = %j', (field, value) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([field])
  })

  test('takes a number written as a string where one is due, by the same rules as the number', () => {
    expect(orderSchema.parse({ ...valid, quantity: '2', ts: '1605024000000' })).toMatchObject({
      quantity: 2,
      ts: 1605024000000,
    })
    expect(orderSchema.parse({ ...valid, quantity: '2e0', ts: '1.605024e12' })).toMatchObject({
      quantity: 2,
      ts: 1605024000000,
    })
    for (const quantity of ['2.5', '0', 'two', ' 2', '0x2', ''])
      expect(problemsOf({ ...valid, quantity })).toEqual(['quantity'])
    for (const ts of ['1605024000000.5', '946684799999', ' 1605024000000'])
      expect(problemsOf({ ...valid, ts })).toEqual(['ts'])
  })

  test('refuses unknown fields rather than dropping them', () => {
    expect(problemsOf({ ...valid, amout: '1.00' })).toEqual([''])
  })

  test('accepts overseas buyers by country code and livestream details', () => {
    expect(
      orderSchema.safeParse({
        ...valid,
        region: 'SG',
        liveRoom: '李佳琦直播间',
        brandOrigin: 'overseas',
        buyerId: 'b1',
      }).success,
    ).toBe(true)
  })
})
