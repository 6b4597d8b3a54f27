import { io } from 'socket.io-client'
import type { ViewerSocket } from '../../../server/test/socketClient.ts'

/**
 * A real socket.io-client viewer, connected, that keeps reconnecting for as long as the
 * server is away — as the wall screen does. server/test/socketClient.ts's connectViewer
 * leaves its `connect_error` listener attached, so the first failed reconnect attempt
 * closes that socket for good; a server restart is exactly that case.
 */
export async function connectLastingViewer(url: string): Promise<ViewerSocket> {
  const socket: ViewerSocket = io(url, { transports: ['websocket'], reconnectionDelay: 100, forceNew: true })
  await new Promise<void>((resolve, reject) => {
    const onConnect = () => {
      socket.off('connect_error', onError)
      resolve()
    }
    const onError = (error: Error) => {
      socket.off('connect', onConnect)
      socket.close()
      reject(error)
    }
    socket.once('connect', onConnect)
    socket.once('connect_error', onError)
  })
  return socket
}
