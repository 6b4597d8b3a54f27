/**
 * One way to stop: close() takes no new batch, lets every batch already accepted be stored and
 * answered, stops the ticks, closes the sockets and only then the store. A batch in flight when
 * the stop begins is answered 200 and is in the store afterwards.
 */
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { createApp } from '../../src/app.ts'
import { openStore } from '../../src/clickhouse/store.ts'
import { loadConfig } from '../../src/config.ts'
import { ApiError } from '../../src/http/ApiError.ts'
import { createLogger } from '../../src/logger.ts'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, subscribe } from '../socketClient.ts'
import { INGEST_TOKEN, postOrders } from '../startTestServer.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-lifecycle-'))

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

test('close() drains the batch in flight, refuses new ones, closes the sockets, then the store', async () => {
  const config = loadConfig({ DATA_DIR: dataDir, INGEST_TOKENS: INGEST_TOKEN, LOG_LEVEL: 'silent', TICK_MS: '250' })
  const logger = createLogger('silent')
  const store = await openStore(config.store, logger)
  const app = createApp({ config, store, logger })
  const port = await app.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  const viewer = await connectViewer(url)
  await subscribe(viewer, {})
  const disconnected = once(viewer as unknown as NodeJS.EventEmitter, 'disconnect')

  const batch = makeOrders(60_000, 11)
  const posted = postOrders(url, JSON.stringify(batch), { idempotencyKey: 'in-flight-at-stop' })
  await expect.poll(() => app.ingest?.inFlight, { timeout: 10_000, interval: 5 }).toBe(1)
  const closed = app.close()

  // No new batch is admitted once the stop has begun: 503, to retry with the same key.
  let refusal: unknown
  try {
    app.ingest?.admit('another-producer')
  } catch (error) {
    refusal = error
  }
  expect(refusal).toBeInstanceOf(ApiError)
  expect(refusal).toMatchObject({ status: 503, code: 'store_unavailable', retryAfterSeconds: 1 })

  const response = await posted
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ accepted: batch.length, duplicate: false })
  await closed
  // The sockets were closed by the server (a screen then reconnects, to another instance if
  // there is one), the ticks stopped, the store closed.
  const [reason] = await disconnected
  expect(reason).toBe('transport close')
  viewer.close()
  const ticks = app.hub.stats.ticks
  await new Promise((resolve) => setTimeout(resolve, 600))
  expect(app.hub.stats.ticks).toBe(ticks)
  await expect(store.select('SELECT 1 AS one')).rejects.toThrow()
  await expect(fetch(`${url}/api/v1/health/live`)).rejects.toThrow()

  // Opened again, the store holds the whole batch that was in flight.
  const reopened = await openStore(config.store, logger)
  try {
    const [row] = await reopened.select<{ orders: number }>(`SELECT count() AS orders FROM ${reopened.db}.orders`)
    expect(row?.orders).toBe(batch.length)
  } finally {
    await reopened.close()
  }
})
