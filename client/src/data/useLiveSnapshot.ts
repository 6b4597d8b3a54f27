import {
  type ClientToServerEvents,
  type Filter,
  filterKey,
  type ServerToClientEvents,
  type Snapshot,
} from '@gmv-pulse/shared'
import { useEffect, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import { viewerToken } from './apiClient.ts'

export interface LiveState {
  snapshot: Snapshot | null
  connected: boolean
  /** Client clock (Date.now()) of the last snapshot or ack. */
  lastReceivedAt: number | null
  /** The last refused subscription, if any (bad filter, bad token). */
  error: string | null
}

const INITIAL: LiveState = { snapshot: null, connected: false, lastReceivedAt: null, error: null }

/**
 * The one socket hook. Subscribes on every connect — the first and each reconnect — and the
 * ack's full snapshot replaces whatever the screen had; then every tick's snapshot does.
 */
export function useLiveSnapshot(filter: Filter): LiveState {
  const [state, setState] = useState<LiveState>(INITIAL)
  const key = filterKey(filter)

  useEffect(() => {
    const request = { filter: JSON.parse(key) as Filter }
    const token = viewerToken()
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      // WebSocket first: the first live number should not wait for a polling upgrade.
      transports: ['websocket', 'polling'],
      auth: token ? { token } : {},
    })
    const accept = (snapshot: Snapshot) =>
      setState({ snapshot, connected: true, lastReceivedAt: Date.now(), error: null })

    socket.on('connect', () => {
      setState((previous) => ({ ...previous, connected: true }))
      socket.emit('subscribe', request, (response) => {
        if (response.ok) accept(response.data)
        else setState((previous) => ({ ...previous, error: response.error.message }))
      })
    })
    socket.on('snapshot', (snapshot) => {
      if (filterKey(snapshot.filter) === key) accept(snapshot)
    })
    socket.on('disconnect', () => setState((previous) => ({ ...previous, connected: false })))
    socket.on('connect_error', (error) =>
      setState((previous) => ({ ...previous, connected: false, error: error.message })),
    )
    return () => {
      socket.removeAllListeners()
      socket.disconnect()
    }
  }, [key])

  return state
}
