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

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface LiveState {
  /** The latest snapshot of the filter asked for; null while a new filter's first one is on its way. */
  snapshot: Snapshot | null
  connected: boolean
  /** Client clock (Date.now()) of the last snapshot or ack. */
  lastReceivedAt: number | null
  /** The last refused subscription, if any (bad filter, bad token). */
  error: string | null
}

const INITIAL: LiveState = { snapshot: null, connected: false, lastReceivedAt: null, error: null }

/** One viewer socket for the life of the component: a wall that changes filter keeps its connection. */
export function useLiveSocket(): LiveSocket | null {
  const [socket, setSocket] = useState<LiveSocket | null>(null)
  useEffect(() => {
    const token = viewerToken()
    // A wall page's right to appear on /control, from `?screenToken=` on its URL.
    const screenToken = new URLSearchParams(window.location.search).get('screenToken')
    const created: LiveSocket = io({
      path: '/socket.io',
      // WebSocket first: the first live number should not wait for a polling upgrade.
      transports: ['websocket', 'polling'],
      auth: { ...(token ? { token } : {}), ...(screenToken ? { screenToken } : {}) },
    })
    setSocket(created)
    return () => {
      created.removeAllListeners()
      created.disconnect()
    }
  }, [])
  return socket
}

/**
 * Subscribes the socket to a filter on every connect — the first and each reconnect — and
 * again whenever the filter changes; the ack's full snapshot replaces whatever the screen
 * had, then every tick's snapshot does. Snapshots of another filter are never returned.
 */
export function useLiveSubscription(socket: LiveSocket | null, filter: Filter): LiveState {
  const [state, setState] = useState<LiveState>(INITIAL)
  const key = filterKey(filter)

  useEffect(() => {
    if (!socket) return
    const request = { filter: JSON.parse(key) as Filter }
    let current = true
    const accept = (snapshot: Snapshot) =>
      setState({ snapshot, connected: true, lastReceivedAt: Date.now(), error: null })
    const subscribe = () => {
      setState((previous) => ({ ...previous, connected: true }))
      socket.emit('subscribe', request, (response) => {
        if (!current) return
        if (response.ok) accept(response.data)
        else setState((previous) => ({ ...previous, error: response.error.message }))
      })
    }
    const onSnapshot = (snapshot: Snapshot) => {
      if (filterKey(snapshot.filter) === key) accept(snapshot)
    }
    const onDisconnect = () => setState((previous) => ({ ...previous, connected: false }))
    const onError = (error: Error) => setState((previous) => ({ ...previous, connected: false, error: error.message }))
    socket.on('connect', subscribe)
    socket.on('snapshot', onSnapshot)
    socket.on('disconnect', onDisconnect)
    socket.on('connect_error', onError)
    if (socket.connected) subscribe()
    return () => {
      current = false
      socket.off('connect', subscribe)
      socket.off('snapshot', onSnapshot)
      socket.off('disconnect', onDisconnect)
      socket.off('connect_error', onError)
    }
  }, [socket, key])

  const matches = state.snapshot !== null && filterKey(state.snapshot.filter) === key
  return matches ? state : { ...state, snapshot: null }
}

/** The one socket hook for a page that follows one filter at a time. */
export function useLiveSnapshot(filter: Filter): LiveState {
  return useLiveSubscription(useLiveSocket(), filter)
}
