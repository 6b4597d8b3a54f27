import { fromFen, type OrderInput, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getRanking } from '../../src/figures/getRanking.ts'
import { lastYearByKey, lastYearRows, lastYearSumsSettled } from '../../src/figures/lastYearSoFar.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

// A file of its own: one embedded data directory per process. The orders span ten minutes, so
// each range below has a raw edge, and the kept sums are read, extended and bypassed in turn.
const orders = makeOrders(6_000, 11)
const START = Date.UTC(2020, 10, 10, 16, 0, 0)
let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
  const response = await postOrders(server.url, JSON.stringify(orders), { idempotencyKey: 'last-year-by-key' })
  expect(response.status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

/** Per key of the field, the GMV of the matching orders in [START, toMs), computed here from the orders themselves. */
function expected(field: 'brand' | 'liveRoom', toMs: number, keys: readonly string[], where = (_: OrderInput) => true) {
  const fen = new Map<string, bigint>()
  for (const order of orders) {
    const key = order[field]
    if (key === undefined || Number(order.ts) >= toMs || !where(order)) continue
    fen.set(key, (fen.get(key) ?? 0n) + toFen(String(order.amount)))
  }
  return new Map(keys.map((key) => [key, fromFen(fen.get(key) ?? 0n)]))
}

const brands = [...new Set(orders.map((order) => order.brand))]
const minute = (n: number) => START + n * 60_000 + 123

test('last year per key equals the orders summed here, read afresh, extended, for an earlier end, and under a filter', async () => {
  const store = server.store
  // Read afresh, then extended twice (a later end from the same start), then an earlier end.
  // The first answer is read for its keys while the full read of every key goes on behind it.
  for (const toMs of [minute(3), minute(5), minute(9), minute(4)]) {
    const answer = await lastYearByKey(store, {}, 'brand', { fromMs: START, toMs }, brands)
    expect(answer, new Date(toMs).toISOString()).toEqual(expected('brand', toMs, brands))
    await lastYearSumsSettled(store)
  }
  // By now the engine keeps versions of these sums, and they serve a later end.
  expect(lastYearRows(store, {}, 'brand', { fromMs: START, toMs: minute(10) }, 'x')).not.toBeNull()
  const [kept] = await store.select<{ versions: number }>(
    `SELECT count(DISTINCT upto) AS versions FROM ${store.db}.last_year_so_far`,
  )
  expect(Number(kept?.versions)).toBeGreaterThanOrEqual(3)
  // Several at once, in no order: each equals its own range.
  const ends = [minute(6), minute(10), minute(2), minute(8)]
  const answers = await Promise.all(
    ends.map((toMs) => lastYearByKey(store, {}, 'brand', { fromMs: START, toMs }, brands)),
  )
  for (const [i, answer] of answers.entries()) expect(answer).toEqual(expected('brand', ends[i] as number, brands))
  // A filter is a question of its own; a key with no order is zero.
  const rooms = ['Room A', 'Room B', 'No such room']
  const beauty = (order: OrderInput) => order.category === 'Beauty'
  for (const toMs of [minute(4), minute(7), minute(8)]) {
    const answer = await lastYearByKey(store, { category: 'Beauty' }, 'live_room', { fromMs: START, toMs }, rooms)
    expect(answer).toEqual(expected('liveRoom', toMs, rooms, beauty))
    await lastYearSumsSettled(store)
  }
})

test('a ranking by growth orders the brands at the base by growth, then the rest by GMV, read afresh and from the kept sums', async () => {
  const store = server.store
  const range = { fromMs: START, toMs: minute(10) }
  // A question of its own (a filter no earlier test asked), so its first answer is read afresh.
  const filter = { region: 'CN-ZJ' }
  const zhejiang = (order: OrderInput) => order.region === 'CN-ZJ'
  const current = expected('brand', range.toMs, brands, zhejiang)
  const fen = (sums: Map<string, string>, brand: string) => toFen(sums.get(brand) as string)
  // The base is the leader's last year by minute 5, so exactly one brand stands at it then, and
  // others reach it in the stretch after the version of minute 5, which the ranking must count.
  const atFive = expected('brand', minute(5), brands, zhejiang)
  const atEight = expected('brand', minute(8), brands, zhejiang)
  const leader = [...brands].sort((a, b) => Number(fen(atFive, b) - fen(atFive, a)))[0] as string
  const growthBase = atFive.get(leader) as string
  const risers = brands.filter(
    (brand) => fen(atFive, brand) < toFen(growthBase) && fen(atEight, brand) >= toFen(growthBase),
  )
  expect(risers.length, 'brands reaching the base between minutes 5 and 8').toBeGreaterThan(0)
  const ranked = async (lastYearEnd: number) => {
    const lastYear = { fromMs: START, toMs: lastYearEnd }
    const before = expected('brand', lastYearEnd, brands, zhejiang)
    const based = (brand: string) => fen(before, brand) >= toFen(growthBase)
    const growth = (brand: string) => {
      const base = Number(fen(before, brand))
      return based(brand) ? (Number(fen(current, brand)) - base) / base : Number.NEGATIVE_INFINITY
    }
    const byGmv = (a: string, b: string) => Number(fen(current, b) - fen(current, a))
    const order = [...brands].sort((a, b) => growth(b) - growth(a) || byGmv(a, b) || (a < b ? -1 : 1))
    const question = {
      dimension: 'brand' as const,
      sort: 'growth' as const,
      limit: brands.length,
      lastYear,
      growthBase,
    }
    const ranking = await getRanking(store, filter, range, question)
    expect(ranking.rows.map((row) => row.key)).toEqual(order)
    // Below the base too, each row carries its own last year.
    expect(ranking.rows.map((row) => row.lastYearGmv)).toEqual(order.map((brand) => before.get(brand)))
  }
  expect(lastYearRows(store, filter, 'brand', { fromMs: START, toMs: minute(5) }, 'x')).toBeNull()
  // Afresh (its sums are written behind it), from the version alone, then the version and the
  // stretch after it, joined in the statement.
  await ranked(minute(5))
  await lastYearSumsSettled(store)
  expect(lastYearRows(store, filter, 'brand', { fromMs: START, toMs: minute(5) }, 'x')?.edge).toBeNull()
  await ranked(minute(5))
  expect(lastYearRows(store, filter, 'brand', { fromMs: START, toMs: minute(6) }, 'x')?.edge).not.toBeNull()
  await ranked(minute(6))
  await ranked(minute(8))
  await lastYearSumsSettled(store)
})
