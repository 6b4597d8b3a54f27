import { createServer, type Server } from 'node:http'
import express from 'express'
import helmet from 'helmet'
import type { Store } from './clickhouse/store.ts'
import type { Config } from './config.ts'
import { TokenSet, requireToken } from './http/auth.ts'
import { errorHandler, notFound } from './http/errorHandler.ts'
import { OrderIngest } from './ingest/OrderIngest.ts'
import { OrderRateLimiter } from './ingest/OrderRateLimiter.ts'
import type { Logger } from './logger.ts'
import { healthRoute } from './routes/health.ts'
import { ordersRoute } from './routes/orders.ts'
import { analystRoutes } from './routes/analystRoutes.ts'

export interface AppDependencies {
  config: Config
  store: Store
  logger: Logger
}

export interface App {
  server: Server
  ingest: OrderIngest
}

/** Builds the HTTP server around its dependencies; tests start it on port 0 with a real embedded store. */
export function createApp({ config, store, logger }: AppDependencies): App {
  const ingest = new OrderIngest(
    store,
    {
      fxRates: config.fxRates,
      maxBatchOrders: config.ingest.maxBatchOrders,
      maxInFlight: config.ingest.maxInFlight,
    },
    logger,
  )
  const viewers = new TokenSet(config.viewerTokens)
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  app.use(helmet())

  const api = express.Router()
  api.use(healthRoute(store))
  api.use(
    ordersRoute({
      ingest,
      tokens: new TokenSet(config.ingest.tokens),
      rateLimiter: config.ingest.rateLimitPerSecond ? new OrderRateLimiter(config.ingest.rateLimitPerSecond) : undefined,
      maxBodyBytes: config.ingest.maxBodyBytes,
    }),
  )
  api.use(requireToken(viewers, { openWhenEmpty: true, right: 'reading' }))
  api.use(analystRoutes({ store, config }))
  app.use('/api/v1', api)
  app.use(notFound)
  app.use(errorHandler(logger))

  const server = createServer(app)
  // A body that trickles in slower than this is cut off with 408, so a slow client cannot hold a slot.
  server.requestTimeout = config.requestTimeoutMs
  server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000)
  return { server, ingest }
}
