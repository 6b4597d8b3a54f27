/**
 * Headers fit for a war room on a LAN: over plain http nothing sends the browser to an https that
 * nobody serves (no upgrade-insecure-requests, no HSTS) unless the server is told it is behind
 * https; sockets and fetches may reach this origin and the listed ones only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestServer, type TestServer } from '../startTestServer.ts'
import { withApp } from '../withApp.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.close()
})

/** The CSP's directives by name, each with its sources. */
async function policyOf(url: string): Promise<{ headers: Headers; csp: Map<string, string[]> }> {
  const response = await fetch(`${url}/api/v1/health`)
  const text = response.headers.get('content-security-policy') ?? ''
  const csp = new Map(
    text
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  )
  return { headers: response.headers, csp }
}

describe('security headers', () => {
  test('by default (plain http) there is no upgrade-insecure-requests, no HSTS and no opener policy', async () => {
    const { headers, csp } = await policyOf(server.url)
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
    expect(headers.get('strict-transport-security')).toBeNull()
    expect(headers.get('cross-origin-opener-policy')).toBeNull()
    // The rest of helmet's protection stays on.
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('connect-src is this origin only: no bare ws: or wss: that would reach any host', async () => {
    const { csp } = await policyOf(server.url)
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })

  test('behind https (BEHIND_HTTPS) the browser is told to stay on https', async () => {
    await withApp(server.store, { BEHIND_HTTPS: 'true' }, async (url) => {
      const { headers, csp } = await policyOf(url)
      expect(csp.get('upgrade-insecure-requests')).toEqual([])
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin')
    })
  })

  test('listed origins may be fetched and their sockets opened, each over its own scheme', async () => {
    await withApp(server.store, { CORS_ORIGINS: 'http://wall.lan:8080,https://ops.example' }, async (url) => {
      const { csp } = await policyOf(url)
      expect(csp.get('connect-src')).toEqual([
        "'self'",
        'http://wall.lan:8080',
        'ws://wall.lan:8080',
        'https://ops.example',
        'wss://ops.example',
      ])
    })
  })
})
