import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { Config } from '../config.ts'
import type { Logger } from '../logger.ts'
import { ClusterCoordinator } from './ClusterCoordinator.ts'
import { connectRedis, type RedisConnection } from './redisConnection.ts'

export interface ClusterMembership {
  coordinator: ClusterCoordinator
  adapter: ReturnType<typeof createAdapter>
  redis: RedisConnection
}

/**
 * With REDIS_URL, this instance joins the others: the streams adapter (unlike the pub/sub
 * one, it keeps Socket.IO's connection state recovery across instances) carries every
 * snapshot to viewers wherever they are connected, and the coordinator shares the work.
 */
export async function joinCluster(config: Config, logger: Logger): Promise<ClusterMembership | undefined> {
  if (!config.redisUrl) return undefined
  const redis = await connectRedis(config.redisUrl, logger)
  return {
    redis,
    adapter: createAdapter(redis, { streamName: 'gmv-pulse:socket.io', onlyPlaintext: true }),
    coordinator: new ClusterCoordinator(redis, config.instanceId, logger),
  }
}
