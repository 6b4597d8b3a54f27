/**
 * A war room on a LAN: the wall opened by a name that is not localhost, over plain http, with the
 * server's own CSP in force. Browsers treat only localhost as a secure context, so a policy that
 * upgrades requests to https, or HSTS, or a connect-src that does not cover the socket, shows up
 * here and nowhere on localhost. Chromium resolves wall.lan to this machine (--host-resolver-rules).
 */
import { formatMoneyExact } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import {
  type Browser,
  buildClient,
  collectErrors,
  launchBrowser,
  makeOrders,
  postOrders,
  summaryGmv,
  tickerValue,
} from './lib/screenHarness.ts'

const LAN_NAME = 'wall.lan'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  buildClient()
  server = await startServerProcess({ TICK_MS: '1000' })
  browser = await launchBrowser({ enforceCsp: true, hostResolverRules: `MAP ${LAN_NAME} 127.0.0.1` })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('the wall at http://wall.lan renders its live GMV over plain http, under its CSP, with no console error', async () => {
  await postOrders(server.url, server.token, makeOrders(0, 300))
  const expected = await summaryGmv(server.url)
  const lanUrl = server.url.replace('127.0.0.1', LAN_NAME)
  expect(new URL(lanUrl).protocol).toBe('http:')

  const page = await browser.context.newPage()
  const errors = collectErrors(page)
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  const sockets: string[] = []
  page.on('websocket', (socket) => sockets.push(socket.url()))

  // Not the harness's openScreen: its waitForFunction evaluates a string, which this CSP forbids.
  await page.goto(`${lanUrl}/?lang=en`, { waitUntil: 'domcontentloaded' })
  await expect.poll(() => tickerValue(page), { timeout: 15_000, interval: 250 }).toBe(expected)
  expect(await page.textContent('[data-testid="gmv-ticker"]')).toBe(formatMoneyExact(expected, 'en'))
  expect(await page.getAttribute('[data-testid="freshness"]', 'data-state')).toBe('live')

  // Everything came from the LAN name over http: nothing was sent to an https nobody serves.
  expect(requested.length).toBeGreaterThan(1)
  for (const url of requested) expect(url.startsWith(`${lanUrl}/`)).toBe(true)
  // The live numbers came over a WebSocket to the same host, which connect-src 'self' covers.
  expect(sockets.length).toBeGreaterThan(0)
  for (const url of sockets) expect(url.startsWith(lanUrl.replace('http:', 'ws:'))).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})
