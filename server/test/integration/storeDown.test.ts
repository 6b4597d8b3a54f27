import { errorBodySchema } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close().catch(() => {})
})

test('with the store gone, ingest answers 503 with Retry-After and health says degraded, and the server stays up', async () => {
  expect((await postOrders(server.url, JSON.stringify(makeOrders(10, 1)))).status).toBe(200)
  await server.store.close()
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await postOrders(server.url, JSON.stringify(makeOrders(10, 2)), { idempotencyKey: 'after-close' })
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('1')
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('store_unavailable')
  }
  const summary = await fetch(`${server.url}/api/v1/summary?brand=Acme`)
  expect(summary.status).toBe(503)
  expect(errorBodySchema.parse(await summary.json()).error.code).toBe('store_unavailable')
  const health = await fetch(`${server.url}/api/v1/health`)
  expect(health.status).toBe(503)
  expect(await health.json()).toMatchObject({ status: 'degraded', clickhouse: { reachable: false } })
})
