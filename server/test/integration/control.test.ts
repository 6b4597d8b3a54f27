import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Ack, ScreenHello, ScreenList, WallScene } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/logger.ts'
import { makeOrders } from '../orderFixtures.ts'
import { type ControlSocket, connectControl, connectViewer, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

const VIEWER = 'screen-token'
const CONTROL = 'control-token'
const SCREEN = 'wall-screen-token'

let server: TestServer
const sockets: { close(): void }[] = []

beforeAll(async () => {
  server = await startTestServer({
    TICK_MS: '300',
    VIEWER_TOKENS: VIEWER,
    CONTROL_TOKENS: CONTROL,
    SCREEN_TOKENS: SCREEN,
  })
  // Spotlights need values with orders: Acme and the fixtures' other brands, categories and regions.
  expect((await postOrders(server.url, JSON.stringify(makeOrders(300, 61)))).status).toBe(200)
})

afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
})

const hello = (label: string): ScreenHello => ({
  id: `screen-${label}`,
  label,
  lang: 'en',
  viewport: { width: 1920, height: 1080 },
})

async function wall(label: string, url = server.url): Promise<{ socket: ViewerSocket; scene: WallScene }> {
  const socket = await connectViewer(url, { token: VIEWER, screenToken: SCREEN })
  sockets.push(socket)
  const response: Ack<WallScene> = await socket.timeout(5000).emitWithAck('registerScreen', hello(label))
  if (!response.ok) throw new Error(response.error.message)
  return { socket, scene: response.data }
}

async function remote(auth: { token?: string } = { token: CONTROL }, url = server.url): Promise<ControlSocket> {
  const socket = await connectControl(url, auth)
  sockets.push(socket)
  return socket
}

const nextScene = (socket: ViewerSocket, timeoutMs = 5000) =>
  new Promise<WallScene>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no scene in time')), timeoutMs)
    socket.once('scene', (scene) => {
      clearTimeout(timer)
      resolve(scene)
    })
  })

async function listScreens(control: ControlSocket): Promise<ScreenList> {
  const response = await control.timeout(5000).emitWithAck('listScreens')
  if (!response.ok) throw new Error(response.error.message)
  return response.data
}

describe('the remote control', () => {
  test('refuses a missing, a viewer or an ingest token, and a control token opens no viewer socket', async () => {
    await expect(remote({})).rejects.toMatchObject({ data: { code: 'unauthorized', status: 401 } })
    await expect(remote({ token: VIEWER })).rejects.toMatchObject({ data: { code: 'unauthorized' } })
    await expect(remote({ token: 'test-ingest-token' })).rejects.toMatchObject({ data: { code: 'unauthorized' } })
    await expect(connectViewer(server.url, { token: CONTROL })).rejects.toMatchObject({
      data: { code: 'unauthorized' },
    })
    const control = await remote()
    expect(control.connected).toBe(true)
  })

  test('with no CONTROL_TOKENS configured it is disabled and refuses everyone', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', INGEST_TOKENS: 'ingest-token' })
    const app = createApp({ config, store: server.store, logger: createLogger('silent') })
    app.server.listen(0, '127.0.0.1')
    await once(app.server, 'listening')
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    try {
      for (const token of [undefined, '', 'anything', 'ingest-token']) {
        await expect(connectControl(url, token === undefined ? {} : { token })).rejects.toMatchObject({
          data: { code: 'forbidden', status: 403 },
        })
      }
    } finally {
      await app.hub.stop()
      await new Promise((resolve) => app.io.close(resolve))
    }
  })

  test('a scene reaches every wall screen, and the control pages hear it too', async () => {
    const walls = await Promise.all(['A', 'B', 'C'].map((label) => wall(`scene-${label}`)))
    const control = await remote()
    const observer = await remote()
    const heard = new Promise<WallScene>((resolve) => observer.once('scene', resolve))
    const arriving = walls.map(({ socket }) => nextScene(socket))
    const response = await control
      .timeout(5000)
      .emitWithAck('setScene', { scene: 'spotlight', dimension: 'brand', value: 'Acme' })
    expect(response.ok).toBe(true)
    const sent = (response as { data: WallScene }).data
    expect(sent).toMatchObject({ scene: 'spotlight', dimension: 'brand', value: 'Acme', frozen: false, message: '' })
    expect(Date.parse(sent.issuedAt)).toBeGreaterThan(Date.now() - 10_000)
    for (const scene of await Promise.all(arriving)) expect(scene).toEqual(sent)
    expect(await heard).toEqual(sent)

    const frozen = {
      scene: 'spotlight',
      dimension: 'brand',
      value: 'Acme',
      frozen: true,
      message: 'Press conference',
    } as const
    const freezing = walls.map(({ socket }) => nextScene(socket))
    expect(await control.timeout(5000).emitWithAck('setScene', frozen)).toMatchObject({ ok: true, data: frozen })
    for (const scene of await Promise.all(freezing)) expect(scene).toMatchObject(frozen)
  })

  test('a screen that connects or reconnects gets the current scene at once', async () => {
    const control = await remote()
    const headline = { scene: 'headline', title: 'Record day', frozen: false } as const
    const set = await control.timeout(5000).emitWithAck('setScene', headline)
    expect(set.ok).toBe(true)
    const late = await wall('late')
    expect(late.scene).toMatchObject({ ...headline, body: '', message: '' })

    // The connection drops; the scene changes while it is away; it comes back and shows the new one.
    // Socket.IO recovers a session from the last broadcast it delivered (snapshots are volatile, not kept).
    const { socket } = late
    const delivered = nextScene(socket)
    expect((await control.timeout(5000).emitWithAck('setScene', { ...headline, title: 'Record hour' })).ok).toBe(true)
    await delivered
    const back = new Promise<WallScene>((resolve) => {
      socket.on('scene', (scene) => scene.scene === 'overview' && resolve(scene))
    })
    const reconnected = once(socket as unknown as NodeJS.EventEmitter, 'connect')
    socket.io.engine.close()
    const changed = await control.timeout(5000).emitWithAck('setScene', { scene: 'overview' })
    expect(changed.ok).toBe(true)
    await reconnected
    expect(socket.recovered).toBe(true)
    expect(await back).toEqual((changed as { data: WallScene }).data)

    // A session that cannot be recovered (too long away, another instance) registers again and is told the scene.
    const fresh = await wall('late')
    expect(fresh.scene).toEqual((changed as { data: WallScene }).data)
  })

  test('viewer sockets cannot change the scene: they have no such event and cannot open the control', async () => {
    const control = await remote()
    const before = (await listScreens(control)).scene
    const { socket } = await wall('intruder')
    const untyped = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } }
    await expect(
      untyped.timeout(500).emitWithAck('setScene', { scene: 'spotlight', dimension: 'brand', value: 'Evil' }),
    ).rejects.toThrow(/timed out/)
    expect((await listScreens(control)).scene).toEqual(before)
    await expect(remote({ token: VIEWER })).rejects.toMatchObject({ data: { code: 'unauthorized' } })
  })

  test('bad commands, hellos and heartbeats are answered with the one error shape, and nothing breaks', async () => {
    const control = await remote()
    const before = (await listScreens(control)).scene
    const bad: unknown[] = [
      null,
      'overview',
      { scene: 'nope' },
      { scene: 'spotlight', dimension: 'region', value: 'Atlantis' },
      { scene: 'spotlight', dimension: 'channel', value: 'search' },
      { scene: 'spotlight', dimension: 'brand', value: '' },
      { scene: 'overview', frozen: 'yes' },
      { scene: 'overview', message: 'x'.repeat(141) },
      { scene: 'overview', extra: 1 },
    ]
    const send = control as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } }
    for (const command of bad) {
      const response = await send.timeout(5000).emitWithAck('setScene', command)
      expect(response).toMatchObject({ ok: false, error: { code: 'bad_request', status: 400 } })
    }
    // No acknowledgement function at all: ignored, not a crash.
    ;(control as unknown as { emit(...args: unknown[]): void }).emit('setScene', { scene: 'headline' })
    ;(control as unknown as { emit(...args: unknown[]): void }).emit('listScreens')

    const socket = await connectViewer(server.url, { token: VIEWER })
    sockets.push(socket)
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } }
    const beat = { lagMs: 5, viewport: { width: 1920, height: 1080 }, scene: null }
    expect(await raw.timeout(5000).emitWithAck('heartbeat', beat)).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'register the screen before its heartbeat' },
    })
    for (const hello of [null, { id: '../etc', label: 'x', lang: 'en', viewport: { width: 1, height: 1 } }, {}]) {
      expect(await raw.timeout(5000).emitWithAck('registerScreen', hello)).toMatchObject({
        ok: false,
        error: { code: 'bad_request', status: 400 },
      })
    }
    for (const heartbeat of [null, { ...beat, lagMs: -1 }, { ...beat, lagMs: 'fast' }]) {
      expect(await raw.timeout(5000).emitWithAck('heartbeat', heartbeat)).toMatchObject({ ok: false })
    }
    // The server is still answering, and the last valid command stands.
    const after = await listScreens(control)
    expect(after.scene.scene).toBe('headline')
    expect(after.scene.issuedAt >= before.issuedAt).toBe(true)
  })

  test('a spotlight on a value with no orders is refused with a clear message, and no wall moves', async () => {
    const control = await remote()
    const before = (await listScreens(control)).scene
    for (const [dimension, value] of [
      ['brand', 'No Such Brand'],
      ['category', 'Nothing Here'],
      ['region', 'CN-XZ'],
    ] as const) {
      const response = await control.timeout(5000).emitWithAck('setScene', { scene: 'spotlight', dimension, value })
      expect(response).toMatchObject({
        ok: false,
        error: { code: 'bad_request', status: 400, details: [{ field: 'value' }] },
      })
      expect((response as { error: { message: string } }).error.message).toContain(value)
    }
    expect((await listScreens(control)).scene).toEqual(before)
    const known = await control
      .timeout(5000)
      .emitWithAck('setScene', { scene: 'spotlight', dimension: 'region', value: 'CN-ZJ' })
    expect(known.ok).toBe(true)
  })

  test('scene commands apply in the order sent, and a flood is refused rather than queued', async () => {
    const control = await remote()
    // A spotlight (checked against the store) then the overview, sent together: the overview wins.
    const [spotlit, overview] = await Promise.all([
      control.timeout(5000).emitWithAck('setScene', { scene: 'spotlight', dimension: 'brand', value: 'Acme' }),
      control.timeout(5000).emitWithAck('setScene', { scene: 'overview' }),
    ])
    expect([spotlit.ok, overview.ok]).toEqual([true, true])
    expect((await listScreens(control)).scene.scene).toBe('overview')

    const flood = await Promise.all(
      Array.from({ length: 60 }, () =>
        control.timeout(10_000).emitWithAck('setScene', { scene: 'spotlight', dimension: 'region', value: 'CN-ZJ' }),
      ),
    )
    const refused = flood.filter((answer) => !answer.ok)
    expect(refused.length).toBeGreaterThan(0)
    for (const answer of refused)
      expect(answer).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } })
    expect(flood.some((answer) => answer.ok)).toBe(true)
    expect((await control.timeout(5000).emitWithAck('setScene', { scene: 'overview' })).ok).toBe(true)
  })

  test('a wall that switches spotlight twice in quick succession ends up following the last one', async () => {
    const { socket } = await wall('switching')
    const first = socket.timeout(20_000).emitWithAck('subscribe', { filter: { brand: 'Acme' } })
    const second = socket.timeout(20_000).emitWithAck('subscribe', { filter: { region: 'SG' } })
    await Promise.all([first, second])
    const filters = new Set<string>()
    socket.on('snapshot', (snapshot) => filters.add(JSON.stringify(snapshot.filter)))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect([...filters]).toEqual([JSON.stringify({ region: 'SG' })])
  })

  test('the control lists the connected screens with their heartbeat lag, and hears when one leaves', async () => {
    const control = await remote()
    const left = await wall('list-left')
    const right = await wall('list-right')
    for (const { socket } of [left, right]) {
      // As the wall does: time the round trip of one heartbeat, report it in the next.
      const started = performance.now()
      const first = await socket
        .timeout(5000)
        .emitWithAck('heartbeat', { lagMs: null, viewport: { width: 3840, height: 2160 }, scene: null })
      expect(first.ok).toBe(true)
      const lagMs = performance.now() - started
      const second = await socket.timeout(5000).emitWithAck('heartbeat', {
        lagMs,
        viewport: { width: 3840, height: 2160 },
        scene: { scene: 'overview', frozen: false, message: '' },
      })
      expect(second).toMatchObject({ ok: true, data: { serverTime: expect.any(String) } })
    }
    const list = await listScreens(control)
    const mine = list.screens.filter((screen) => screen.label.startsWith('list-'))
    expect(mine.map((screen) => screen.label)).toEqual(['list-left', 'list-right'])
    for (const screen of mine) {
      expect(screen.lagMs).toBeGreaterThanOrEqual(0)
      expect(screen.lagMs).toBeLessThan(1000)
      expect(screen.viewport).toEqual({ width: 3840, height: 2160 })
      expect(screen.scene).toMatchObject({ scene: 'overview', frozen: false })
      expect(screen.lang).toBe('en')
      expect(Date.parse(screen.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(screen.connectedAt))
    }

    const gone = new Promise<ScreenList>((resolve) => {
      control.on('screens', (update) => {
        if (!update.screens.some((screen) => screen.label === 'list-right')) resolve(update)
      })
    })
    right.socket.close()
    const update = await gone
    expect(update.screens.map((screen) => screen.label)).toContain('list-left')
  })
})
