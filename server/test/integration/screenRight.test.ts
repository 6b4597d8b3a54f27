/**
 * Wall screens register with a right of their own: a socket whose handshake carried a
 * screen token (SCREEN_TOKENS) may appear on /control's list, any other viewer socket is
 * refused; the list is capped (MAX_SCREENS), and the control can drop a screen.
 */
import type { Ack, ScreenHello, ScreenList, WallScene } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ControlSocket, connectControl, connectViewer, type ViewerSocket } from '../socketClient.ts'
import { startTestServer, type TestServer } from '../startTestServer.ts'

const CONTROL = 'control-token'
const SCREEN = 'wall-screen-token'
const MAX_SCREENS = 3

let server: TestServer
const sockets: { close(): void }[] = []

beforeAll(async () => {
  server = await startTestServer({ CONTROL_TOKENS: CONTROL, SCREEN_TOKENS: SCREEN, MAX_SCREENS: String(MAX_SCREENS) })
})

afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
})

const hello = (label: string): ScreenHello => ({
  id: `id-${label}`,
  label,
  lang: 'en',
  viewport: { width: 1920, height: 1080 },
})

async function socketWith(auth: { screenToken?: string }): Promise<ViewerSocket> {
  const socket = await connectViewer(server.url, auth)
  sockets.push(socket)
  return socket
}

const register = (socket: ViewerSocket, label: string): Promise<Ack<WallScene>> =>
  socket.timeout(5000).emitWithAck('registerScreen', hello(label))

async function control(): Promise<ControlSocket> {
  const socket = await connectControl(server.url, { token: CONTROL })
  sockets.push(socket)
  return socket
}

async function listed(socket: ControlSocket): Promise<string[]> {
  const response: Ack<ScreenList> = await socket.timeout(5000).emitWithAck('listScreens')
  if (!response.ok) throw new Error(response.error.message)
  return response.data.screens.map((screen) => screen.label)
}

test('a viewer socket without a screen token, or with a wrong one, cannot register; a wall page with one can', async () => {
  const remote = await control()
  for (const auth of [{}, { screenToken: 'guess' }, { screenToken: CONTROL }]) {
    expect(await register(await socketWith(auth), 'fake')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', status: 403, message: expect.stringContaining('screen token') },
    })
  }
  expect(await register(await socketWith({ screenToken: SCREEN }), 'real')).toMatchObject({ ok: true })
  expect(await listed(remote)).toEqual(['real'])
})

test('past MAX_SCREENS a new screen is refused with 429, a registered one may say hello again, and the control drops screens', async () => {
  const remote = await control()
  const walls = await Promise.all(['two', 'three'].map(() => socketWith({ screenToken: SCREEN })))
  for (const [i, wall] of walls.entries()) expect((await register(wall, ['two', 'three'][i] as string)).ok).toBe(true)
  const extra = await socketWith({ screenToken: SCREEN })
  expect(await register(extra, 'four')).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } })
  expect((await register(walls[0] as ViewerSocket, 'two')).ok).toBe(true)
  expect(await listed(remote)).toEqual(['real', 'three', 'two'])

  // Dropping disconnects the screen: it leaves the list, and its place is free again.
  const gone = new Promise<void>((resolve) => (walls[1] as ViewerSocket).once('disconnect', () => resolve()))
  expect(await remote.timeout(5000).emitWithAck('dropScreen', { id: 'id-three' })).toEqual({
    ok: true,
    data: { dropped: 1 },
  })
  await gone
  expect(await listed(remote)).toEqual(['real', 'two'])
  expect((await register(extra, 'four')).ok).toBe(true)

  expect(await remote.timeout(5000).emitWithAck('dropScreen', { id: 'id-nobody' })).toMatchObject({
    ok: false,
    error: { code: 'not_found', status: 404 },
  })
  const raw = remote as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } }
  for (const bad of [null, {}, { id: '../x' }, { id: 'a', more: 1 }]) {
    expect(await raw.timeout(5000).emitWithAck('dropScreen', bad)).toMatchObject({
      ok: false,
      error: { code: 'bad_request', status: 400 },
    })
  }
})

test('a viewer socket cannot drop a screen: it has no such event', async () => {
  const socket = await socketWith({ screenToken: SCREEN })
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } }
  await expect(raw.timeout(500).emitWithAck('dropScreen', { id: 'id-real' })).rejects.toThrow(/timed out/)
  expect(await listed(await control())).toContain('real')
})
