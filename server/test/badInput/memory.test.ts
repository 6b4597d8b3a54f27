/**
 * Proves: a server in its own process that has refused the whole bad-input corpus several
 * times over (10 MB strings, 17 MB bodies, gzip bombs, deep nesting) and thousands of
 * random bodies gives its memory back — its resident set after a settle is within a
 * stated tolerance of the baseline taken after warm-up — and is still up and storing.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../../bench/lib/serverProcess.ts'
import { makeOrders } from '../orderFixtures.ts'
import { BAD_INPUT_ENV, BAD_REQUESTS, type Target } from './badRequests.ts'
import { randomRequest, sendRandom } from './randomRequests.ts'
import { send } from './rawHttp.ts'

/**
 * Growth allowed between the warm-up baseline and the settled sample. The largest
 * requests hold ~50 MB each while in flight (a 17 MB body, its decoded string, the parsed
 * value), and V8 and the allocator keep some freed pages for reuse, so a healthy process
 * moves by tens of MiB between samples. A leak that matters here — keeping the bodies
 * of refused requests, or the state of requests that never finished — would hold over
 * 10 MB per large request, hundreds of MiB across the rounds below, far past this.
 */
const TOLERANCE_MIB = 96
const ROUNDS = 4
const RANDOM_REQUESTS = 2000

let server: ServerProcess
let target: Target

beforeAll(async () => {
  server = await startServerProcess({ ...BAD_INPUT_ENV, INGEST_MAX_IN_FLIGHT: '32', LOG_LEVEL: 'error' })
  target = { url: server.url, token: server.token }
}, 60_000)

afterAll(async () => {
  await server?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The corpus once, in order (the slow trickle excluded: it only waits), answers checked loosely. */
async function corpusRound(): Promise<void> {
  for (const badRequest of BAD_REQUESTS.filter((c) => !c.slow)) {
    const answer = await badRequest.send(target)
    expect(answer.status, badRequest.name).toBe(badRequest.status)
  }
}

async function randomRound(count: number, seed: number): Promise<void> {
  const requests = fc.sample(randomRequest, { numRuns: count, seed })
  for (let i = 0; i < requests.length; i += 16) {
    const answers = await Promise.all(requests.slice(i, i + 16).map((request) => sendRandom(target, request)))
    for (const answer of answers) expect(answer.status).toBeLessThan(500)
  }
}

/** A few valid batches, a pause, then the median of several samples: what "settled" means here. */
async function settledRssMiB(seed: number): Promise<number> {
  for (let i = 0; i < 3; i++) {
    const answer = await send(target.url, {
      path: '/api/v1/orders',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(makeOrders(1000, seed * 10 + i)),
    })
    expect(answer.status).toBe(200)
  }
  await sleep(3000)
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    samples.push(server.rssMiB())
    await sleep(200)
  }
  return samples.sort((a, b) => a - b)[2] as number
}

test('after the corpus and random bodies, resident memory is back within the tolerance of its baseline', async () => {
  // Warm-up: every code path, buffer pool and engine cache the load will touch, touched once.
  await corpusRound()
  await randomRound(500, 1)
  const baseline = await settledRssMiB(1)

  for (let round = 0; round < ROUNDS; round++) await corpusRound()
  await randomRound(RANDOM_REQUESTS, 2)
  const peak = server.peakRssMiB()
  const after = await settledRssMiB(2)

  console.info(
    `RSS baseline ${baseline.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, settled ${after.toFixed(0)} MiB (tolerance ${TOLERANCE_MIB} MiB)`,
  )
  expect(server.child.exitCode).toBeNull()
  expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200)
  expect(after - baseline).toBeLessThanOrEqual(TOLERANCE_MIB)
}, 180_000)
