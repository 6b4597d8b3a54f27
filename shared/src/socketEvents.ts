import type {
  DropScreen,
  Heartbeat,
  HeartbeatAnswer,
  SceneCommandInput,
  ScreenHello,
  ScreenList,
  WallScene,
} from './control.ts'
import type { ErrorBody } from './errors.ts'
import type { Filter } from './filters.ts'
import type { Snapshot } from './snapshot.ts'

/** Acknowledgements carry data or the one error shape, never both. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody['error'] }

export interface SubscribeRequest {
  filter: Filter
}

export interface ClientToServerEvents {
  /** Join the room of one filter (leaving any previous one); the ack carries a full snapshot. */
  subscribe: (request: SubscribeRequest, ack: (response: Ack<Snapshot>) => void) => void
  /**
   * A wall screen joins the walls; the ack carries the scene to show now. Again after every
   * unrecovered reconnect. Only a socket whose handshake carried a screen token may (403 otherwise).
   */
  registerScreen: (hello: ScreenHello, ack: (response: Ack<WallScene>) => void) => void
  /** Every few seconds from a registered wall; it times the ack to measure its lag. */
  heartbeat: (beat: Heartbeat, ack: (response: Ack<HeartbeatAnswer>) => void) => void
}

export interface ServerToClientEvents {
  /** Every tick, to the filter's room; volatile, so a slow screen gets the latest, not a backlog. */
  snapshot: (snapshot: Snapshot) => void
  /** To every registered wall when the control changes the scene, and on a recovered reconnect. */
  scene: (scene: WallScene) => void
}

/** The `/control` namespace: handshake auth `{ token }` with a control token (CONTROL_TOKENS). */
export interface ControlClientToServerEvents {
  /** Every wall switches to this scene; the ack carries it as broadcast. */
  setScene: (command: SceneCommandInput, ack: (response: Ack<WallScene>) => void) => void
  listScreens: (ack: (response: Ack<ScreenList>) => void) => void
  /** Disconnects every socket registered as this screen (on any instance); the ack counts them. */
  dropScreen: (request: DropScreen, ack: (response: Ack<{ dropped: number }>) => void) => void
}

export interface ControlServerToClientEvents {
  /** The screens, their lag and the current scene; pushed on changes and every few seconds. */
  screens: (list: ScreenList) => void
  /** The scene every wall was just told to show (from any control page). */
  scene: (scene: WallScene) => void
}

/**
 * Handshake auth: `io(url, { auth: { token } })` when the server sets VIEWER_TOKENS; a wall
 * page adds `screenToken` (one of SCREEN_TOKENS) to appear on /control.
 */
export interface SocketAuth {
  token?: string
  screenToken?: string
}
