/**
 * The engine's order landing (clickhouse/orderIntake.ts) against the order contract's schema,
 * on the real engine: it never stores a batch the schema refuses, stores exactly the rows the
 * server would have converted, and accepts every valid batch in the forms it reads.
 */
import { randomUUID } from 'node:crypto'
import {
  LABEL_MAX_LENGTH,
  MAX_EVENT_TIME_MS,
  MAX_ORDER_AMOUNT,
  MAX_QUANTITY,
  MIN_EVENT_TIME_MS,
  type Order,
  orderSchema,
} from '@gmv-pulse/shared'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { orderLike } from '../../../shared/test/orderLike.ts'
import { sumsOfBatch } from '../../src/clickhouse/ingestLedger.ts'
import { insertCheckedRows, insertOrderBody } from '../../src/clickhouse/insertOrders.ts'
import { PROBE_TOKEN_PREFIX } from '../../src/clickhouse/orderIntake.ts'
import { isRowsRefused } from '../../src/clickhouse/store.ts'
import { encodeOrderRows } from '../../src/ingest/encodeOrderRows.ts'
import { validateOrders } from '../../src/ingest/validateOrders.ts'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

let server: TestServer
const currencies = { CNY: '1', USD: '6.6' }

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

const probeToken = () => `${PROBE_TOKEN_PREFIX}${randomUUID()}`

/** The landing's verdict on a body: the digest of what it would store, or refused. */
async function landing(body: string, orders: number): Promise<string | 'refused'> {
  const token = probeToken()
  try {
    await insertOrderBody(server.store, Buffer.from(body), orders, token)
  } catch (error) {
    // A refusal of the rows, never the engine failing: anything else would be retried as a 503.
    expect(isRowsRefused(error), String(error)).toBe(true)
    return 'refused'
  }
  return (await sumsOfBatch(server.store, token))?.digest ?? 'empty'
}

/** The schema's verdict: the digest of the rows the server converts them to, or refused. */
async function schema(rows: unknown[]): Promise<string | 'refused'> {
  let orders: Order[]
  try {
    orders = await validateOrders({ rows, rowIndex: undefined }, { maxOrders: 1000, currencies })
  } catch {
    return 'refused'
  }
  const token = probeToken()
  await insertCheckedRows(server.store, (await encodeOrderRows(orders, currencies)).rows, token)
  return (await sumsOfBatch(server.store, token))?.digest ?? 'empty'
}

/** The forms the landing reads: epoch milliseconds (a number or one written as a string), an amount as a string, CNY. */
const isLandingForm = (row: unknown) => {
  const { ts, amount, currency } = row as Record<string, unknown>
  return (
    (typeof ts === 'number' || (typeof ts === 'string' && !ts.includes('T'))) &&
    typeof amount === 'string' &&
    (currency === undefined || currency === 'CNY')
  )
}

/** Ordinary orders with one field now and then taken from a hostile one: mostly valid, wrong by a field. */
const ordinary = makeOrders(200, 400)
const FIELDS = Object.keys(orderSchema.shape)
const nearlyValid = fc
  .tuple(fc.nat(ordinary.length - 1), orderLike, fc.constantFrom(...FIELDS), fc.boolean())
  .map(([index, hostile, field, replace]) => {
    const order: Record<string, unknown> = { ...ordinary[index], orderId: `o-${index}` }
    if (replace) {
      if (field in hostile) order[field] = (hostile as Record<string, unknown>)[field]
      else delete order[field]
    }
    return order
  })

describe('the order landing', () => {
  test('stores what the schema accepts, as the server converts it, and never what it refuses', async () => {
    const verdicts = { both: 0, refusedByBoth: 0, schemaOnly: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { arbitrary: nearlyValid, weight: 6 },
            { arbitrary: orderLike, weight: 3 },
            { arbitrary: orderLike.map((order) => ({ ...order, extra: 1 })), weight: 1 },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        async (rows, repeatId) => {
          if (repeatId && rows.length > 1) (rows[1] as { orderId: unknown }).orderId = rows[0]?.orderId
          const body = rows.map((row) => JSON.stringify(row)).join('\n')
          const engine = await landing(body, rows.length)
          const converted = await schema(rows)
          if (engine !== 'refused') {
            // Accepted by the landing: the schema accepts it too, and the rows stored are the same.
            expect(engine, body).toBe(converted)
            verdicts.both += 1
          } else if (converted === 'refused') {
            verdicts.refusedByBoth += 1
          } else {
            // Refused by the landing alone: only a form it does not read, which the server then converts.
            expect(rows.every(isLandingForm), body).toBe(false)
            verdicts.schemaOnly += 1
          }
        },
      ),
      { numRuns: 300 },
    )
    // The property says little unless each verdict comes up often enough.
    expect(verdicts.both, JSON.stringify(verdicts)).toBeGreaterThan(40)
    expect(verdicts.refusedByBoth, JSON.stringify(verdicts)).toBeGreaterThan(40)
  }, 120_000)

  test('reads every form of an ordinary batch: NDJSON, an array, spaces between, optional fields left out or given', async () => {
    const orders = makeOrders(50, 401)
    const rows = orders.map((order, index) => (index % 2 ? { ...order, liveRoom: '直播间', buyerId: 'b' } : order))
    const expected = await schema(rows)
    expect(expected).not.toBe('refused')
    const lines = rows.map((row) => JSON.stringify(row))
    expect(await landing(lines.join('\n'), rows.length)).toBe(expected)
    expect(await landing(JSON.stringify(rows), rows.length)).toBe(expected)
    expect(await landing(`\n${lines.join('\n\r\n')}\n`, rows.length)).toBe(expected)
    expect(await landing(JSON.stringify(rows, null, 2), rows.length)).toBe(expected)
    // Blank lines never reach the engine (store.ts); over HTTP the validator's road stores the batch.
    const answer = await postOrders(server.url, `${lines.join('\n\n')}\n\n`, { contentType: 'application/x-ndjson' })
    expect(await answer.json()).toEqual({ accepted: rows.length, duplicate: false })
  })

  test('agrees with the schema on each side of every bound', async () => {
    const [order] = makeOrders(1, 404)
    const cases: [string, unknown][] = [
      ['quantity', MAX_QUANTITY],
      ['quantity', MAX_QUANTITY + 1],
      ['quantity', 0],
      ['ts', MIN_EVENT_TIME_MS],
      ['ts', MIN_EVENT_TIME_MS - 1],
      ['ts', MAX_EVENT_TIME_MS - 1],
      ['ts', MAX_EVENT_TIME_MS],
      ['amount', `${MAX_ORDER_AMOUNT}.00`],
      ['amount', `${MAX_ORDER_AMOUNT}.01`],
      ['amount', '0.01'],
      ['amount', '0.00'],
      ['orderId', 'x'.repeat(64)],
      ['orderId', 'x'.repeat(65)],
      ...Object.entries(LABEL_MAX_LENGTH).flatMap(([field, max]): [string, unknown][] => [
        [field, 'x'.repeat(max)],
        [field, 'x'.repeat(max + 1)],
        [field, '品'.repeat(max)],
        [field, '😀'.repeat(max / 2)],
        [field, `${'😀'.repeat(max / 2)}x`],
        [field, 'a\u009f'],
        [field, 'a\u00a0'],
      ]),
    ]
    for (const [field, value] of cases) {
      const row = { ...order, [field]: value }
      expect(await landing(JSON.stringify(row), 1), `${field} = ${JSON.stringify(value)}`).toBe(await schema([row]))
    }
  })

  test('refuses what the engine reads leniently but the contract does not', async () => {
    const [order] = makeOrders(1, 402)
    const line = JSON.stringify(order)
    // Two orders on one line, or one over two: the server counted otherwise.
    expect(await landing(`${line}${JSON.stringify({ ...order, orderId: 'other' })}`, 1)).toBe('refused')
    expect(await landing(line.replace(',', ',\n'), 2)).toBe('refused')
    for (const field of ['liveRoom', 'buyerId', 'brandOrigin', 'quantity', 'currency']) {
      expect(await landing(JSON.stringify({ ...order, [field]: null }), 1), field).toBe('refused')
    }
    expect(await landing(JSON.stringify({ ...order, liveRoom: '' }), 1)).toBe('refused')
    expect(await landing(JSON.stringify({ ...order, orderId: 12 }), 1)).toBe('refused')
    expect(await landing(JSON.stringify({ ...order, quantity: 2 ** 64 + 1 }), 1)).toBe('refused')
    expect(await landing(JSON.stringify({ ...order, quantity: 1.5 }), 1)).toBe('refused')
    expect(await landing(JSON.stringify({ ...order, quantity: true }), 1)).toBe('refused')
    expect(await landing(`${line}\n${line}`, 2)).toBe('refused')
  })

  test('over HTTP an ordinary batch takes the landing, and only a form it does not read is converted by the server', async () => {
    const roads = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text()
      const count = (road: string) =>
        Number(new RegExp(`gmv_pulse_ingest_roads_total\\{road="${road}"\\} (\\d+)`).exec(text)?.[1] ?? 0)
      return { landing: count('landing'), converted: count('converted') }
    }
    const before = await roads()
    const orders = makeOrders(20, 405)
    const ndjson = orders.map((order) => JSON.stringify(order)).join('\n')
    expect((await postOrders(server.url, ndjson, { contentType: 'application/x-ndjson' })).status).toBe(200)
    expect((await postOrders(server.url, JSON.stringify({ orders: makeOrders(20, 406) }))).status).toBe(200)
    const iso = makeOrders(20, 407).map((order) => ({ ...order, ts: new Date(order.ts as number).toISOString() }))
    expect((await postOrders(server.url, JSON.stringify(iso))).status).toBe(200)
    expect(await roads()).toEqual({ landing: before.landing + 2, converted: before.converted + 1 })
  })

  test('a body cannot end its insert and run a statement of its own', async () => {
    const before = await server.store.select<{ tables: string }>(
      `SELECT count() AS tables FROM system.tables WHERE database = {db:String}`,
      { db: server.store.db },
    )
    const [order] = makeOrders(1, 403)
    const body = `${JSON.stringify(order)}\n\nDROP TABLE ${server.store.db}.ingest_batches`
    await expect(insertOrderBody(server.store, Buffer.from(body), 1, probeToken())).rejects.toThrow(/blank line/)
    // Over HTTP such a body takes the validator's road, which refuses it and names the line.
    const answer = await postOrders(server.url, body, { contentType: 'application/x-ndjson' })
    expect(answer.status).toBe(400)
    expect((await answer.json()).error.details).toEqual([{ row: 2, field: '', message: 'the line is not valid JSON' }])
    expect(
      await server.store.select(`SELECT count() AS tables FROM system.tables WHERE database = {db:String}`, {
        db: server.store.db,
      }),
    ).toEqual(before)
    expect(orderSchema.safeParse(order).success).toBe(true)
  })
})
