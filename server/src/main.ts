import { createApp } from './app.ts'
import { openStore } from './clickhouse/store.ts'
import { joinCluster } from './cluster/joinCluster.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './logger.ts'

/** Starts GMV Pulse: config, store (migrations included), cluster, HTTP; stops gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const logger = createLogger(config.logLevel)
  const store = config.role === 'relay' ? undefined : await openStore(config.store, logger)
  const cluster = await joinCluster(config, logger)
  const app = createApp({ config, store, logger, cluster })
  const port = await app.listen(config.port, config.host)
  logger.info(
    { port, role: config.role, store: store?.mode ?? 'none', cluster: Boolean(cluster) },
    `GMV Pulse listening on http://localhost:${port}`,
  )
  if (store && config.ingest.tokens.length === 0) logger.warn('INGEST_TOKENS is not set: ingest refuses every request')
  if (config.viewerTokens.length === 0)
    logger.warn('VIEWER_TOKENS is not set: reads are open to anyone who can reach this port')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing in-flight batches')
    // Whatever hangs, the process leaves before the orchestrator's own kill deadline.
    setTimeout(() => {
      logger.error('shutdown deadline passed; exiting')
      process.exit(1)
    }, config.shutdownTimeoutMs).unref()
    await app.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

await main()
