import type { SocketAuth, SubscribeRequest } from '@gmv-pulse/shared'
import WebSocket from 'ws'

/**
 * One wall viewer as lean as the wire allows, so one machine can hold 20,000 of them: the
 * Socket.IO v5 protocol over Engine.IO v4 spoken over a bare `ws` socket, websocket transport
 * only (as the screens run). It does what `useLiveSnapshot` does — connect with the handshake
 * auth, emit `subscribe` with an ack — and on every `snapshot` reads only the server's emit
 * time. socket.io-client costs a decoder, an emitter chain and a full JSON.parse per packet:
 * about ten times the CPU, which on this machine would measure the clients, not the server.
 *
 * Packets used (Engine.IO type digit, then Socket.IO's): `0{…}` open, `2`/`3` ping/pong,
 * `40{auth}` connect, `40{"sid"…}` connected, `44{…}` refused, `420[…]` event with ack id 0,
 * `430[…]` its ack, `42[…]` event without ack.
 */

export interface LeanViewerOptions {
  /** http://host:port of a server or relay. */
  url: string
  auth: SocketAuth
  request: SubscribeRequest
  /** The server's emit → this process's arrival, in ms, and the message's size, for each `snapshot` (same machine: one clock). */
  onDelay: (ms: number, bytes: number) => void
  /** Give up on the handshake and the subscribe ack after this long. */
  timeoutMs: number
}

export interface LeanViewer {
  close(): void
  /** True until the server or the network closed it. */
  readonly open: boolean
}

/** Why a viewer did not get subscribed: the server's refusal (`429 rate_limited`), a timeout or a socket error. */
export class ViewerRefused extends Error {}

const OPEN = 0x30 // '0'
const PING = 0x32 // '2'
const MESSAGE = 0x34 // '4'
const SNAPSHOT_EVENT = Buffer.from('42["snapshot",')
const SERVER_TIME = Buffer.from('"serverTime":"')
/** `new Date().toISOString()`: 2020-11-11T00:00:00.000Z. */
const ISO_LENGTH = 24

/**
 * The emit time in a snapshot packet, found by a byte search instead of JSON.parse: a snapshot
 * is several kilobytes of JSON and 20,000 viewers receive one a second, so parsing each would
 * cost the clients more than the server spends sending; `Buffer.indexOf` of a fixed key does
 * not even decode the packet to a string. `serverTime` is a top-level key of Snapshot whose
 * value is an ISO timestamp, no other key of it ends in that name, and a string value (a brand
 * in the filter) cannot hold those bytes: JSON escapes its quotes.
 */
export function emitTimeOf(packet: Buffer): number | undefined {
  const at = packet.indexOf(SERVER_TIME, SNAPSHOT_EVENT.length)
  if (at < 0) return undefined
  const start = at + SERVER_TIME.length
  return Date.parse(packet.toString('latin1', start, start + ISO_LENGTH))
}

/** Connects, subscribes and resolves once the subscribe ack says ok; rejects with the reason otherwise. */
export function openLeanViewer(options: LeanViewerOptions): Promise<LeanViewer> {
  const base = new URL(options.url)
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:'
  base.pathname = '/socket.io/'
  base.search = '?EIO=4&transport=websocket'
  const ws = new WebSocket(base, {
    // engine.io sends uncompressed frames unless asked; offering deflate would only cost a negotiation.
    perMessageDeflate: false,
    // Nothing here reads the text as text: the emit time is ASCII, found by byte search.
    skipUTF8Validation: true,
  })
  return new Promise<LeanViewer>((resolve, reject) => {
    let subscribed = false
    const fail = (reason: string) => {
      clearTimeout(timer)
      ws.terminate()
      reject(new ViewerRefused(reason))
    }
    const timer = setTimeout(() => fail('timeout'), options.timeoutMs)
    const viewer: LeanViewer = {
      close: () => ws.terminate(),
      get open() {
        return ws.readyState === WebSocket.OPEN
      },
    }
    ws.on('error', (error) => {
      if (!subscribed) fail(`socket error: ${(error as NodeJS.ErrnoException).code ?? error.message}`)
    })
    ws.on('close', () => {
      if (!subscribed) fail('closed before subscribed')
    })
    ws.on('message', (data: Buffer) => {
      const type = data[0]
      if (type === MESSAGE) {
        if (data.subarray(0, SNAPSHOT_EVENT.length).equals(SNAPSHOT_EVENT)) {
          // A tick may arrive before the subscribe's ack; the ack starts the count.
          const emittedAt = subscribed ? emitTimeOf(data) : undefined
          if (emittedAt !== undefined) options.onDelay(Date.now() - emittedAt, data.length)
          return
        }
        onSocketIoPacket(data.toString('utf8'))
      } else if (type === PING) ws.send('3')
      else if (type === OPEN) ws.send(`40${JSON.stringify(options.auth)}`)
    })
    /** An Engine.IO message, its Socket.IO packet after the leading `4`. */
    const onSocketIoPacket = (packet: string) => {
      if (packet.startsWith('40')) ws.send(`420${JSON.stringify(['subscribe', options.request])}`)
      else if (packet.startsWith('44')) fail(refusal(packet.slice(2)))
      else if (packet.startsWith('430[')) {
        // The ack carries a full snapshot; its head says whether it is one.
        if (packet.startsWith('430[{"ok":true')) {
          subscribed = true
          clearTimeout(timer)
          resolve(viewer)
        } else fail(refusal(packet.slice(4, -1)))
      }
    }
  })
}

/** The one error shape, from a connect_error's data or a refused ack: `429 rate_limited`. */
function refusal(json: string): string {
  try {
    const body = JSON.parse(json) as {
      data?: { status?: number; code?: string }
      error?: { status?: number; code?: string }
    }
    const error = body.data ?? body.error
    return error ? `${error.status} ${error.code}` : json.slice(0, 80)
  } catch {
    return json.slice(0, 80)
  }
}
