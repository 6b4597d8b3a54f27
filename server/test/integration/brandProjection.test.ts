/**
 * Proves: every raw read under a brand filter reads that brand's orders from the `by_brand`
 * projection (kept in brand order), not every order of its range — the engine's own plan for
 * each statement the server runs says so — and the answer is the brand's own sums.
 */
import type { Timeseries } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { QueryParams } from '../../src/clickhouse/store.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

const START = Date.UTC(2020, 10, 10, 16, 0, 0)
const HOUR = 3_600_000
const ORDERS = [0, 3, 7].flatMap((hour) => makeOrders(20_000, 70 + hour, START + hour * HOUR))

let server: TestServer
const statements: { query: string; params: QueryParams }[] = []

beforeAll(async () => {
  server = await startTestServer()
  expect((await postOrders(server.url, JSON.stringify(ORDERS))).status).toBe(200)
  // Every statement the analysts' lane runs, as it runs it.
  const select = server.store.select.bind(server.store)
  server.store.select = (query, params) => {
    statements.push({ query, params: params ?? {} })
    return select(query, params)
  }
})

afterAll(async () => {
  await server?.close()
})

const fen = (amount: string) => BigInt(amount.replace('.', ''))

test("a brand's hourly series over a ragged range reads the brand's rows through the projection", async () => {
  const from = START + 30 * 60_000
  const to = START + 8 * HOUR
  const query = new URLSearchParams({
    brand: 'Acme',
    interval: '1h',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  })
  const response = await fetch(`${server.url}/api/v1/timeseries?${query}`)
  expect(response.status).toBe(200)
  const series = (await response.json()) as Timeseries

  const mine = ORDERS.filter((order) => order.brand === 'Acme' && Number(order.ts) >= from && Number(order.ts) < to)
  const total = series.points.reduce((sum, point) => sum + fen(point.gmv), 0n)
  expect(total).toBe(mine.reduce((sum, order) => sum + fen(String(order.amount)), 0n))

  const raw = statements.filter(({ query }) => new RegExp(`FROM ${server.store.db}\\.orders\\b`).test(query))
  expect(raw.length).toBeGreaterThan(0)
  for (const { query, params } of raw) {
    const plan = await server.store.select<{ explain: string }>(`EXPLAIN projections = 1 ${query}`, params)
    expect(plan.map((line) => line.explain).join('\n'), query).toContain('ReadFromMergeTree (by_brand)')
  }
})
