/**
 * Proves, over 10,000 random requests posted to the real server (random JSON, valid
 * orders with one thing changed, random bytes and text, odd Content-Types and
 * Idempotency-Keys): every answer is a 200 with the ingest result or a 4xx in the one
 * error shape — no 5xx, no dropped connection — and what is stored is exactly what the
 * 200s accepted: nothing from a refused batch reaches the raw table or either rollup.
 */
import { errorBodySchema, ingestResultSchema } from '@gmv-pulse/shared'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { rollupMismatches, storedOrderCounts } from '../rollupTotals.ts'
import { INGEST_TOKEN, startTestServer, type TestServer } from '../startTestServer.ts'
import type { Target } from './badRequests.ts'
import { randomRequest, sendRandom } from './randomRequests.ts'

/** Requests in flight at once: enough to keep both cores busy, below the admission limit set here. */
const CONCURRENCY = 16
const REQUESTS = 10_000
/** Fixed, so a failure reproduces; fast-check prints the counterexample and the path to it. */
const SEED = 20201111

let server: TestServer
let target: Target

beforeAll(async () => {
  // Admission (503 past INGEST_MAX_IN_FLIGHT) is load shedding, not a verdict on a body:
  // raise it above the concurrency so every answer here is about the body alone.
  server = await startTestServer({ INGEST_MAX_IN_FLIGHT: String(CONCURRENCY * 2) })
  target = { url: server.url, token: INGEST_TOKEN }
})

afterAll(async () => {
  await server?.close()
})

async function storedOrders(): Promise<number> {
  return (await storedOrderCounts(server.store)).raw ?? -1
}

test(`${REQUESTS} random bodies: a 200 or a 4xx in the one error shape, and only accepted orders stored`, async () => {
  const before = await storedOrders()
  let accepted = 0
  const statuses = new Map<number, number>()
  await fc.assert(
    fc.asyncProperty(fc.array(randomRequest, { minLength: CONCURRENCY, maxLength: CONCURRENCY }), async (requests) => {
      const answers = await Promise.all(requests.map((request) => sendRandom(target, request)))
      for (const answer of answers) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
        if (answer.status === -1) continue
        const json: unknown = JSON.parse(answer.body.toString('utf8'))
        if (answer.status === 200) {
          const result = ingestResultSchema.parse(json)
          if (!result.duplicate) accepted += result.accepted
          continue
        }
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(answer.status).toBeLessThan(500)
        expect(errorBodySchema.parse(json).error.status).toBe(answer.status)
      }
    }),
    { numRuns: REQUESTS / CONCURRENCY, seed: SEED, endOnFailure: true },
  )
  expect(await storedOrders()).toBe(before + accepted)
  expect(await rollupMismatches(server.store)).toEqual([])
  // The mix must exercise both outcomes, or the property proves little.
  expect(statuses.get(200)).toBeGreaterThan(50)
  expect(statuses.get(400)).toBeGreaterThan(REQUESTS / 2)
  console.info('statuses', Object.fromEntries(statuses), 'orders stored', accepted)
}, 120_000)
