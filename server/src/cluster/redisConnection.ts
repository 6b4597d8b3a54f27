import { createClient } from 'redis'
import type { Logger } from '../logger.ts'

export type RedisConnection = ReturnType<typeof createClient>

/**
 * One Redis client for the instance (the Socket.IO adapter duplicates it for its own
 * blocking reads). It reconnects by itself with a capped backoff, so a Redis restart is
 * an interruption of at most a few seconds, not an outage that needs an operator.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisConnection> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000), connectTimeout: 5000 },
  })
  let down = false
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error }, 'redis unreachable; reconnecting')
    down = true
  })
  client.on('ready', () => {
    if (down) logger.info('redis reachable again')
    down = false
  })
  await client.connect()
  return client
}
