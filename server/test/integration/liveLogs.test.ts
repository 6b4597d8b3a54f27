/**
 * The live tier's logs while the store stalls under several filters: at most one line per
 * tick about overruns and failures, and no filter value a viewer chose ever written verbatim.
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, nextSnapshot, subscribe, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

/** Values an attacker would pick to write into the operator's log. */
const MARKERS = ['Marker-Brand-7f3a', 'Marker Category 19c2', 'Marker Room 5e61']

let server: TestServer
const sockets: ViewerSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  expect((await postOrders(server.url, JSON.stringify(makeOrders(500, 93)))).status).toBe(200)
})

afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
})

test('a stalled store under several filters logs at most one overrun line per tick, and never a filter value', async () => {
  const lines: { tick?: number; msg: string }[] = []
  const raw: string[] = []
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        raw.push(line)
        lines.push(JSON.parse(line) as { tick?: number; msg: string })
      },
    },
  )
  const config = loadConfig({ LOG_LEVEL: 'debug', TICK_MS: '300', INGEST_TOKENS: 'x' })
  const app = createApp({ config, store: server.store, logger })
  app.server.listen(0, '127.0.0.1')
  await once(app.server, 'listening')
  app.hub.start()
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
    const filters = [{}, { brand: MARKERS[0] }, { category: MARKERS[1] }, { liveRoom: MARKERS[2] }, { region: 'SG' }]
    const viewers = await Promise.all(filters.map(() => connectViewer(url)))
    sockets.push(...viewers)
    for (const [i, socket] of viewers.entries()) await subscribe(socket, filters[i] as Record<string, string>)
    const watcher = viewers[0] as ViewerSocket
    await nextSnapshot(watcher, (snapshot) => !snapshot.stale)
    // The ticks read in the store's live lane: slow statements there stall them.
    const stalls = [0, 1].map(() =>
      server.store.live.select('SELECT sleepEachRow(0.5) FROM numbers(6) SETTINGS max_block_size = 1'),
    )
    await nextSnapshot(watcher, (snapshot) => snapshot.stale)
    await Promise.all(stalls)
    await nextSnapshot(watcher, (snapshot) => !snapshot.stale)
  } finally {
    await app.hub.stop()
    app.io.disconnectSockets(true)
    await new Promise((done) => app.io.close(done))
  }
  const aboutTicks = lines.filter((line) => line.tick !== undefined)
  // The stall was seen (so this can fail), and no tick wrote two lines about it.
  expect(aboutTicks.length).toBeGreaterThan(0)
  const ticks = aboutTicks.map((line) => line.tick)
  expect(new Set(ticks).size).toBe(ticks.length)
  for (const marker of MARKERS) expect(raw.join('\n')).not.toContain(marker)
})
