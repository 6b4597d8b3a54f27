/**
 * Security by default: reads are rate limited per client, the API answers CORS only for
 * listed origins, helmet's headers (a CSP among them) are on every answer, and no token or
 * password ever reaches a log line, whatever a client sends.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { errorBodySchema } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/logger.ts'
import { makeOrders } from '../orderFixtures.ts'
import { startTestServer, type TestServer } from '../startTestServer.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

async function withApp(env: Record<string, string>, run: (url: string) => Promise<void>) {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  const app = createApp({ config, store: server.store, logger: createLogger('silent') })
  app.server.listen(0, '127.0.0.1')
  await once(app.server, 'listening')
  try {
    await run(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`)
  } finally {
    await new Promise((done) => app.io.close(done))
  }
}

describe('security by default', () => {
  test('reads past the per-client limit get 429 in the one error shape, with Retry-After', async () => {
    await withApp({ READ_RATE_LIMIT: '5' }, async (url) => {
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${url}/api/v1/summary`)).status)
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
      const limited = await fetch(`${url}/api/v1/summary`)
      expect(limited.status).toBe(429)
      expect(errorBodySchema.parse(await limited.json()).error.code).toBe('rate_limited')
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      // Health stays reachable for load balancers.
      expect((await fetch(`${url}/api/v1/health/live`)).status).toBe(200)
    })
  })

  test('CORS answers only listed origins; by default, none', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/api/v1/summary`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      })
    const unlisted = await preflight(server.url, 'https://elsewhere.example')
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull()
    await withApp({ CORS_ORIGINS: 'https://wall.example' }, async (url) => {
      expect((await preflight(url, 'https://wall.example')).headers.get('access-control-allow-origin')).toBe(
        'https://wall.example',
      )
      expect((await preflight(url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  test('every answer carries helmet headers, a CSP that allows only this origin’s scripts among them', async () => {
    const response = await fetch(`${server.url}/api/v1/health`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })
})

test('no token or password reaches a log line, even at trace level and on every kind of failure', async () => {
  const secrets = {
    INGEST_TOKENS: 'ingest-secret-4f9a1c',
    VIEWER_TOKENS: 'viewer-secret-77d0e2',
    CLICKHOUSE_PASSWORD: 'password-secret-0b3e',
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-secrets-'))
  const port = 30000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, ...secrets, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'trace' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const url = `http://127.0.0.1:${port}`
  try {
    for (let i = 0; i < 100 && !output.includes('listening'); i++) await new Promise((r) => setTimeout(r, 200))
    const body = JSON.stringify(makeOrders(3, 1))
    const post = (token: string, payload = body) =>
      fetch(`${url}/api/v1/orders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: payload,
      })
    expect((await post(secrets.INGEST_TOKENS)).status).toBe(200)
    expect((await post(`${secrets.INGEST_TOKENS}x`)).status).toBe(401)
    expect((await post(secrets.INGEST_TOKENS, '[{"broken"')).status).toBe(400)
    expect((await post(secrets.VIEWER_TOKENS)).status).toBe(401)
    const read = await fetch(`${url}/api/v1/summary`, { headers: { authorization: `Bearer ${secrets.VIEWER_TOKENS}` } })
    expect(read.status).toBe(200)
    expect((await fetch(`${url}/api/v1/summary`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401)
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
    rmSync(dataDir, { recursive: true, force: true })
  }
  expect(output).toContain('listening')
  for (const secret of Object.values(secrets)) expect(output).not.toContain(secret)
})
