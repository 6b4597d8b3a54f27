import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/app.ts'
import { openStore, type Store } from '../src/clickhouse/store.ts'
import { loadConfig } from '../src/config.ts'
import type { LiveServer } from '../src/live/attachSockets.ts'
import type { LiveHub } from '../src/live/LiveHub.ts'
import { createLogger } from '../src/logger.ts'

export const INGEST_TOKEN = 'test-ingest-token'

export interface TestServer {
  url: string
  store: Store
  hub: LiveHub
  /** The Socket.IO server: tests read which sockets and rooms it holds. */
  io: LiveServer
  close(): Promise<void>
}

/**
 * A real GMV Pulse server on a real port over a fresh embedded store. One per test file:
 * the engine allows one data directory per process. CLICKHOUSE_TEST_URL points the same
 * suite at a ClickHouse server instead, in a database of its own.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-test-'))
  const serverUrl = process.env.CLICKHOUSE_TEST_URL
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    INGEST_TOKENS: INGEST_TOKEN,
    LOG_LEVEL: 'silent',
    ...(serverUrl
      ? { CLICKHOUSE_URL: serverUrl, CLICKHOUSE_DATABASE: `gmv_pulse_test_${process.pid}_${Date.now()}` }
      : {}),
    ...env,
  })
  const logger = createLogger(config.logLevel)
  const store = await openStore(config.store, logger)
  const app = createApp({ config, store, logger })
  const port = await app.listen(0, '127.0.0.1')
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    hub: app.hub,
    io: app.io,
    async close() {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface PostOptions {
  token?: string | null
  contentType?: string
  idempotencyKey?: string
}

/** POSTs a body to the ingest endpoint the way a producer would. */
export async function postOrders(url: string, body: string, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' }
  const token = options.token === undefined ? INGEST_TOKEN : options.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
  return fetch(`${url}/api/v1/orders`, { method: 'POST', headers, body })
}
