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
}

export interface ServerToClientEvents {
  /** Every tick, to the filter's room; volatile, so a slow screen gets the latest, not a backlog. */
  snapshot: (snapshot: Snapshot) => void
}

/** Handshake auth: `io(url, { auth: { token } })` when the server sets VIEWER_TOKENS. */
export interface SocketAuth {
  token?: string
}
