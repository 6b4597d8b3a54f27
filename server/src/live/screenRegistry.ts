import type { Heartbeat, ScreenHello, ScreenStatus } from '@gmv-pulse/shared'
import type { TokenSet } from '../http/auth.ts'

/** Every wall screen joins this room; scene commands go to it. */
export const WALLS_ROOM = 'walls'

/**
 * A wall's status lives in its socket's `data`: Socket.IO restores it with a recovered
 * session, and `fetchSockets()` reads it from every instance of a cluster.
 */
export interface WallSocketData {
  screen?: ScreenStatus
  /** The handshake carried a screen token: this socket may register as a wall screen. */
  screenRight?: boolean
}

interface HasData {
  data: unknown
}

export function screenOf(socket: HasData): ScreenStatus | undefined {
  return (socket.data as WallSocketData | undefined)?.screen
}

/** Records whether the handshake's `screenToken` is one of the screen tokens (checked in constant time). */
export function grantScreenRight(socket: HasData & { handshake: { auth: unknown } }, screens: TokenSet): void {
  const token = (socket.handshake.auth as { screenToken?: unknown } | undefined)?.screenToken
  ;(socket.data as WallSocketData).screenRight = typeof token === 'string' && screens.idOf(token) !== undefined
}

export function hasScreenRight(socket: HasData): boolean {
  return (socket.data as WallSocketData | undefined)?.screenRight === true
}

export function registerScreen(socket: HasData, hello: ScreenHello, now: Date): ScreenStatus {
  const previous = screenOf(socket)
  const screen: ScreenStatus = {
    ...hello,
    connectedAt: previous?.connectedAt ?? now.toISOString(),
    lastSeenAt: now.toISOString(),
    lagMs: previous?.lagMs ?? null,
    scene: previous?.scene ?? null,
  }
  ;(socket.data as WallSocketData).screen = screen
  return screen
}

export function recordHeartbeat(socket: HasData, beat: Heartbeat, now: Date): ScreenStatus | undefined {
  const screen = screenOf(socket)
  if (!screen) return undefined
  const next: ScreenStatus = {
    ...screen,
    viewport: beat.viewport,
    lastSeenAt: now.toISOString(),
    lagMs: beat.lagMs ?? screen.lagMs,
    scene: beat.scene,
  }
  ;(socket.data as WallSocketData).screen = next
  return next
}

/** The screens of the given sockets, in a stable order for the control's table. */
export function screensOf(sockets: readonly HasData[]): ScreenStatus[] {
  return sockets
    .map(screenOf)
    .filter((screen): screen is ScreenStatus => screen !== undefined)
    .sort((a, b) => a.label.localeCompare(b.label) || a.connectedAt.localeCompare(b.connectedAt))
}
