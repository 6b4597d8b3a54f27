/**
 * The simulator's producer against a real GMV Pulse server: a backfill lands exactly once
 * (GMV to the fen against the producer's own ledger), a rerun is recognised batch by batch,
 * and a batch refused with 503 while the store stalls is retried with its key and stored once.
 */
import { createCampaignGenerator, createHttpSink, type LedgerEntry, runBackfill } from '@gmv-pulse/seed'
import { fromFen, type Summary, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { INGEST_TOKEN, startTestServer, type TestServer } from '../startTestServer.ts'
import { withApp } from '../withApp.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

const summary = async (): Promise<Summary> => (await fetch(`${server.url}/api/v1/summary`)).json() as Promise<Summary>
const sliceOf = (minutes: number, offsetMinutes = 0) => {
  const midnight = 10 * 86_400
  return { fromSecond: midnight + offsetMinutes * 60, toSecond: midnight + (offsetMinutes + minutes) * 60 }
}

test('a backfill through the API is stored exactly once, and a rerun is recognised batch by batch', async () => {
  const generator = createCampaignGenerator({ seed: 5, scale: 1e-4, year: 2020 })
  const ledger: LedgerEntry[] = []
  const sink = createHttpSink({ url: server.url, token: INGEST_TOKEN, onAcknowledged: (entry) => ledger.push(entry) })
  const result = await runBackfill({ generator, sink, ...sliceOf(3), maxOrders: 500 })
  expect(result.batches).toBeGreaterThan(2)
  const stored = await summary()
  const ledgerFen = ledger.reduce((total, entry) => total + toFen(entry.gmv), 0n)
  expect(stored).toMatchObject({ orders: result.orders, gmv: fromFen(ledgerFen) })
  expect(fromFen(BigInt(result.gmvFen))).toBe(stored.gmv)

  const rerun = createHttpSink({ url: server.url, token: INGEST_TOKEN })
  await runBackfill({ generator, sink: rerun, ...sliceOf(3), maxOrders: 500 })
  expect(rerun.stats.duplicateBatches).toBe(result.batches)
  expect(await summary()).toEqual(stored)
})

test('a batch refused with 503 while the store stalls is retried with its key and stored once', async () => {
  const before = await summary()
  const generator = createCampaignGenerator({ seed: 6, scale: 1e-4, year: 2020 })
  const retries: string[] = []
  // A store timeout short enough for the stall below, on an app of its own: the backfill above
  // keeps the default, or a slow moment of a busy machine would fail it rather than this.
  await withApp(
    server.store,
    { INGEST_TOKENS: INGEST_TOKEN, INGEST_STORE_TIMEOUT_MS: '300' },
    async (url) => {
      const sink = createHttpSink({
        url,
        token: INGEST_TOKEN,
        onRetry: ({ key, reason }) => retries.push(`${key} ${reason}`),
      })
      // Each embedded session runs one statement at a time: this one holds the write path for about 1.5 s.
      const stall = server.store.command('SELECT sleepEachRow(0.5) FROM numbers(3) SETTINGS max_block_size = 1')
      await new Promise((resolve) => setTimeout(resolve, 50))
      const result = await runBackfill({ generator, sink, ...sliceOf(1, 30), maxOrders: 100_000 })
      await stall
      expect(retries.some((line) => line.includes('503'))).toBe(true)
      const after = await summary()
      expect(after.orders - before.orders).toBe(result.orders)
      expect(toFen(after.gmv) - toFen(before.gmv)).toBe(BigInt(result.gmvFen))
    },
    { tick: false },
  )
})
