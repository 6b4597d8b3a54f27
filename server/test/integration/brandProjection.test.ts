/**
 * Proves: a brand's reads below a day sum that brand's hours from the `by_brand_hour`
 * projection and its seconds at the edges from `by_brand_second`, not every order of the
 * range, and only a range's edges inside a second read the raw table (in time order) — the
 * engine's own plan for each statement the server runs says so — and the answer is the
 * brand's own sums, to the fen.
 */
import { fromFen, type Timeseries } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { QueryParams } from '../../src/clickhouse/store.ts'
import { findMilestoneTimes } from '../../src/figures/findMilestoneTimes.ts'
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

/** The series' GMV in fen, and the plans of the statements reading the raw table it ran. */
async function hourlySeries(from: number, to: number): Promise<{ fen: bigint; plans: string[] }> {
  statements.length = 0
  const query = new URLSearchParams({
    brand: 'Acme',
    interval: '1h',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  })
  const response = await fetch(`${server.url}/api/v1/timeseries?${query}`)
  expect(response.status).toBe(200)
  const series = (await response.json()) as Timeseries
  const raw = statements.filter(({ query }) => new RegExp(`FROM ${server.store.db}\\.orders\\b`).test(query))
  expect(raw.length).toBeGreaterThan(0)
  const plans = await Promise.all(
    raw.map(async ({ query, params }) => {
      const plan = await server.store.select<{ explain: string }>(`EXPLAIN projections = 1 ${query}`, params)
      return plan.map((line) => line.explain).join('\n')
    }),
  )
  return { fen: series.points.reduce((sum, point) => sum + fen(point.gmv), 0n), plans }
}

const acmeFen = (from: number, to: number) =>
  ORDERS.filter((order) => order.brand === 'Acme' && Number(order.ts) >= from && Number(order.ts) < to).reduce(
    (sum, order) => sum + fen(String(order.amount)),
    0n,
  )

const readsTable = (plan: string) => plan.includes(`ReadFromMergeTree (${server.store.db}.orders)`)

test("a brand's hourly series over whole hours reads only the brand's hours", async () => {
  const from = START
  const to = START + 8 * HOUR
  const { fen: total, plans } = await hourlySeries(from, to)
  expect(total).toBe(acmeFen(from, to))
  for (const plan of plans) {
    expect(plan).toContain('ReadFromMergeTree (by_brand_hour)')
    expect(plan).not.toContain('ReadFromMergeTree (by_brand_second)')
    expect(readsTable(plan), plan).toBe(false)
  }
})

test("a brand's hourly series over whole seconds reads its hours and, inside an hour, its seconds", async () => {
  const from = START + 30 * 60_000
  const to = START + 8 * HOUR
  const { fen: total, plans } = await hourlySeries(from, to)
  expect(total).toBe(acmeFen(from, to))
  const plan = plans.join('\n')
  expect(plan).toContain('ReadFromMergeTree (by_brand_hour)')
  expect(plan).toContain('ReadFromMergeTree (by_brand_second)')
  expect(readsTable(plan), plan).toBe(false)
})

test("inside a second, a range's edges read the raw table, and the sums stay exact", async () => {
  const from = START + 30 * 60_000 + 250
  const to = START + 8 * HOUR - 250
  const { fen: total, plans } = await hourlySeries(from, to)
  expect(total).toBe(acmeFen(from, to))
  const plan = plans.join('\n')
  expect(plan).toContain('ReadFromMergeTree (by_brand_second)')
  expect(readsTable(plan)).toBe(true)
})

test("a brand's milestone is found in time order when its range starts inside a second", async () => {
  const acme = ORDERS.filter((order) => order.brand === 'Acme').sort((a, b) => Number(a.ts) - Number(b.ts))
  // An order inside its second, with more of the brand's orders after it in the same minute.
  const first = acme.find(
    (order, i) =>
      Number(order.ts) % 1000 > 0 &&
      Math.floor(Number(acme[i + 3]?.ts) / 60_000) === Math.floor(Number(order.ts) / 60_000),
  )
  expect(first).toBeDefined()
  const from = Number(first?.ts) - 1
  const minuteEnd = (Math.floor(from / 60_000) + 1) * 60_000
  const inMinute = acme.filter((order) => Number(order.ts) >= from && Number(order.ts) < minuteEnd)
  // Reached by the minute's last order: the raw edge (the first order) and the brand's seconds after it.
  const threshold = inMinute.reduce((sum, order) => sum + fen(String(order.amount)), 0n)
  const found = await findMilestoneTimes(server.store, { brand: 'Acme' }, { fromMs: from, toMs: START + 8 * HOUR }, [
    fromFen(threshold),
  ])
  expect(found.get(fromFen(threshold))).toBe(Number(inMinute.at(-1)?.ts))
})
