import type { IncomingMessage } from 'node:http'

/**
 * The socket handshake's Origin check (engine.io's `allowRequest`, before any upgrade): a
 * page of another site cannot open a socket in a viewer's browser and run up the server's
 * work on the viewer's behalf. Allowed: the same origin as the server (the Origin's host is
 * the Host the request came to), the origins listed in CORS_ORIGINS, and no Origin at all.
 *
 * No Origin is allowed on purpose: browsers always send one on a WebSocket handshake and on a
 * cross-site request, so a request without one comes from a program (a relay, a probe, a test
 * rig) or from the same page's own polling. A program can also send any Origin it likes, so
 * refusing a missing one would stop no attacker and break those clients; viewer tokens and
 * the per-address and per-socket budgets are what bound them.
 */
export function originCheck(corsOrigins: readonly string[]) {
  const listed = new Set(corsOrigins)
  return (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const origin = request.headers.origin
    if (origin === undefined || listed.has(origin) || sameHost(origin, request.headers.host)) {
      return callback(null, true)
    }
    callback('this origin may not open a socket here (CORS_ORIGINS lists the ones that may)', false)
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
