import type { ErrorBody } from '@gmv-pulse/shared'
import { ipKeyGenerator } from 'express-rate-limit'
import type { Socket } from 'socket.io'
import { clientAddress, type TrustProxy } from '../http/clientAddress.ts'

/**
 * A handshake middleware that lets one client address hold at most `max` sockets at once
 * (LIVE_MAX_SOCKETS_PER_ADDRESS). IPv6 addresses count per /56, as express-rate-limit does for
 * reads: one host usually holds a whole block. A counter, not a rate, so no limiter library fits.
 *
 * The address is the client's as Express names it for reads: the TCP peer's, or, behind the
 * proxies TRUST_PROXY trusts, the one they forward in the handshake's X-Forwarded-For. Without
 * TRUST_PROXY every socket behind a proxy shares the proxy's address (and a forwarded header is
 * not believed, so a client cannot pick a fresh budget).
 */
export function socketsPerAddress(max: number, trust: TrustProxy) {
  const held = new Map<string, number>()
  return (socket: Socket, next: (error?: Error) => void) => {
    const address = ipKeyGenerator(clientAddress(socket.request, trust))
    const count = held.get(address) ?? 0
    if (count >= max) {
      const refusal: ErrorBody['error'] = {
        message: `this address already holds ${max} live connections; close some before opening more`,
        code: 'rate_limited',
        status: 429,
      }
      return next(Object.assign(new Error(refusal.code), { data: refusal }))
    }
    held.set(address, count + 1)
    let released = false
    const release = () => {
      if (released) return
      released = true
      const left = (held.get(address) ?? 1) - 1
      if (left > 0) held.set(address, left)
      else held.delete(address)
    }
    // Whichever comes first: the socket leaves, or its connection closes before it ever connected.
    socket.once('disconnect', release)
    socket.conn.once('close', release)
    next()
  }
}
