/**
 * Viewers in their own process, as screens would be: N websocket clients subscribed to one
 * filter, each recording how long every snapshot took from the server's emit (serverTime)
 * to arrival. Same machine, so one clock. Input: one JSON argument; output: one JSON line.
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@gmv-pulse/shared'
import { io, type Socket } from 'socket.io-client'

interface ViewerOptions {
  /** Viewers are spread over these servers in turn (one URL: all on one server). */
  urls: string[]
  viewers: number
  seconds: number
}

const options = JSON.parse(process.argv[2] as string) as ViewerOptions
const delays: number[] = []
let connected = 0
let failed = 0
const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = []

// Connect in waves: a thundering herd of handshakes measures the handshake, not fan-out.
for (let i = 0; i < options.viewers; i += 200) {
  await Promise.all(
    Array.from({ length: Math.min(200, options.viewers - i) }, async () => {
      const url = options.urls[sockets.length % options.urls.length] as string
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      })
      sockets.push(socket)
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve)
          socket.once('connect_error', reject)
        })
        const ack = await socket.timeout(60_000).emitWithAck('subscribe', { filter: {} })
        if (!ack.ok) throw new Error(ack.error.message)
        connected += 1
      } catch {
        failed += 1
      }
    }),
  )
}
process.stderr.write(`viewers: ${connected} connected, ${failed} failed\n`)
const measureFrom = Date.now()
for (const socket of sockets) {
  socket.on('snapshot', (snapshot) => {
    const now = Date.now()
    if (now > measureFrom) delays.push(now - Date.parse(snapshot.serverTime))
  })
}
await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000))
for (const socket of sockets) socket.close()
delays.sort((a, b) => a - b)
const at = (p: number) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? null
process.stdout.write(
  `${JSON.stringify({ connected, failed, deliveries: delays.length, p50: at(50), p99: at(99), max: delays.at(-1) ?? null })}\n`,
)
process.exit(0)
