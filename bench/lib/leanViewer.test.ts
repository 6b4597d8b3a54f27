/**
 * The fan-out bench's lean viewer speaks the protocol the real server speaks: on a real server
 * with viewer tokens it subscribes, answers pings, and reads each snapshot's emit time; it is
 * refused in the one error shape when the handshake is.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestServer, type TestServer } from '../../server/test/startTestServer.ts'
import { emitTimeOf, type LeanViewer, openLeanViewer } from './leanViewer.ts'

const TOKEN = 'lean-viewer-token'
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ TICK_MS: '250', VIEWER_TOKENS: TOKEN })
})

afterAll(async () => {
  await server?.close()
})

test('the emit time is read from the bytes of a snapshot message without parsing it', () => {
  const serverTime = '2026-12-02T16:44:51.973Z'
  const message = Buffer.from(
    `42${JSON.stringify(['snapshot', { filter: { brand: 'x"serverTime":"' }, computedAt: 'z', serverTime, gmv: '1.00' }])}`,
  )
  expect(emitTimeOf(message)).toBe(Date.parse(serverTime))
})

test('a lean viewer with a viewer token subscribes and counts every tick from emit to arrival', async () => {
  const delays: number[] = []
  const viewer: LeanViewer = await openLeanViewer({
    url: server.url,
    auth: { token: TOKEN },
    request: { filter: {} },
    onDelay: (ms) => delays.push(ms),
    timeoutMs: 20_000,
  })
  expect(server.io.of('/').adapter.rooms.get('filter:{}')?.size).toBe(1)
  await expect.poll(() => delays.length, { timeout: 5_000, interval: 50 }).toBeGreaterThanOrEqual(3)
  for (const ms of delays) expect(ms).toBeGreaterThanOrEqual(0)
  expect(viewer.open).toBe(true)
  viewer.close()
})

test('a lean viewer without a token is refused at the handshake, and one asking for a bad filter in the ack', async () => {
  const refused = (options: { token?: string; filter?: Record<string, unknown> }) =>
    openLeanViewer({
      url: server.url,
      auth: options.token ? { token: options.token } : {},
      request: { filter: options.filter ?? {} } as never,
      onDelay: () => {},
      timeoutMs: 20_000,
    })
  await expect(refused({})).rejects.toThrow('401 unauthorized')
  await expect(refused({ token: TOKEN, filter: { colour: 'red' } })).rejects.toThrow('400 bad_request')
})
