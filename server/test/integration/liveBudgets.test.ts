/**
 * The live tier's budgets and subscription rules, on the real engine with real sockets: one
 * subscription per socket (a new one supersedes the last), nothing watched once its viewers
 * are gone however they left, and the caps on distinct filters, subscribes per second,
 * sockets per address and foreign Origins, each refused with the one error shape.
 */
import type { Ack, Snapshot } from '@gmv-pulse/shared'
import { io as connect } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, subscribe, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import { withApp } from '../withApp.ts'

const TICK_MS = 300
const MAX_FILTERS = 4
const SUBSCRIBES_PER_SECOND = 3

let server: TestServer
const sockets: ViewerSocket[] = []

beforeAll(async () => {
  server = await startTestServer({
    TICK_MS: String(TICK_MS),
    LIVE_MAX_FILTERS: String(MAX_FILTERS),
    LIVE_SUBSCRIBES_PER_SECOND: String(SUBSCRIBES_PER_SECOND),
  })
  expect((await postOrders(server.url, JSON.stringify(makeOrders(500, 91)))).status).toBe(200)
})

afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
})

async function viewer(): Promise<ViewerSocket> {
  const socket = await connectViewer(server.url)
  sockets.push(socket)
  return socket
}

const ask = (socket: ViewerSocket, filter: Record<string, string>) =>
  socket.timeout(20_000).emitWithAck('subscribe', { filter }) as Promise<Ack<Snapshot>>

/** Every socket this test closed is gone from the server; then nothing it watched may outlive it by more than a tick. */
async function nothingWatchedOnceGone(stillConnected: number): Promise<void> {
  await expect.poll(() => server.io.of('/').sockets.size, { timeout: 5_000, interval: 10 }).toBe(stillConnected)
  await expect.poll(() => server.hub.stats.watchedFilters, { timeout: TICK_MS, interval: 10 }).toBe(0)
}

describe('one subscription per socket', () => {
  test('a new subscribe supersedes the one still waiting: the first is answered as superseded, the socket sits in the last room only', async () => {
    const socket = await viewer()
    const [first, second] = await Promise.all([ask(socket, { brand: 'Acme' }), ask(socket, { region: 'SG' })])
    expect(first).toMatchObject({ ok: false, error: { code: 'bad_request', status: 409 } })
    expect(second).toMatchObject({ ok: true, data: { filter: { region: 'SG' } } })
    const rooms = [...(server.io.of('/').sockets.get(socket.id as string)?.rooms ?? [])].filter((room) =>
      room.startsWith('filter:'),
    )
    expect(rooms).toEqual(['filter:{"region":"SG"}'])
    await expect.poll(() => server.hub.stats.watchedFilters, { timeout: TICK_MS, interval: 10 }).toBe(1)
    socket.close()
    await nothingWatchedOnceGone(0)
  })

  test('sockets that subscribe and disconnect before the answer leave nothing watched', async () => {
    const quitters = await Promise.all(Array.from({ length: 10 }, () => connectViewer(server.url)))
    quitters.forEach((socket, i) => {
      socket.emit('subscribe', { filter: { brand: `Quitter ${i}` } }, () => {})
      socket.disconnect()
    })
    await nothingWatchedOnceGone(0)
    // And it stays so: no tick brings one back.
    await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS))
    expect(server.hub.stats.watchedFilters).toBe(0)
  })

  test('subscribing to the same filter again keeps it watched (the room is not left and re-made)', async () => {
    const socket = await viewer()
    await subscribe(socket, { category: 'Beauty' })
    await subscribe(socket, { category: 'Beauty' })
    await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS))
    expect(server.hub.stats.watchedFilters).toBe(1)
    socket.close()
    await nothingWatchedOnceGone(0)
  })
})

describe('budgets', () => {
  test('distinct filters past LIVE_MAX_FILTERS are refused with 429, a filter already watched is not, and a freed place is taken again', async () => {
    const holders = await Promise.all(Array.from({ length: MAX_FILTERS }, () => viewer()))
    for (const [i, socket] of holders.entries()) await subscribe(socket, { brand: `Held ${i}` })
    const late = await viewer()
    expect(await ask(late, { brand: 'One too many' })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', status: 429, message: expect.stringContaining('distinct filters') },
    })
    // The refused subscribe left the socket where it was: nowhere, so nothing new is watched.
    expect(server.hub.stats.watchedFilters).toBe(MAX_FILTERS)
    expect(await ask(late, { brand: 'Held 0' })).toMatchObject({ ok: true })
    holders[1]?.close()
    await expect.poll(() => server.hub.stats.watchedFilters, { timeout: 5_000, interval: 10 }).toBe(MAX_FILTERS - 1)
    expect(await ask(late, { brand: 'One too many' })).toMatchObject({ ok: true })
    for (const socket of [...holders, late]) socket.close()
    await nothingWatchedOnceGone(0)
  })

  test('subscribes past LIVE_SUBSCRIBES_PER_SECOND on one socket are refused with 429 in the ack, and nothing breaks', async () => {
    const socket = await viewer()
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(socket, { brand: `Burst ${i % 2}` })))
    const statuses = answers.map((answer) => (answer.ok ? 200 : answer.error.status))
    // The first three are let through, each superseded by the next but the third; the rest are over the rate.
    expect(statuses).toEqual([409, 409, 200, ...Array(10 - SUBSCRIBES_PER_SECOND).fill(429)])
    for (const answer of answers.slice(SUBSCRIBES_PER_SECOND)) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } })
    }
    // The next second the socket may subscribe again.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await ask(socket, { brand: 'Acme' })).toMatchObject({ ok: true, data: { filter: { brand: 'Acme' } } })
    socket.close()
    await nothingWatchedOnceGone(0)
  })

  test('sockets past LIVE_MAX_SOCKETS_PER_ADDRESS are refused at the handshake with 429, and a closed one frees its place', async () => {
    await withApp(server.store, { LIVE_MAX_SOCKETS_PER_ADDRESS: '3' }, async (url) => {
      const held = await Promise.all(Array.from({ length: 3 }, () => connectViewer(url)))
      await expect(connectViewer(url)).rejects.toMatchObject({ data: { code: 'rate_limited', status: 429 } })
      held[0]?.close()
      await expect
        .poll(async () => {
          const socket = await connectViewer(url).catch(() => undefined)
          socket?.close()
          return socket !== undefined
        })
        .toBe(true)
      for (const socket of held) socket.close()
    })
  })
})

describe('the address budget behind a proxy', () => {
  const from = (url: string, address: string) => connectViewer(url, {}, { 'x-forwarded-for': address })
  const refused = { data: { code: 'rate_limited', status: 429 } }

  test('with TRUST_PROXY each forwarded client address has its own LIVE_MAX_SOCKETS_PER_ADDRESS', async () => {
    await withApp(server.store, { LIVE_MAX_SOCKETS_PER_ADDRESS: '2', TRUST_PROXY: 'loopback' }, async (url) => {
      const held = [
        await from(url, '203.0.113.7'),
        await from(url, '203.0.113.7'),
        await from(url, '198.51.100.9'),
        await from(url, '198.51.100.9'),
      ]
      await expect(from(url, '203.0.113.7')).rejects.toMatchObject(refused)
      await expect(from(url, '198.51.100.9')).rejects.toMatchObject(refused)
      // A third address still has its whole budget, and the proxy's own address is not charged for the others.
      held.push(await from(url, '192.0.2.44'), await connectViewer(url))
      for (const socket of held) socket.close()
    })
  })

  test('without TRUST_PROXY the forwarded address is not believed: every socket counts against the peer address', async () => {
    await withApp(server.store, { LIVE_MAX_SOCKETS_PER_ADDRESS: '2' }, async (url) => {
      const held = [await from(url, '203.0.113.7'), await from(url, '198.51.100.9')]
      await expect(from(url, '192.0.2.44')).rejects.toMatchObject(refused)
      await expect(connectViewer(url)).rejects.toMatchObject(refused)
      for (const socket of held) socket.close()
    })
  })
})

describe('the handshake Origin', () => {
  const attempt = (url: string, origin: string | undefined) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(origin ? { extraHeaders: { origin } } : {}),
      })
      socket.once('connect', () => {
        socket.close()
        resolve(true)
      })
      socket.once('connect_error', () => {
        socket.close()
        resolve(false)
      })
    })

  test('a foreign Origin is refused unless CORS_ORIGINS lists it; the same origin and no Origin are allowed', async () => {
    await withApp(server.store, { CORS_ORIGINS: 'https://wall.example' }, async (url) => {
      expect(await attempt(url, 'https://evil.example')).toBe(false)
      expect(await attempt(url, 'null')).toBe(false)
      expect(await attempt(url, 'https://wall.example')).toBe(true)
      expect(await attempt(url, url)).toBe(true)
      expect(await attempt(url, undefined)).toBe(true)
    })
    expect(await attempt(server.url, 'https://wall.example')).toBe(false)
  })
})
