import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Store } from './clickhouse/store.ts'
import type { RedisConnection } from './cluster/redisConnection.ts'
import type { OrderIngest } from './ingest/OrderIngest.ts'
import type { LiveServer } from './live/attachSockets.ts'
import type { LiveHub } from './live/LiveHub.ts'

export interface CloseOptions {
  /** Hand the computing lease to another core at once (the default); false leaves it to expire, as a crash would. */
  handOver?: boolean
  /** Close the store too (the default). Tests that run several apps over one store keep it open. */
  closeStore?: boolean
}

export interface Lifecycle {
  /** Listens (port 0 picks a free port), then starts the live ticks; answers the port. */
  listen(port: number, host: string): Promise<number>
  /** Stops everything in one order; calling it again answers the same promise. */
  close(options?: CloseOptions): Promise<void>
}

export interface LifecycleParts {
  server: Server
  io: LiveServer
  hub: LiveHub
  ingest: OrderIngest | undefined
  store: Store | undefined
  redis: RedisConnection | undefined
}

/** The one start and stop sequence of a GMV Pulse instance: main.ts, the test server and the cluster test node use it. */
export function lifecycle(parts: LifecycleParts): Lifecycle {
  let closing: Promise<void> | undefined
  return {
    async listen(port, host) {
      parts.server.listen(port, host)
      await once(parts.server, 'listening')
      parts.hub.start()
      return (parts.server.address() as AddressInfo).port
    },
    close(options = {}) {
      closing ??= closeInOrder(parts, options)
      return closing
    },
  }
}

/**
 * 1. Take no new connections; idle keep-alive ones close now.
 * 2. Drain ingest: no batch is admitted any more (503, the producer retries elsewhere or later
 *    with its key), and every batch already accepted is stored and answered.
 * 3. Stop ticking and hand the computing lease over, so another core takes the walls at once.
 * 4. Close the sockets (this instance's only: with Redis, other instances keep theirs) and cut
 *    any HTTP request still open.
 * 5. Close the store, then leave Redis.
 */
async function closeInOrder(
  { server, io, hub, ingest, store, redis }: LifecycleParts,
  { handOver = true, closeStore = true }: CloseOptions,
): Promise<void> {
  const stopped = new Promise<void>((done) => server.close(() => done()))
  server.closeIdleConnections()
  await ingest?.close()
  await hub.stop({ handOver })
  // io.close closes the HTTP server as well; it is closed already, so its callback only reports that.
  await new Promise<void>((done) => io.close(() => done()))
  server.closeAllConnections()
  await stopped
  if (closeStore) await store?.close()
  await redis?.close().catch(() => {})
}
