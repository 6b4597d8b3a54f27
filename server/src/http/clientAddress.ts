import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

/** Whether the hop at this address, this many hops from the server, is a proxy whose X-Forwarded-For is believed. */
export type TrustProxy = (address: string, hop: number) => boolean

/**
 * TRUST_PROXY compiled once, exactly as Express compiles `trust proxy` (express/lib/utils.js
 * `compileTrust`): a hop count trusts that many nearest hops, a list of addresses, subnets or
 * names compiles with proxy-addr, and nothing trusts no one. The app hands this function to
 * Express and to the socket handshake, so reads and live sockets name the same client.
 */
export function compileTrustProxy(trust: number | readonly string[] | undefined): TrustProxy {
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return proxyAddr.compile([...(trust ?? [])])
}

/** The client's address behind the trusted proxies: what Express's `req.ip` says for the same request. */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust)
}
