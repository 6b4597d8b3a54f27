import { createApp } from '../../server/src/app.ts'
import type { Store } from '../../server/src/clickhouse/store.ts'
import { joinCluster } from '../../server/src/cluster/joinCluster.ts'
import { loadConfig } from '../../server/src/config.ts'
import type { LiveHub } from '../../server/src/live/LiveHub.ts'
import { createLogger } from '../../server/src/logger.ts'

export interface ClusterNode {
  url: string
  hub: LiveHub
  /** Stops the node abruptly: sockets cut, lease left to expire (as a crash would). */
  kill(): Promise<void>
}

/** One GMV Pulse instance in this process, joined to the others through Redis. */
export async function startClusterNode(options: {
  role: 'core' | 'relay'
  redisUrl: string
  store?: Store
  env?: Record<string, string>
}): Promise<ClusterNode> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ROLE: options.role,
    REDIS_URL: options.redisUrl,
    INGEST_TOKENS: 'cluster-ingest',
    TICK_MS: '500',
    ...options.env,
  })
  const logger = createLogger(config.logLevel)
  const cluster = await joinCluster(config, logger)
  const app = createApp({ config, store: options.role === 'core' ? options.store : undefined, logger, cluster })
  const port = await app.listen(0, '127.0.0.1')
  return {
    url: `http://127.0.0.1:${port}`,
    hub: app.hub,
    // Like a crash: the lease is left to expire and this node's sockets are cut; the store,
    // shared by the cores of this test, stays open for the others.
    kill: () => app.close({ handOver: false, closeStore: false }),
  }
}
