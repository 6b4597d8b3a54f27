import { createHash } from 'node:crypto'
import { orderSchema } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { createCampaignGenerator } from './generator.ts'

const NOV_11 = 10 * 86_400
const hashOf = (seed: number) => {
  const generator = createCampaignGenerator({ seed, scale: 1e-4 })
  const hash = createHash('sha256')
  for (const batch of generator.ndjsonBatches({ fromSecond: NOV_11 - 600, toSecond: NOV_11 + 600, maxOrders: 5000 }))
    hash.update(batch.ndjson)
  return hash.digest('hex')
}

describe('createCampaignGenerator', () => {
  test('the same seed and options give the same bytes', () => {
    expect(hashOf(7)).toBe(hashOf(7))
  })

  test('a different seed gives different bytes', () => {
    expect(hashOf(7)).not.toBe(hashOf(8))
  })

  test('a slice is the same whatever the batch size', () => {
    const generator = createCampaignGenerator({ seed: 3, scale: 1e-3 })
    const range = { fromSecond: NOV_11 - 5, toSecond: NOV_11 + 20 }
    const text = (maxOrders: number) =>
      [...generator.ndjsonBatches({ ...range, maxOrders })].map((b) => Buffer.from(b.ndjson).toString()).join('')
    const whole = text(100_000)
    for (const size of [1, 97, 583, 4000]) expect(text(size)).toBe(whole)
  })

  test('every generated order passes orderSchema, and NDJSON says the same as the objects', () => {
    const generator = createCampaignGenerator({ seed: 11, scale: 1e-3 })
    const range = { fromSecond: NOV_11 - 30, toSecond: NOV_11 + 30, maxOrders: 10_000 }
    const objects = [...generator.orderBatches(range)].flatMap((b) => b.orders)
    const lines = [...generator.ndjsonBatches(range)]
      .map((b) => Buffer.from(b.ndjson).toString())
      .join('')
      .split('\n')
      .filter(Boolean)
    expect(objects.length).toBeGreaterThan(10_000)
    expect(lines.map((line) => JSON.parse(line))).toEqual(objects)
    const ids = new Set<string>()
    for (const order of objects) {
      expect(orderSchema.safeParse(order).error).toBeUndefined()
      ids.add(order.orderId)
    }
    expect(ids.size).toBe(objects.length)
  })

  test('orders cover livestream rooms, overseas brands and regions abroad', () => {
    const orders = createCampaignGenerator({ seed: 5, scale: 1e-3 }).ordersOfSecond(NOV_11 + 3)
    expect(orders).toHaveLength(583)
    expect(orders.some((o) => o.liveRoom !== undefined && o.channel === 'livestream')).toBe(true)
    expect(orders.some((o) => o.brandOrigin === 'overseas')).toBe(true)
    expect(orders.every((o) => o.liveRoom === undefined || o.channel === 'livestream')).toBe(true)
  })

  test('batch totals are exact sums of the amounts', () => {
    const generator = createCampaignGenerator({ seed: 2, scale: 1e-3 })
    for (const batch of generator.orderBatches({ fromSecond: NOV_11, toSecond: NOV_11 + 10, maxOrders: 1000 })) {
      const fen = batch.orders.reduce((sum, o) => sum + Math.round(Number(o.amount) * 100), 0)
      expect(fen).toBe(batch.gmvFen)
      expect(batch.orders).toHaveLength(batch.orderCount)
    }
  })

  test('refuses a scale outside (0, 1]', () => {
    expect(() => createCampaignGenerator({ seed: 1, scale: 0 })).toThrow(RangeError)
    expect(() => createCampaignGenerator({ seed: 1, scale: 1.5 })).toThrow(RangeError)
  })
})
