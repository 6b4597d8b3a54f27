import type {
  Ack,
  ClientToServerEvents,
  ControlClientToServerEvents,
  ControlServerToClientEvents,
  Filter,
  ServerToClientEvents,
  Snapshot,
  SocketAuth,
} from '@gmv-pulse/shared'
import { io, type Socket } from 'socket.io-client'

export type ViewerSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/**
 * A real socket.io-client viewer, connected (websocket only, as a wall screen runs); headers
 * are sent with the handshake, as a proxy in front of the server would add them.
 */
export async function connectViewer(
  url: string,
  auth: SocketAuth = {},
  extraHeaders: Record<string, string> = {},
): Promise<ViewerSocket> {
  const socket: ViewerSocket = io(url, {
    transports: ['websocket'],
    auth,
    extraHeaders,
    reconnectionDelay: 100,
    forceNew: true,
  })
  await connected(socket)
  return socket
}

/**
 * Resolves on the first connection, rejects (and closes) on a refused first attempt. Later
 * connect errors are reconnection attempts, as when the server restarts: they must not close
 * the socket for good, so the listener goes once connected.
 */
async function connected(socket: Socket): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const refused = (error: Error) => {
      socket.close()
      reject(error)
    }
    socket.once('connect_error', refused)
    socket.once('connect', () => {
      socket.off('connect_error', refused)
      resolve()
    })
  })
}

export async function subscribe(socket: ViewerSocket, filter: Filter): Promise<Snapshot> {
  const response: Ack<Snapshot> = await socket.timeout(20_000).emitWithAck('subscribe', { filter })
  if (!response.ok) throw new Error(`subscribe refused: ${response.error.message}`)
  return response.data
}

/** The next snapshot this viewer receives that satisfies the predicate. */
export function nextSnapshot(
  socket: ViewerSocket,
  predicate: (snapshot: Snapshot) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('snapshot', listener)
      reject(new Error('no matching snapshot in time'))
    }, timeoutMs)
    const listener = (snapshot: Snapshot) => {
      if (!predicate(snapshot)) return
      clearTimeout(timer)
      socket.off('snapshot', listener)
      resolve(snapshot)
    }
    socket.on('snapshot', listener)
  })
}

/**
 * What a screen does: subscribe, and on every reconnect that Socket.IO could not recover,
 * subscribe again; every full snapshot (acknowledgement or tick) goes to the callback.
 */
export async function follow(socket: ViewerSocket, filter: Filter, onSnapshot: (snapshot: Snapshot) => void) {
  socket.on('snapshot', onSnapshot)
  socket.on('connect', () => {
    if (!socket.recovered) void subscribe(socket, filter).then(onSnapshot, () => {})
  })
  onSnapshot(await subscribe(socket, filter))
}

export type ControlSocket = Socket<ControlServerToClientEvents, ControlClientToServerEvents>

/** A real socket.io-client remote control on the `/control` namespace; rejects when the handshake is refused. */
export async function connectControl(url: string, auth: { token?: string } = {}): Promise<ControlSocket> {
  const socket: ControlSocket = io(`${url}/control`, {
    transports: ['websocket'],
    auth,
    reconnectionDelay: 100,
    forceNew: true,
  })
  await connected(socket)
  return socket
}
