/**
 * Proves: each class of malformed request in the corpus (badRequests.ts) is answered
 * with its own 4xx in the one error shape — never a 5xx, never a hang — and stores
 * nothing: the raw table, both rollups and the idempotency ledger hold the same counts
 * before and after every one. Afterwards the server still takes valid batches at full
 * admission (no slot leaked). Requests Node's HTTP parser refuses before the app sees
 * them get the right status; their body shape is a known gap (see the last block).
 */
import { type ErrorDetail, errorBodySchema } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { rollupMismatches, storedOrderCounts } from '../rollupTotals.ts'
import { INGEST_TOKEN, postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import {
  BAD_INPUT_ENV,
  BAD_REQUESTS,
  type BadRequest,
  expectAnyString,
  type Target,
  validOrder,
} from './badRequests.ts'
import type { Answer } from './rawHttp.ts'

let server: TestServer
let target: Target
/** Answers by case name: the slow case starts in beforeAll and is awaited by its test, so its wait overlaps the rest. */
const answers = new Map<string, Promise<Answer>>()

beforeAll(async () => {
  server = await startTestServer({ ...BAD_INPUT_ENV })
  target = { url: server.url, token: INGEST_TOKEN }
  for (const slow of BAD_REQUESTS.filter((c) => c.slow)) answers.set(slow.name, slow.send(target))
})

afterAll(async () => {
  await server?.close()
})

function answerOf(badRequest: BadRequest): Promise<Answer> {
  let answer = answers.get(badRequest.name)
  if (!answer) {
    answer = badRequest.send(target)
    answers.set(badRequest.name, answer)
  }
  return answer
}

/** Rows in the raw table, orders in each rollup, and ledger lines: all four must not move on a refusal. */
async function storedCounts(): Promise<number[]> {
  const [row] = await server.store.select<{ ledger: number }>(
    `SELECT count() AS ledger FROM ${server.store.db}.ingest_batches`,
  )
  return [...Object.values(await storedOrderCounts(server.store)), Number(row?.ledger)]
}

const withMatchers = (details: ErrorDetail[]) =>
  details.map((detail) => ({
    ...detail,
    message: detail.message === expectAnyString ? expect.any(String) : detail.message,
  }))

/** The one error shape, with the status and code of the class; small whatever the body was. */
function expectOneErrorShape(answer: Answer, badRequest: BadRequest) {
  expect(answer.headers['content-type']).toMatch(/^application\/json/)
  // A refusal never echoes a 10 MB body back: the first 100 problems, each a short line.
  expect(answer.body.length).toBeLessThan(64 * 1024)
  const { error } = errorBodySchema.parse(JSON.parse(answer.body.toString('utf8')))
  expect(error).toMatchObject({ status: badRequest.status, code: badRequest.code })
  if (badRequest.details) expect(error.details).toEqual(withMatchers(badRequest.details))
}

const appLevel = BAD_REQUESTS.filter((c) => !c.parserLevel)
const parserLevel = BAD_REQUESTS.filter((c) => c.parserLevel)

describe('every malformed request is a 4xx in the one error shape and stores nothing', () => {
  test('the corpus covers at least 50 classes', () => {
    expect(new Set(BAD_REQUESTS.map((c) => c.name)).size).toBe(BAD_REQUESTS.length)
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(50)
  })

  test.each(appLevel)('$name → $status $code', async (badRequest) => {
    const before = await storedCounts()
    const answer = await answerOf(badRequest)
    expect(answer.status).toBe(badRequest.status)
    expectOneErrorShape(answer, badRequest)
    expect(await storedCounts()).toEqual(before)
  })

  test.each(parserLevel)('$name → $status from the HTTP layer, nothing stored', async (badRequest) => {
    const before = await storedCounts()
    const answer = await answerOf(badRequest)
    expect(answer.status).toBe(badRequest.status)
    expect(await storedCounts()).toEqual(before)
  })
})

describe('after a refusal', () => {
  test('a batch refused under an Idempotency-Key leaves the key unused: the corrected batch is stored under it', async () => {
    const order = validOrder()
    const refused = await postOrders(server.url, JSON.stringify([{ ...order, amount: '-1' }]), {
      idempotencyKey: 'refused-then-fixed',
    })
    expect(refused.status).toBe(400)
    const fixed = await postOrders(server.url, JSON.stringify([order]), { idempotencyKey: 'refused-then-fixed' })
    expect(await fixed.json()).toEqual({ accepted: 1, duplicate: false })
  })

  test('every admission slot is free again: as many batches at once as the server admits are all stored', async () => {
    const before = await storedCounts()
    const statuses = await Promise.all(
      [1, 2, 3, 4].map((seed) =>
        postOrders(server.url, JSON.stringify(makeOrders(100, 9000 + seed))).then((r) => r.status),
      ),
    )
    expect(statuses).toEqual([200, 200, 200, 200])
    expect((await storedCounts())[0]).toBe((before[0] ?? 0) + 400)
    expect(await rollupMismatches(server.store)).toEqual([])
  })
})

describe('answers written below Express', () => {
  // Node's HTTP parser and its request-timeout sweep answer before Express sees the request;
  // the server's clientError listener gives those answers the one error shape too.
  test.each(parserLevel)('$name is answered in the one error shape', async (badRequest) => {
    expectOneErrorShape(await answerOf(badRequest), badRequest)
  })
})
