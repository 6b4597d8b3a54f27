import type { Server as HttpServer } from 'node:http'
import {
  type Ack,
  type ClientToServerEvents,
  type ErrorBody,
  type Filter,
  filterSchema,
  type ServerToClientEvents,
  type Snapshot,
} from '@gmv-pulse/shared'
import type { createAdapter } from '@socket.io/redis-streams-adapter'
import { Server } from 'socket.io'
import type { LiveBudgets } from '../config.ts'
import type { TokenSet } from '../http/auth.ts'
import type { TrustProxy } from '../http/clientAddress.ts'
import type { Logger } from '../logger.ts'
import { type LiveHub, SubscriptionDroppedError } from './LiveHub.ts'
import { originCheck } from './originCheck.ts'
import { socketsPerAddress } from './socketsPerAddress.ts'
import { subscribeRate } from './subscribeRate.ts'

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>

const ROOM_PREFIX = 'filter:'

export interface SocketOptions {
  viewers: TokenSet
  corsOrigins: readonly string[]
  logger: Logger
  budgets: Pick<LiveBudgets, 'maxSocketsPerAddress' | 'subscribesPerSecond'>
  /** TRUST_PROXY as Express applies it: the address budget counts the client behind trusted proxies. */
  trustProxy: TrustProxy
  /** Several instances: broadcasts and recovery sessions go through Redis streams. */
  adapter?: ReturnType<typeof createAdapter> | undefined
}

type ErrorShape = ErrorBody['error']

/**
 * A socket sending ten times its subscribe budget within one second is a script, not an
 * operator clicking fast: it is refused up to there, then disconnected (a client does not
 * reconnect by itself after the server closes it). Answering each of thousands of refusals
 * held the event loop for over a second, which every wall paid for.
 */
const FLOOD_FACTOR = 10

const SUPERSEDED: ErrorShape = {
  message: 'superseded by a later subscribe on this socket',
  code: 'bad_request',
  status: 409,
}

/**
 * Socket.IO for the screens: Origin and viewer-token handshake, a budget of sockets per
 * address, one room per filter, connection state recovery so a screen that blinks gets its
 * room back, and a full snapshot on every subscribe and every recovered reconnect.
 *
 * A socket holds at most one subscription: a subscribe moves it to the new filter's room at
 * once (no queue), and the previous subscribe, if still waiting for its snapshot, is answered
 * as superseded. A filter is watched while its room has a socket in it: the room is joined in
 * the same turn the filter is admitted, only by a connected socket, and the hub forgets the
 * filter when the room is deleted (the last socket left or disconnected).
 */
export function attachSockets(http: HttpServer, hubRef: () => LiveHub, options: SocketOptions): LiveServer {
  const io: LiveServer = new Server(http, {
    // Two minutes covers a Wi-Fi roam or a server restart behind a load balancer.
    connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: false },
    cors: { origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false },
    allowRequest: originCheck(options.corsOrigins),
    // A subscribe message is a filter of a few short strings; nothing legitimate is larger.
    maxHttpBufferSize: 16 * 1024,
    // A tick's snapshot is encoded once, and its WebSocket frame built once, for the whole room;
    // deflate (which browsers offer) would compress it again for every socket: at 20,000 viewers
    // seconds of CPU a tick to save ~4 KB each on a LAN. Engine.IO's default, stated on purpose.
    perMessageDeflate: false,
    serveClient: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  })

  io.use((socket, next) => {
    if (options.viewers.size === 0) return next()
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    if (typeof token === 'string' && options.viewers.idOf(token) !== undefined) return next()
    const error = new Error('unauthorized') as Error & { data?: unknown }
    error.data = { code: 'unauthorized', status: 401, message: 'a valid viewer token is required' }
    next(error)
  })
  // Last: only a socket that passed every other check holds a place in its address's budget.
  io.use(socketsPerAddress(options.budgets.maxSocketsPerAddress, options.trustProxy))

  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith(ROOM_PREFIX)) hubRef().unwatch(room.slice(ROOM_PREFIX.length))
  })

  io.on('connection', (socket) => {
    // Before any await: a client that resets mid-handshake must not take the process down.
    socket.on('error', (error) => options.logger.debug({ err: error }, 'socket error'))
    if (socket.recovered) rejoin(socket)
    let generation = 0
    const counted = subscribeRate()

    socket.on('subscribe', (request, ack) => {
      const reply = typeof ack === 'function' ? (ack as (response: Ack<Snapshot>) => void) : () => {}
      // Counted as it arrives, before anything awaits, so a burst is let through or refused in its order.
      const thisSecond = counted()
      const { subscribesPerSecond } = options.budgets
      if (thisSecond > subscribesPerSecond) {
        reply({ ok: false, error: tooFast(subscribesPerSecond) })
        if (thisSecond > subscribesPerSecond * FLOOD_FACTOR) {
          options.logger.warn({ subscribesThisSecond: thisSecond }, 'a socket flooding subscribes was disconnected')
          socket.disconnect(true)
        }
        return
      }
      void subscribe(request, reply)
    })

    const subscribe = async (request: unknown, reply: (response: Ack<Snapshot>) => void) => {
      const parsed = filterSchema.safeParse((request as { filter?: unknown } | undefined)?.filter ?? {})
      if (!parsed.success) {
        return reply({ ok: false, error: { message: 'invalid filter', code: 'bad_request', status: 400 } })
      }
      // A socket that has left joins nothing: its room would never be deleted.
      if (!socket.connected) return
      const hub = hubRef()
      // From here to the join, no await: the filter is admitted and its room joined in one turn.
      const roomKey = hub.admit(parsed.data)
      if (roomKey === undefined) return reply({ ok: false, error: tooManyFilters() })
      const mine = ++generation
      const room = roomOf(roomKey)
      // Leaving first would delete the room of a filter the socket subscribes to again; leave the others only.
      for (const other of socket.rooms) if (other.startsWith(ROOM_PREFIX) && other !== room) void socket.leave(other)
      // Synchronous with the in-memory and the Redis streams adapters: the room exists when this returns.
      void socket.join(room)
      try {
        const snapshot = await hub.firstSnapshot(roomKey)
        reply(mine === generation ? { ok: true, data: snapshot } : { ok: false, error: SUPERSEDED })
      } catch (error) {
        if (mine !== generation || error instanceof SubscriptionDroppedError)
          return reply({ ok: false, error: SUPERSEDED })
        options.logger.warn({ err: error }, 'subscribe failed')
        reply({
          ok: false,
          error: { message: 'the store is not answering; retry shortly', code: 'store_unavailable', status: 503 },
        })
      }
    }
  })

  /** A recovered socket is back in its filter's room: watch it again (within the budget) and send its latest snapshot. */
  const rejoin = (socket: Parameters<Parameters<LiveServer['on']>[1]>[0]) => {
    for (const room of socket.rooms) {
      if (!room.startsWith(ROOM_PREFIX)) continue
      const filter = filterOfKey(room.slice(ROOM_PREFIX.length))
      const roomKey = filter && hubRef().admit(filter)
      if (roomKey === undefined) {
        void socket.leave(room)
        continue
      }
      void hubRef()
        .latest(roomKey)
        .then((snapshot) => snapshot && socket.emit('snapshot', snapshot))
        .catch(() => {})
    }
  }
  return io
}

function filterOfKey(roomKey: string): Filter | undefined {
  try {
    const parsed = filterSchema.safeParse(JSON.parse(roomKey))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

const tooFast = (perSecond: number): ErrorShape => ({
  message: `more than ${perSecond} subscribes a second on this socket; send the last one again shortly`,
  code: 'rate_limited',
  status: 429,
})

const tooManyFilters = (): ErrorShape => ({
  message:
    'the server watches as many distinct filters as it can compute each tick; pick one a wall already shows, or retry later',
  code: 'rate_limited',
  status: 429,
})

export const roomOf = (roomKey: string) => ROOM_PREFIX + roomKey
