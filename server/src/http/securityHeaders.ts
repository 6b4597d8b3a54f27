import type { RequestHandler } from 'express'
import helmet from 'helmet'

export interface SecurityHeaderOptions {
  /** The server is reached over https (a TLS proxy in front): only then HSTS and upgrade-insecure-requests. */
  behindHttps: boolean
  /** Other origins allowed to call the API and open sockets (CORS_ORIGINS). */
  corsOrigins: readonly string[]
}

/** The WebSocket origin a listed http(s) origin's Socket.IO upgrade connects to: http → ws, https → wss. */
function socketOriginOf(origin: string): string {
  return origin.replace(/^http(s?):/, 'ws$1:')
}

/**
 * Helmet's headers, fit for a war room on a LAN, where the wall is served over plain http from
 * a name such as http://wall.lan:3000:
 * - no `upgrade-insecure-requests` and no HSTS unless the server is told it is behind https:
 *   over plain http either one sends the browser to an https nobody serves (a blank wall);
 * - no Cross-Origin-Opener-Policy over plain http: browsers ignore it on an origin that is not
 *   potentially trustworthy and log an error on every page load;
 * - `connect-src 'self'`, which CSP Level 3 extends to ws: and wss: on the same host, plus each
 *   listed origin and its WebSocket equivalent; no bare `ws:` that would let a page talk to any host.
 */
export function securityHeaders({ behindHttps, corsOrigins }: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // ECharts and React set inline styles; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", ...corsOrigins.flatMap((origin) => [origin, socketOriginOf(origin)])],
        'upgrade-insecure-requests': behindHttps ? [] : null,
      },
    },
    strictTransportSecurity: behindHttps,
    crossOriginOpenerPolicy: behindHttps,
  })
}
