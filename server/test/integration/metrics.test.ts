import { afterAll, beforeAll, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, subscribe, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

let server: TestServer
let viewer: ViewerSocket | undefined

beforeAll(async () => {
  server = await startTestServer({ TICK_MS: '250' })
})

afterAll(async () => {
  viewer?.close()
  await server?.close()
})

/** The value of one sample in the Prometheus text format, or undefined. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${name} `))
  return line === undefined ? undefined : Number(line.split(' ')[1])
}

test('/metrics counts ingest outcomes and orders, batch latency, viewers, snapshot computations and their fan-out', async () => {
  await postOrders(server.url, JSON.stringify(makeOrders(120, 1)), { idempotencyKey: 'm-1' })
  await postOrders(server.url, JSON.stringify(makeOrders(120, 1)), { idempotencyKey: 'm-1' })
  await postOrders(server.url, '[{"broken": true}]')
  viewer = await connectViewer(server.url)
  await subscribe(viewer, {})
  await new Promise((resolve) => setTimeout(resolve, 600))

  const response = await fetch(`${server.url}/metrics`)
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(sample(text, 'gmv_pulse_ingested_orders_total{outcome="stored"}')).toBe(120)
  expect(sample(text, 'gmv_pulse_ingested_orders_total{outcome="duplicate"}')).toBe(120)
  expect(sample(text, 'gmv_pulse_ingest_batches_total{outcome="rejected"}')).toBe(1)
  expect(sample(text, 'gmv_pulse_ingest_batch_seconds_count')).toBe(2)
  expect(sample(text, 'gmv_pulse_connected_viewers')).toBe(1)
  expect(sample(text, 'gmv_pulse_snapshot_compute_seconds_count')).toBeGreaterThanOrEqual(2)
  // Every tick's snapshot went out to the viewer's room, each timed.
  expect(sample(text, 'gmv_pulse_live_emit_seconds_count')).toBeGreaterThanOrEqual(2)
  expect(sample(text, 'gmv_pulse_live_emit_seconds_sum')).toBeLessThan(1)
  expect(sample(text, 'gmv_pulse_tick_lag_seconds')).toBeLessThan(1)
})
