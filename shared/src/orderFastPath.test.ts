import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { orderSchema } from './order.ts'
import { parseOrderFast } from './orderFastPath.ts'

/** Usually the valid arbitrary, sometimes one of the hostile ones: each field is wrong now and then. */
const mostly = <T>(valid: fc.Arbitrary<T>, ...wrong: fc.Arbitrary<unknown>[]) =>
  fc.oneof(
    { arbitrary: valid as fc.Arbitrary<unknown>, weight: 30 },
    ...wrong.map((arbitrary) => ({ arbitrary, weight: 1 })),
  )

const label = (max: number) =>
  mostly(
    fc.string({ minLength: 1, maxLength: max }),
    fc.string({ minLength: 0, maxLength: max + 2 }),
    fc.constantFrom('a\tb', '', 'x'.repeat(max + 1), '\u0000', 'ok\u007f', 42),
  )

/** Orders that are mostly valid, with every field sometimes wrong in a plausible or hostile way. */
const orderLike = fc.record(
  {
    orderId: mostly(fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/), fc.string(), fc.constant('x'.repeat(65))),
    ts: mostly(
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) - 1 }),
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2110, 0, 1) }),
      fc.double(),
      fc.constantFrom('2020-11-11T00:00:00+08:00', '2020-11-11T00:00:00', 1605024000000.5, -1, null),
    ),
    amount: mostly(
      fc.oneof(
        fc.integer({ min: 1, max: 1_000_000_000 }).map((fen) => (fen / 100).toFixed(2)),
        fc.integer({ min: 1, max: 1_000_000_000 }).map((fen) => fen / 100),
      ),
      fc.integer({ min: -5, max: 1_100_000_000 }).map((fen) => (fen / 100).toFixed(2)),
      fc.double(),
      fc.string(),
      fc.constantFrom('0', '0.00', '1e3', '1.001', '10000000', '10000000.01', ' 1', '01.5', Number.NaN, true),
    ),
    currency: mostly(fc.constantFrom('CNY', 'USD'), fc.constantFrom('usd', 'EURO', ''), fc.string()),
    quantity: mostly(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: -1, max: 1_000_001 }),
      fc.double(),
      fc.constant('2'),
    ),
    brand: label(128),
    category: label(64),
    channel: label(64),
    liveRoom: label(128),
    region: mostly(
      fc.constantFrom('CN-ZJ', 'SG', 'US', 'CN-HK', 'HK'),
      fc.constantFrom('CN-XX', 'CN', 'cn-zj', 'ZZ', ''),
    ),
    brandOrigin: mostly(fc.constantFrom('domestic', 'overseas'), fc.constantFrom('alien', '')),
    buyerId: label(64),
  },
  { requiredKeys: ['orderId', 'ts', 'amount', 'brand', 'category', 'channel', 'region'] },
)

describe('the ingest fast path', () => {
  test('never accepts what orderSchema refuses, and returns exactly what it returns', () => {
    let accepted = 0
    fc.assert(
      fc.property(
        fc.oneof(
          orderLike,
          orderLike.chain((o) => fc.anything().map((extra) => ({ ...o, extra }))),
          fc.anything(),
        ),
        (input) => {
          const fast = parseOrderFast(input)
          if (fast === undefined) return
          accepted += 1
          const slow = orderSchema.safeParse(input)
          expect(slow.success).toBe(true)
          expect(fast).toStrictEqual(slow.data)
        },
      ),
      { numRuns: 20_000 },
    )
    // The property says nothing unless the fast path accepts a fair share of the inputs.
    expect(accepted).toBeGreaterThan(200)
  })

  test('accepts the ordinary order a producer sends', () => {
    const order = {
      orderId: 'o-1',
      ts: 1605024000123,
      amount: '215.30',
      brand: 'Acme',
      category: 'Beauty',
      channel: 'livestream',
      liveRoom: 'Room A',
      region: 'CN-ZJ',
      quantity: 2,
    }
    expect(parseOrderFast(order)).toStrictEqual(orderSchema.parse(order))
    expect(parseOrderFast({ ...order, amount: 19.9 })).toMatchObject({ amount: '19.90', currency: 'CNY' })
  })

  test('leaves ISO time strings to the schema', () => {
    expect(
      parseOrderFast({
        orderId: 'o',
        ts: '2020-11-11T00:00:00+08:00',
        amount: '1',
        brand: 'b',
        category: 'c',
        channel: 'd',
        region: 'SG',
      }),
    ).toBeUndefined()
  })
})
