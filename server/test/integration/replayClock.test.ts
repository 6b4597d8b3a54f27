import { type Campaign, campaignSchema, type Headline, type Timeseries, timeseriesSchema } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import { getJson, getOk } from './analystFixtures.ts'

// A replay, as the demo runs one: the 2020 festival's own dates, its clock behind the wall's so
// that "now" on the campaign's clock is Nov 11 00:30 China time.
const CAMPAIGN_START = Date.UTC(2020, 9, 31, 16, 0, 0)
const CAMPAIGN_END = Date.UTC(2020, 10, 11, 16, 0, 0)
const REPLAY_NOW = Date.UTC(2020, 10, 10, 16, 30, 0)
const SHIFT_MS = Date.now() - REPLAY_NOW
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({
    TICK_MS: '300',
    CAMPAIGN_START: iso(CAMPAIGN_START),
    CAMPAIGN_END: iso(CAMPAIGN_END),
    REPLAY_SHIFT_MS: String(SHIFT_MS),
  })
  // Orders before the replay's now, and two hours earlier still.
  const stored = [...makeOrders(400, 71, REPLAY_NOW - 15 * 60_000), ...makeOrders(300, 72, REPLAY_NOW - 2 * HOUR)]
  expect((await postOrders(server.url, JSON.stringify(stored))).status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

/** Within the few seconds a test takes, the replay's clock reads REPLAY_NOW plus what has passed. */
const nearReplayNow = (ms: number) => Math.abs(ms - (Date.now() - SHIFT_MS)) < 30_000

describe('a replay runs on the campaign’s own clock', () => {
  test('the campaign says how far its clock runs behind the wall clock', async () => {
    const campaign = await getOk<typeof campaignSchema>(server.url, '/api/v1/campaign', {}, campaignSchema)
    expect((campaign as Campaign).clockShiftMs).toBe(SHIFT_MS)
  })

  test('a series without an end stops at the campaign’s now, its running hour partial', async () => {
    const series: Timeseries = await getOk(server.url, '/api/v1/timeseries', { interval: '1h' }, timeseriesSchema)
    expect(series.to !== null && nearReplayNow(Date.parse(series.to))).toBe(true)
    const last = series.points.at(-1)
    expect(last?.t).toBe(iso(Date.UTC(2020, 10, 10, 16, 0, 0)))
    expect(last?.partial).toBe(true)
    expect(series.points.reduce((total, point) => total + point.orders, 0)).toBe(700)
  })

  test('the headline without a cutoff is the campaign up to the replay’s now', async () => {
    const { status, body } = await getJson<Headline>(`${server.url}/api/v1/headline`)
    expect(status).toBe(200)
    expect(nearReplayNow(Date.parse(body.cutoff))).toBe(true)
    expect(body.orders.count).toBe(700)
  })

  test('a live snapshot is computed on the wall clock: its age is seconds, not years', async () => {
    const socket = await connectViewer(server.url)
    try {
      const ack = await socket.timeout(20_000).emitWithAck('subscribe', { filter: {} })
      expect(ack.ok).toBe(true)
      const snapshot = (ack as { data: { computedAt: string; ageSeconds: number; orders: number } }).data
      expect(Math.abs(Date.parse(snapshot.computedAt) - Date.now())).toBeLessThan(30_000)
      expect(snapshot.ageSeconds).toBeLessThan(30)
      expect(snapshot.orders).toBe(700)
    } finally {
      socket.close()
    }
  })
})
