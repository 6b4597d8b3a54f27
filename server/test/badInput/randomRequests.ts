/**
 * Random ingest requests for the property test and the memory test: random JSON, valid
 * orders with one thing changed, random bytes and random text, under a mostly matching
 * (sometimes wrong) Content-Type and sometimes an Idempotency-Key. Bodies stay small so
 * ten thousand of them take seconds.
 */
import fc from 'fast-check'
import type { Target } from './badRequests.ts'
import { type Answer, send } from './rawHttp.ts'

export interface RandomRequest {
  body: Buffer
  contentType: string | undefined
  /** `unique` is replaced by a fresh valid key when sent. */
  idempotencyKey: string | undefined
}

const validOrder = fc.record(
  {
    orderId: fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/),
    ts: fc.integer({ min: Date.UTC(2020, 10, 10, 16), max: Date.UTC(2020, 10, 11, 16) - 1 }),
    amount: fc.integer({ min: 1, max: 1_000_000_000 }).map((fen) => (fen / 100).toFixed(2)),
    currency: fc.constantFrom('CNY', 'USD', 'SGD'),
    quantity: fc.integer({ min: 1, max: 5 }),
    brand: fc.constantFrom('Fuzz A', 'Fuzz B', '模糊品牌'),
    category: fc.constantFrom('Beauty', 'Apparel'),
    channel: fc.constantFrom('livestream', 'search'),
    liveRoom: fc.constantFrom('Room F'),
    region: fc.constantFrom('CN-ZJ', 'CN-GD', 'SG'),
    brandOrigin: fc.constantFrom('domestic', 'overseas'),
    buyerId: fc.stringMatching(/^[a-z0-9]{1,16}$/),
  },
  { requiredKeys: ['orderId', 'ts', 'amount', 'brand', 'category', 'channel', 'region'] },
)

const FIELDS = ['orderId', 'ts', 'amount', 'currency', 'quantity', 'brand', 'category', 'channel', 'region']

/** Hostile values for any field: wrong types, edge numbers, long and odd strings. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(0, -1, 1e21, 0.1 + 0.2, '', ' ', '1e3', '1.234', 'CN-XX', '\u0000', 'x'.repeat(300), null),
)

/** A valid order with one change: a field removed, replaced or added. Rarely unchanged (then it is stored). */
const mutatedOrder: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validOrder, weight: 1 },
  {
    arbitrary: fc
      .tuple(validOrder, fc.constantFrom(...FIELDS))
      .map(([order, field]) => Object.fromEntries(Object.entries(order).filter(([key]) => key !== field))),
    weight: 4,
  },
  {
    arbitrary: fc
      .tuple(validOrder, fc.constantFrom(...FIELDS), oddValue)
      .map(([order, field, value]) => ({ ...order, [field]: value })),
    weight: 10,
  },
  {
    arbitrary: fc
      .tuple(validOrder, fc.string({ minLength: 1, maxLength: 12 }), oddValue)
      .map(([order, key, value]) => ({ ...order, [key]: value })),
    weight: 3,
  },
)

const ordersBody = fc
  .tuple(fc.array(mutatedOrder, { minLength: 1, maxLength: 3 }), fc.constantFrom('array', 'object', 'ndjson'))
  .map(([orders, shape]) => ({
    text:
      shape === 'ndjson'
        ? orders.map((order) => JSON.stringify(order)).join('\n')
        : JSON.stringify(shape === 'array' ? orders : { orders }),
    contentType: shape === 'ndjson' ? 'application/x-ndjson' : 'application/json',
  }))

const body = fc.oneof(
  { arbitrary: ordersBody.map(({ text, contentType }) => ({ body: Buffer.from(text), contentType })), weight: 6 },
  {
    arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ body: Buffer.from(text), contentType: 'application/json' })),
    weight: 2,
  },
  {
    arbitrary: fc
      .uint8Array({ maxLength: 256 })
      .map((bytes) => ({ body: Buffer.from(bytes), contentType: 'application/x-ndjson' })),
    weight: 1,
  },
  {
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 200 })
      .map((text) => ({ body: Buffer.from(text), contentType: 'application/json' })),
    weight: 1,
  },
)

export const randomRequest: fc.Arbitrary<RandomRequest> = fc
  .tuple(
    body,
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 1 },
      { arbitrary: fc.constantFrom('application/json', 'application/x-ndjson'), weight: 1 },
      { arbitrary: fc.constantFrom('text/plain', 'application/xml', ''), weight: 1 },
    ),
    fc.integer({ min: 0, max: 9 }),
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 6 },
      { arbitrary: fc.constant('unique'), weight: 3 },
      { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    ),
  )
  .map(([{ body, contentType }, otherType, roll, idempotencyKey]) => ({
    body,
    // Mostly the type that matches the body; one time in ten another (or none).
    contentType: roll === 0 ? otherType : contentType,
    idempotencyKey,
  }))

let keySequence = 0

/** Posts one random request with node:http (fetch would refuse some of the odd header values). */
export function sendRandom(target: Target, request: RandomRequest): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` }
  if (request.contentType !== undefined) headers['content-type'] = request.contentType
  if (request.idempotencyKey === 'unique') headers['idempotency-key'] = `fuzz-${process.pid}-${++keySequence}`
  else if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey
  return send(target.url, { path: '/api/v1/orders', headers, body: request.body }).catch((error: unknown) => {
    // node:http itself refuses header values with characters HTTP forbids: not the server's answer.
    if (error instanceof TypeError && 'code' in error && error.code === 'ERR_INVALID_CHAR') {
      return { status: -1, headers: {}, body: Buffer.alloc(0) }
    }
    throw error
  })
}
