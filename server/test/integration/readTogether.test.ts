import { afterAll, beforeAll, expect, test } from 'vitest'
import { readTogether } from '../../src/clickhouse/readTogether.ts'
import { type QueryParams, QueryTooBroadError, type Store } from '../../src/clickhouse/store.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

// A file of its own: one embedded data directory per process.
let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
  const response = await postOrders(server.url, JSON.stringify(makeOrders(2_000, 5)), { idempotencyKey: 'together' })
  expect(response.status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

/** The store, counting the statements that reach it. */
function counting(store: Store): { store: Store; statements: () => number } {
  let statements = 0
  return {
    store: {
      ...store,
      select<Row>(query: string, params?: QueryParams) {
        statements += 1
        return store.select<Row>(query, params)
      },
    },
    statements: () => statements,
  }
}

test('reads asked side by side come back as each would alone, from one statement', async () => {
  const db = server.store.db
  const reads: [string, QueryParams][] = [
    // Decimals, 64-bit counts and a time, as the output settings give them.
    [
      `SELECT toString(sum(amount)) AS gmv, sum(amount) AS raw, count() AS orders, max(ts) AS latest FROM ${db}.orders`,
      {},
    ],
    // Order kept, and a parameter whose name the next read uses too, with another value.
    [
      `SELECT brand, sum(amount) AS gmv FROM ${db}.orders GROUP BY brand ORDER BY gmv DESC, brand LIMIT {limit:UInt32}`,
      { limit: 3 },
    ],
    [
      `SELECT region, count() AS orders FROM ${db}.orders WHERE region != {region:String} GROUP BY region ORDER BY region LIMIT {limit:UInt32}`,
      { limit: 2, region: 'SG' },
    ],
    // Every order, in order: a branch's rows keep its ORDER BY however the engine spreads the
    // statement over its threads.
    [`SELECT order_id FROM ${db}.orders ORDER BY ts DESC, order_id`, {}],
    // No rows, and a statement ending in a comment.
    [`SELECT brand FROM ${db}.orders WHERE brand = {brand:String}`, { brand: 'Nobody' }],
    [`SELECT count() AS n FROM ${db}.orders WHERE brand = {brand:String}\n-- why: a brand's orders`, { brand: 'Acme' }],
  ]
  const alone = []
  for (const [query, params] of reads) alone.push(await server.store.select(query, params))
  const { store, statements } = counting(server.store)
  const together = readTogether(store)
  const answers = await Promise.all(reads.map(([query, params]) => together.select(query, params)))
  expect(answers).toEqual(alone)
  expect(alone[1]).toHaveLength(3)
  expect(alone[3]).toHaveLength(2_000)
  expect(alone[4]).toEqual([])
  expect(statements()).toBe(1)
  // Asked in a later turn, a read goes on its own.
  expect(await together.select(...(reads[0] as [string, QueryParams]))).toEqual(alone[0])
  expect(statements()).toBe(2)
})

test('a read past its row budget fails alone; the others are answered', async () => {
  const together = readTogether(server.store)
  const tooBroad = together.select(
    // A sum reads the rows (a bare count() would be answered from the parts' metadata).
    `SELECT sum(quantity) AS n FROM ${server.store.db}.orders SETTINGS max_rows_to_read = 10, read_overflow_mode = 'throw'`,
  )
  const fine = together.select<{ n: number }>(`SELECT count() AS n FROM ${server.store.db}.orders`)
  await expect(tooBroad).rejects.toBeInstanceOf(QueryTooBroadError)
  expect(await fine).toEqual([{ n: 2_000 }])
})
