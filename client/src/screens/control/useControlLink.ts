import type {
  Ack,
  ControlClientToServerEvents,
  ControlServerToClientEvents,
  SceneCommandInput,
  ScreenList,
  WallScene,
} from '@gmv-pulse/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'

type ControlSocket = Socket<ControlServerToClientEvents, ControlClientToServerEvents>

export type LinkStatus = 'connecting' | 'connected' | 'refused' | 'disconnected'

export interface ControlLink {
  status: LinkStatus
  /** Why the server refused the token or the last command. */
  error: string | null
  list: ScreenList | null
  send(command: SceneCommandInput): Promise<Ack<WallScene>>
  /** Disconnects a screen (a stray or fake one); the list updates when the server pushes it. */
  drop(screenId: string): Promise<Ack<{ dropped: number }>>
}

/** A command the server has not answered in this time is reported as failed; the operator can press again. */
const COMMAND_TIMEOUT_MS = 5000

/** The control page's socket on `/control`, authenticated with a control token; null token means not connected. */
export function useControlLink(token: string | null): ControlLink {
  const [status, setStatus] = useState<LinkStatus>('connecting')
  const [error, setError] = useState<string | null>(null)
  const [list, setList] = useState<ScreenList | null>(null)
  const socketRef = useRef<ControlSocket | null>(null)

  useEffect(() => {
    if (!token) return
    setStatus('connecting')
    setError(null)
    const socket: ControlSocket = io('/control', {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: { token },
    })
    socketRef.current = socket
    const refresh = () =>
      socket.emit('listScreens', (response) => {
        if (response.ok) setList(response.data)
      })
    socket.on('connect', () => {
      setStatus('connected')
      setError(null)
      refresh()
    })
    socket.on('screens', setList)
    socket.on('scene', (scene) => setList((previous) => previous && { ...previous, scene }))
    socket.on('disconnect', () => setStatus('disconnected'))
    socket.on('connect_error', (failure) => {
      const data = (failure as Error & { data?: { message?: string; status?: number } }).data
      // A refused token is final: retrying it every second would only fill the server's log.
      if (data?.status === 401 || data?.status === 403) {
        setStatus('refused')
        setError(data.message ?? failure.message)
        socket.disconnect()
      } else {
        setStatus('disconnected')
        setError(failure.message)
      }
    })
    return () => {
      socketRef.current = null
      socket.removeAllListeners()
      socket.disconnect()
    }
  }, [token])

  const send = useCallback(async (command: SceneCommandInput): Promise<Ack<WallScene>> => {
    const response = await answered<WallScene>(socketRef.current, (socket) =>
      socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('setScene', command),
    )
    if (response.ok) setList((previous) => previous && { ...previous, scene: response.data })
    return response
  }, [])

  const drop = useCallback(async (screenId: string): Promise<Ack<{ dropped: number }>> => {
    const response = await answered<{ dropped: number }>(socketRef.current, (socket) =>
      socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('dropScreen', { id: screenId }),
    )
    if (!response.ok) setError(response.error.message)
    return response
  }, [])

  return { status, error, list, send, drop }
}

/** A command's answer, or the one error shape when the socket is down or the server did not answer in time. */
async function answered<T>(
  socket: ControlSocket | null,
  emit: (socket: ControlSocket) => Promise<Ack<T>>,
): Promise<Ack<T>> {
  const failed = (message: string): Ack<T> => ({
    ok: false,
    error: { message, code: 'store_unavailable', status: 503 },
  })
  if (!socket?.connected) return failed('not connected to the server')
  try {
    return await emit(socket)
  } catch {
    return failed('the server did not answer in time')
  }
}
