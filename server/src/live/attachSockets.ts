import type { Server as HttpServer } from 'node:http'
import {
  type Ack,
  type ClientToServerEvents,
  filterSchema,
  type ServerToClientEvents,
  type Snapshot,
} from '@gmv-pulse/shared'
import type { createAdapter } from '@socket.io/redis-streams-adapter'
import { Server } from 'socket.io'
import type { TokenSet } from '../http/auth.ts'
import type { Logger } from '../logger.ts'
import type { LiveHub } from './LiveHub.ts'

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>

const ROOM_PREFIX = 'filter:'

export interface SocketOptions {
  viewers: TokenSet
  corsOrigins: readonly string[]
  logger: Logger
  /** Several instances: broadcasts and recovery sessions go through Redis streams. */
  adapter?: ReturnType<typeof createAdapter> | undefined
}

/**
 * Socket.IO for the screens: viewer-token handshake, one room per filter, connection
 * state recovery so a screen that blinks gets its room back, and a full snapshot on
 * every subscribe and every recovered reconnect.
 */
export function attachSockets(http: HttpServer, hubRef: () => LiveHub, options: SocketOptions): LiveServer {
  const io: LiveServer = new Server(http, {
    // Two minutes covers a Wi-Fi roam or a server restart behind a load balancer.
    connectionStateRecovery: { maxDisconnectionDuration: 120_000, skipMiddlewares: false },
    cors: { origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false },
    // A subscribe message is a filter of a few short strings; nothing legitimate is larger.
    maxHttpBufferSize: 16 * 1024,
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

  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith(ROOM_PREFIX)) hubRef().unwatch(room.slice(ROOM_PREFIX.length))
  })

  io.on('connection', (socket) => {
    // Before any await: a client that resets mid-handshake must not take the process down.
    socket.on('error', (error) => options.logger.debug({ err: error }, 'socket error'))
    if (socket.recovered) {
      for (const room of socket.rooms) {
        if (!room.startsWith(ROOM_PREFIX)) continue
        void hubRef()
          .latest(room.slice(ROOM_PREFIX.length))
          .then((snapshot) => snapshot && socket.emit('snapshot', snapshot))
          .catch(() => {})
      }
    }
    // One subscribe at a time per socket: a wall that switches filters twice quickly must end
    // up in the room of the last one, not in whichever store query answered last.
    let subscribing = Promise.resolve()
    socket.on('subscribe', (request, ack) => {
      subscribing = subscribing.then(() => subscribe(request, ack))
    })
    const subscribe = async (request: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (response: Ack<Snapshot>) => void) : () => {}
      const parsed = filterSchema.safeParse((request as { filter?: unknown } | undefined)?.filter ?? {})
      if (!parsed.success) {
        reply({ ok: false, error: { message: 'invalid filter', code: 'bad_request', status: 400 } })
        return
      }
      try {
        const { roomKey, snapshot } = await hubRef().watch(parsed.data)
        for (const room of socket.rooms) if (room.startsWith(ROOM_PREFIX)) await socket.leave(room)
        await socket.join(ROOM_PREFIX + roomKey)
        reply({ ok: true, data: snapshot })
      } catch (error) {
        options.logger.warn({ err: error }, 'subscribe failed')
        reply({
          ok: false,
          error: { message: 'the store is not answering; retry shortly', code: 'store_unavailable', status: 503 },
        })
      }
    }
  })
  return io
}

export const roomOf = (roomKey: string) => ROOM_PREFIX + roomKey
