import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { createCampaignGenerator } from './generator.ts'
import { createHttpSink } from './httpSink.ts'
import type { LedgerEntry } from './orderSink.ts'
import { runPacedProducer } from './pacedProducer.ts'

interface Seen {
  key: string | undefined
  lines: number
  authorization: string | undefined
  contentType: string | undefined
}

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

/** A tiny real ingest server: answers each key's first attempt with `first`, later ones with 200. */
async function startServer(first: { status: number; retryAfter?: string }) {
  const seen: Seen[] = []
  const stored = new Set<string>()
  const created = createServer(async (request: IncomingMessage, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    const key = request.headers['idempotency-key'] as string | undefined
    const lines = body.split('\n').filter(Boolean).length
    const attempt = seen.filter((s) => s.key === key).length
    seen.push({
      key,
      lines,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
    })
    if (attempt === 0 && first.status !== 200) {
      response.writeHead(first.status, {
        'content-type': 'application/json',
        ...(first.retryAfter ? { 'retry-after': first.retryAfter } : {}),
      })
      response.end(
        JSON.stringify({ error: { message: 'store unavailable', code: 'store_unavailable', status: first.status } }),
      )
      return
    }
    const duplicate = stored.has(key as string)
    stored.add(key as string)
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ accepted: duplicate ? 0 : lines, duplicate }))
  })
  server = created
  await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(created.address() as AddressInfo).port}`, seen }
}

const batchesOf = (count: number) =>
  [
    ...createCampaignGenerator({ seed: 9, scale: 1e-3 }).ndjsonBatches({
      fromSecond: 864_000,
      toSecond: 864_010,
      maxOrders: 1000,
    }),
  ].slice(0, count)

test('a batch answered 503 with Retry-After is re-sent after the wait with the same Idempotency-Key', async () => {
  const { url, seen } = await startServer({ status: 503, retryAfter: '1' })
  const ledger: LedgerEntry[] = []
  const sink = createHttpSink({ url, token: 'secret', onAcknowledged: (entry) => ledger.push(entry) })
  const [batch] = batchesOf(1)
  if (!batch) throw new Error('no batch generated')
  const startedAt = Date.now()
  await sink.send(batch)
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950)
  expect(seen.map((s) => s.key)).toEqual([batch.key, batch.key])
  expect(seen.every((s) => s.authorization === 'Bearer secret' && s.contentType === 'application/x-ndjson')).toBe(true)
  expect(seen[1]?.lines).toBe(batch.orderCount)
  expect(sink.stats).toMatchObject({
    sentBatches: 1,
    sentOrders: batch.orderCount,
    acknowledgedBatches: 1,
    acknowledgedOrders: batch.orderCount,
    failedBatches: 0,
    retries: 1,
  })
  expect(ledger).toEqual([
    expect.objectContaining({
      key: batch.key,
      orders: batch.orderCount,
      accepted: batch.orderCount,
      duplicate: false,
      attempts: 2,
    }),
  ])
  expect(ledger[0]?.gmv).toMatch(/^\d+\.\d{2}$/)
})

test('a 400 is not retried and counts as failed', async () => {
  const { url, seen } = await startServer({ status: 400 })
  const sink = createHttpSink({ url, token: 'secret' })
  const [batch] = batchesOf(1)
  if (!batch) throw new Error('no batch generated')
  await expect(sink.send(batch)).rejects.toThrow(/400/)
  expect(seen).toHaveLength(1)
  expect(sink.stats).toMatchObject({
    acknowledgedBatches: 0,
    failedBatches: 1,
    failedOrders: batch.orderCount,
    retries: 0,
  })
})

test('the live producer reports every order sent, acknowledged after retries, and none failed', async () => {
  const { url, seen } = await startServer({ status: 503, retryAfter: '0' })
  const sink = createHttpSink({ url, token: 'secret' })
  const generator = createCampaignGenerator({ seed: 4, scale: 1e-3 })
  // 3 campaign seconds at 1,000× speed from the midnight surge: finishes in well under a second of wall time.
  const report = await runPacedProducer({
    generator,
    sink,
    startSecond: 864_000,
    speed: 1000,
    durationMs: 1000,
    tickMs: 1,
  })
  const expected = Array.from({ length: report.campaignSecond - 864_000 }, (_, i) =>
    generator.ordersInSecond(864_000 + i),
  ).reduce((a, b) => a + b, 0)
  expect(report.sentOrders).toBe(expected)
  expect(report.acknowledgedOrders).toBe(expected)
  expect(report.failedOrders).toBe(0)
  const keys = seen.map((s) => s.key)
  // Every batch was tried twice (503 first), with the same key both times.
  expect(keys.length).toBe(2 * report.sentBatches)
  for (const key of new Set(keys)) expect(keys.filter((k) => k === key)).toHaveLength(2)
  expect(sink.stats.retries).toBe(report.sentBatches)
})
