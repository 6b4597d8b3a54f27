/**
 * Analysts never starve the walls: their reads wait in a bounded pool (here one at a time, two
 * waiting), a saturated engine answers them 503 + Retry-After at once, waiting reads are answered
 * in order of arrival when the pool frees, and meanwhile the walls' ticks and curve keep coming
 * from their own lane. Rate limits count the client's address, the proxy's forwarded one only
 * when TRUST_PROXY says to believe it.
 */
import { errorBodySchema, type Snapshot } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, follow } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import { withApp } from '../withApp.ts'

/** Holds the analysts' lane for `seconds`: rows of 0.4 s, one row per block, which the engine cannot cut short. */
const holdAnalysts = (seconds: number) =>
  server.store.select(`SELECT sleepEachRow(0.4) FROM numbers(${Math.round(seconds / 0.4)}) SETTINGS max_block_size = 1`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ READ_POOL_SIZE: '1', READ_QUEUE: '2', TICK_MS: '250' })
  expect((await postOrders(server.url, JSON.stringify(makeOrders(2000, 7)))).status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

/** Sends a read and notes when it was answered; a gap lets the server take each in the order sent. */
async function readsInOrder(paths: string[], answered: string[], signal?: AbortSignal) {
  const reads: Promise<Response>[] = []
  for (const path of paths) {
    reads.push(
      fetch(`${server.url}${path}`, signal && path === paths.at(-1) ? { signal } : {}).then(async (response) => {
        await response.clone().arrayBuffer()
        answered.push(path)
        return response
      }),
    )
    await sleep(150)
  }
  return reads
}

describe('the analysts’ pool', () => {
  test('a saturated pool answers 503 with Retry-After at once; waiting reads are answered in order when it frees', async () => {
    let holdOver = false
    const held = holdAnalysts(2.4).then(() => {
      holdOver = true
    })
    const answered: string[] = []
    const paths = ['/api/v1/summary?brand=Acme', '/api/v1/summary?brand=Zeta', '/api/v1/summary?channel=search']
    const reads = await readsInOrder(paths, answered)

    const refused = await fetch(`${server.url}/api/v1/summary?brand=Lotus`)
    // Refused at once, not after waiting for the pool: the hold is not over.
    expect(holdOver).toBe(false)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(errorBodySchema.parse(await refused.json()).error).toMatchObject({ code: 'store_unavailable', status: 503 })
    expect(answered).toEqual([])

    await held
    const responses = await Promise.all(reads)
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200])
    expect(answered).toEqual(paths)
    // Each got its own answer, the same as asked again now.
    for (const [index, path] of paths.entries()) {
      expect(await (responses[index] as Response).json()).toEqual(await (await fetch(`${server.url}${path}`)).json())
    }
  })

  test('a waiting read whose client leaves gives its place to the next one', async () => {
    const held = holdAnalysts(2.4)
    const leaving = new AbortController()
    const answered: string[] = []
    const reads = await readsInOrder(['/api/v1/summary?region=SG', '/api/v1/summary?region=VN'], answered)
    const left = await readsInOrder(['/api/v1/summary?region=CN-ZJ'], answered, leaving.signal)
    leaving.abort()
    await expect(left[0]).rejects.toThrow()
    await sleep(100)
    // Its place is free again: this one waits rather than being refused; the next is refused.
    reads.push(...(await readsInOrder(['/api/v1/summary?region=CN-GD'], answered)))
    expect((await fetch(`${server.url}/api/v1/summary?region=CN-SH`)).status).toBe(503)
    await held
    expect((await Promise.all(reads)).map((response) => response.status)).toEqual([200, 200, 200])
    expect(answered).toEqual(['/api/v1/summary?region=SG', '/api/v1/summary?region=VN', '/api/v1/summary?region=CN-GD'])
  })

  test('while analysts saturate the engine, every tick still reaches the wall fresh, and its curve answers', async () => {
    const viewer = await connectViewer(server.url)
    const seen: { at: number; snapshot: Snapshot }[] = []
    await follow(viewer, {}, (snapshot) => seen.push({ at: Date.now(), snapshot }))
    try {
      // The first ticks of a filter read more (what figures keep is not known yet): measure after them.
      await sleep(1000)
      const from = seen.length
      const started = Date.now()
      const held = holdAnalysts(4)
      const reads = await readsInOrder(
        ['/api/v1/top?dimension=brand', '/api/v1/timeseries?interval=1m', '/api/v1/top?dimension=category'],
        [],
      )
      const refused = await fetch(`${server.url}/api/v1/top?dimension=region`)
      expect(refused.status).toBe(503)
      const curve = await fetch(`${server.url}/api/v1/curve`)
      expect(curve.status).toBe(200)
      await held
      const ended = Date.now()
      const during = seen.slice(from).map(({ snapshot }) => snapshot)
      // Ticks of 250 ms kept being computed while the analysts' lane was held for 4 s: about 16
      // of them on a quiet machine. A wall waiting for the hold would get none, only its last
      // numbers marked stale and 4 s old. This shared 2-core machine, under load, delays a tick
      // by a second now and then even with no reader at all, hence a quarter of them and the
      // issue's bar for data age, 2 s.
      const computedDuring = during.filter(
        (snapshot) => Date.parse(snapshot.computedAt) > started && Date.parse(snapshot.computedAt) < ended,
      )
      expect(computedDuring.length).toBeGreaterThanOrEqual(4)
      expect(Math.max(...during.map((snapshot) => snapshot.ageSeconds))).toBeLessThan(2)
      await Promise.all(reads)
    } finally {
      viewer.close()
    }
  })
})

test('a read that waits longer than READ_QUEUE_WAIT_MS for its turn is refused, and its place freed', async () => {
  await withApp(server.store, { READ_POOL_SIZE: '1', READ_QUEUE: '1', READ_QUEUE_WAIT_MS: '400' }, async (url) => {
    let holdOver = false
    const held = holdAnalysts(2.4).then(() => {
      holdOver = true
    })
    const running = fetch(`${url}/api/v1/summary?brand=Acme`)
    await sleep(150)
    const waited = await fetch(`${url}/api/v1/summary?brand=Zeta`)
    expect(holdOver).toBe(false)
    expect(waited.status).toBe(503)
    expect(waited.headers.get('retry-after')).toBe('1')
    expect(errorBodySchema.parse(await waited.json()).error.message).toMatch(/no turn within 400 ms/)
    // Its place was freed: the next read gets a place in the queue (and waits its 400 ms there)
    // rather than being refused at once for a full queue.
    const next = await fetch(`${url}/api/v1/summary?brand=Lotus`)
    expect(holdOver).toBe(false)
    expect(errorBodySchema.parse(await next.json()).error.message).toMatch(/no turn within 400 ms/)
    await held
    expect((await running).status).toBe(200)
  })
})

describe('rate limits by client address', () => {
  const readAs = (url: string, forwardedFor: string) =>
    fetch(`${url}/api/v1/summary`, { headers: { 'x-forwarded-for': forwardedFor } })

  test('behind a trusted proxy, each forwarded client address has its own budget', async () => {
    await withApp(server.store, { READ_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' }, async (url) => {
      for (let i = 0; i < 3; i++) expect((await readAs(url, '203.0.113.7')).status).toBe(200)
      expect((await readAs(url, '203.0.113.7')).status).toBe(429)
      expect((await readAs(url, '203.0.113.8')).status).toBe(200)
    })
  })

  test('without TRUST_PROXY a forwarded address is not believed: a client cannot pick a fresh budget', async () => {
    await withApp(server.store, { READ_RATE_LIMIT: '3' }, async (url) => {
      for (let i = 0; i < 3; i++) expect((await readAs(url, `203.0.113.${i}`)).status).toBe(200)
      const limited = await readAs(url, '203.0.113.99')
      expect(limited.status).toBe(429)
      expect(errorBodySchema.parse(await limited.json()).error.code).toBe('rate_limited')
    })
  })
})
