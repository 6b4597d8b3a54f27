import { fromFen, type OrderInput, type Summary, summarySchema, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { rollupChecks } from '../rollupTotals.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import { getOk } from './analystFixtures.ts'

let server: TestServer
const orders = makeOrders(6_000, 7)

beforeAll(async () => {
  server = await startTestServer()
  // Three batches in the three accepted body shapes.
  const [a, b, c] = [orders.slice(0, 2000), orders.slice(2000, 4000), orders.slice(4000)]
  const responses = await Promise.all([
    postOrders(server.url, JSON.stringify(a), { idempotencyKey: 'batch-a' }),
    postOrders(server.url, a === b ? '' : JSON.stringify({ orders: b }), { idempotencyKey: 'batch-b' }),
    postOrders(server.url, c.map((order) => JSON.stringify(order)).join('\n'), {
      contentType: 'application/x-ndjson',
      idempotencyKey: 'batch-c',
    }),
  ])
  for (const response of responses) expect(await response.json()).toMatchObject({ duplicate: false })
})

afterAll(async () => {
  await server?.close()
})

function expected(selected: OrderInput[]): { gmv: string; orders: number } {
  let fen = 0n
  for (const order of selected) fen += toFen(String(order.amount))
  return { gmv: fromFen(fen), orders: selected.length }
}

const summary = (query: Record<string, string | number>): Promise<Summary> =>
  getOk(server.url, '/api/v1/summary', query, summarySchema)

const byKey = (key: keyof OrderInput) => {
  const groups = new Map<string, OrderInput[]>()
  for (const order of orders) {
    const value = order[key]
    if (value === undefined) continue
    groups.set(String(value), [...(groups.get(String(value)) ?? []), order])
  }
  return groups
}

describe('rollups answer with the sums the test computes itself', () => {
  test('the campaign-to-date total equals the sum of every order', async () => {
    const total = await summary({})
    expect({ gmv: total.gmv, orders: total.orders }).toEqual(expected(orders))
    const latest = Math.max(...orders.map((order) => Number(order.ts)))
    expect(total.asOf).toBe(new Date(latest).toISOString())
  })

  for (const dimension of ['brand', 'channel', 'region', 'category', 'liveRoom'] as const) {
    test(`GMV per ${dimension} equals the sum of that ${dimension}'s orders`, async () => {
      const groups = byKey(dimension)
      expect(groups.size).toBeGreaterThan(1)
      for (const [value, group] of groups) {
        const result = await summary({ [dimension]: value })
        expect({ gmv: result.gmv, orders: result.orders }, `${dimension}=${value}`).toEqual(expected(group))
      }
    })
  }

  test('GMV per minute equals the sum of the orders in that minute', async () => {
    const start = Math.min(...orders.map((order) => Number(order.ts)))
    const firstMinute = start - (start % 60_000)
    for (let minute = firstMinute; minute < firstMinute + 11 * 60_000; minute += 60_000) {
      const inMinute = orders.filter((order) => Number(order.ts) >= minute && Number(order.ts) < minute + 60_000)
      const result = await summary({ from: minute, to: minute + 60_000 })
      expect({ gmv: result.gmv, orders: result.orders }, new Date(minute).toISOString()).toEqual(expected(inMinute))
      const brandResult = await summary({ from: minute, to: minute + 60_000, brand: 'Acme' })
      expect(brandResult.orders).toBe(inMinute.filter((order) => order.brand === 'Acme').length)
    }
  })

  test('a range with ragged millisecond edges is exact, filtered or not', async () => {
    const start = Math.min(...orders.map((order) => Number(order.ts)))
    const from = start + 61_234
    const to = start + 423_987
    const inRange = orders.filter((order) => Number(order.ts) >= from && Number(order.ts) < to)
    const result = await summary({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })
    expect({ gmv: result.gmv, orders: result.orders }).toEqual(expected(inRange))
    const lastInRange = Math.max(...inRange.map((order) => Number(order.ts)))
    expect(result.asOf).toBe(new Date(lastInRange).toISOString())
    const filtered = await summary({ from, to, channel: 'search', region: 'CN-ZJ' })
    expect({ gmv: filtered.gmv, orders: filtered.orders }).toEqual(
      expected(inRange.filter((order) => order.channel === 'search' && order.region === 'CN-ZJ')),
    )
  })

  test('a range within a single second is exact', async () => {
    const order = orders[10] as OrderInput
    const ts = Number(order.ts)
    const inRange = orders.filter((o) => Number(o.ts) >= ts && Number(o.ts) < ts + 1)
    const result = await summary({ from: ts, to: ts + 1 })
    expect({ gmv: result.gmv, orders: result.orders }).toEqual(expected(inRange))
  })

  test('every rollup holds exactly what the raw table holds', async () => {
    for (const check of rollupChecks(server.store)) {
      const [rollup] = await server.store.select<{ gmv: string; orders: number }>(check.rollup)
      const [raw] = await server.store.select<{ gmv: string; orders: number }>(check.raw)
      expect(rollup, check.table).toEqual(raw)
    }
    const [all] = await server.store.select<{ orders: number }>(
      `SELECT count() AS orders FROM ${server.store.db}.orders`,
    )
    expect(Number(all?.orders)).toBe(orders.length)
  })

  test('an unknown brand matches nothing', async () => {
    expect(await summary({ brand: 'Nobody' })).toEqual({ gmv: '0.00', orders: 0, asOf: null })
  })
})
