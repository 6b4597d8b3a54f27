import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { orderLike } from '../test/orderLike.ts'
import { orderSchema } from './order.ts'
import { parseOrderFast } from './orderFastPath.ts'

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
