import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { resolve } from 'node:path'
import cors from 'cors'
import express from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Store } from './clickhouse/store.ts'
import type { ClusterMembership } from './cluster/joinCluster.ts'
import type { Config } from './config.ts'
import { getTotal } from './figures/getTotal.ts'
import { resolveRange } from './figures/timeRange.ts'
import { ApiError } from './http/ApiError.ts'
import { requireToken, TokenSet } from './http/auth.ts'
import { compileTrustProxy } from './http/clientAddress.ts'
import { answerClientError } from './http/clientError.ts'
import { errorHandler, notFound } from './http/errorHandler.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { OrderIngest } from './ingest/OrderIngest.ts'
import { OrderRateLimiter } from './ingest/OrderRateLimiter.ts'
import { type Lifecycle, lifecycle } from './lifecycle.ts'
import { attachControl, spotlightFilters } from './live/attachControl.ts'
import { attachSockets, type LiveServer, roomOf } from './live/attachSockets.ts'
import { LiveHub } from './live/LiveHub.ts'
import type { Logger } from './logger.ts'
import { createMetrics, type Metrics } from './metrics/createMetrics.ts'
import { analystRoutes } from './routes/analystRoutes.ts'
import { healthRoute } from './routes/health.ts'
import { ordersRoute } from './routes/orders.ts'

export interface AppDependencies {
  config: Config
  /** Absent on a relay, which holds viewer sockets only. */
  store: Store | undefined
  logger: Logger
  /** Several instances joined through Redis; the app leaves Redis when it closes. */
  cluster?: ClusterMembership | undefined
}

export interface App extends Lifecycle {
  metrics: Metrics
  server: Server
  ingest: OrderIngest | undefined
  hub: LiveHub
  io: LiveServer
}

/** Pages of the single-page client; any other path is an API route or a 404. */
const CLIENT_ROUTES = ['/', '/explore', '/present', '/control']

/**
 * Builds the HTTP and Socket.IO server around its dependencies, with the one way to start and stop
 * it (`listen`, `close`); tests start it on port 0 with a real embedded store.
 */
export function createApp({ config, store, logger, cluster }: AppDependencies): App {
  const viewers = new TokenSet(config.viewerTokens)
  let hub: LiveHub | undefined
  let io: LiveServer | undefined
  const metrics = createMetrics({
    viewers: () => io?.of('/').sockets.size ?? 0,
    lastTickAt: () => hub?.lastTickAt,
  })
  const ingest =
    store &&
    new OrderIngest(
      // Its point statements (the ledger's lookup and line, a batch's sums) must not wait behind analysts.
      store.live,
      {
        fxRates: config.fxRates,
        maxBatchOrders: config.ingest.maxBatchOrders,
        maxInFlight: config.ingest.maxInFlight,
        maxPending: config.ingest.maxPending,
        maxPendingPerProducer: config.ingest.maxPendingPerProducer,
        storeTimeoutMs: config.ingest.storeTimeoutMs,
        onWritten: (road) => metrics.ingestRoads.inc({ road }),
      },
      logger,
    )
  const app = express()
  app.disable('x-powered-by')
  app.set('query parser', 'simple')
  // Rate limits, logs and the live sockets' address budget name the client: behind a proxy, the
  // address it forwards, when told to trust it. One compiled trust serves Express and the sockets.
  const trustProxy = compileTrustProxy(config.trustProxy)
  if (config.trustProxy !== undefined) app.set('trust proxy', trustProxy)
  app.use(securityHeaders({ behindHttps: config.behindHttps, corsOrigins: config.corsOrigins }))

  const api = express.Router()
  // Other sites may call the API only when listed; with none listed, no CORS header is sent
  // and browsers keep the API to the pages this server serves.
  api.use(cors({ origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false }))
  api.use(healthRoute({ store, role: config.role }))
  // A relay has no store: it answers health and holds sockets; ingest and queries go to a core.
  if (store && ingest) {
    api.use(
      ordersRoute({
        ingest,
        tokens: new TokenSet(config.ingest.tokens),
        rateLimiter: config.ingest.rateLimitPerSecond
          ? new OrderRateLimiter(config.ingest.rateLimitPerSecond)
          : undefined,
        maxBodyBytes: config.ingest.maxBodyBytes,
        maxBatchOrders: config.ingest.maxBatchOrders,
        metrics,
      }),
    )
    api.use(requireToken(viewers, { openWhenEmpty: true, right: 'reading' }))
    if (config.readRateLimitPerMinute > 0) {
      api.use(
        rateLimit({
          windowMs: 60_000,
          limit: config.readRateLimitPerMinute,
          standardHeaders: 'draft-8',
          legacyHeaders: false,
          handler: (_req, _res, next, options) =>
            next(
              new ApiError(
                429,
                'rate_limited',
                'too many reads from this client; slow down',
                undefined,
                Math.ceil(options.windowMs / 1000),
              ),
            ),
        }),
      )
    }
    api.use(analystRoutes({ store, config, computedOverview: () => hub?.computedOverview() }))
  }
  app.use('/api/v1', api)
  // Prometheus scrapes with the same bearer token as any reader (none needed on an open local demo).
  app.get('/metrics', requireToken(viewers, { openWhenEmpty: true, right: 'reading' }), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })

  const clientDir = resolve(config.clientDir)
  if (existsSync(resolve(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }))
    app.get(CLIENT_ROUTES, (_req, res) => res.sendFile(resolve(clientDir, 'index.html')))
  }
  app.use(notFound)
  app.use(errorHandler(logger))

  // Node checks request deadlines on this interval (30 s by default): check often enough
  // that a body trickling in slower than REQUEST_TIMEOUT_MS is cut off close to it.
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs) }, app)
  // A body that trickles in slower than this is cut off with 408, so a slow client cannot hold a slot.
  server.requestTimeout = config.requestTimeoutMs
  server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000)
  // Requests refused below Express (timeouts, malformed HTTP) still get the one error shape.
  server.on('clientError', answerClientError(logger))

  io = attachSockets(server, () => hub as LiveHub, {
    viewers,
    corsOrigins: config.corsOrigins,
    logger,
    budgets: config.live,
    trustProxy,
    adapter: cluster?.adapter,
  })
  const wallControl = attachControl(io, {
    screens: new TokenSet(config.live.screenTokens),
    maxScreens: config.live.maxScreens,
    controls: new TokenSet(config.controlTokens),
    logger,
    clustered: Boolean(cluster),
    // The same campaign so far the wall would show under the spotlight: one campaign-rollup read.
    // A relay holds no store; the core instances it relays for check what they are asked.
    spotlightExists: async (dimension, value) =>
      store ? (await getTotal(store.live, { [dimension]: value }, resolveRange(config.campaign))).orders > 0 : true,
  })
  hub = new LiveHub({
    // Ticks read in the live lane: their own session, handed to the engine before any analyst read.
    store: store?.live,
    onComputed: (seconds) => metrics.snapshotSeconds.observe(seconds),
    campaign: config.campaign,
    logger,
    coordinator: cluster?.coordinator,
    maxFilters: config.live.maxFilters,
    priority: () => spotlightFilters(wallControl.current()),
    hasViewers: (roomKey) => (io.of('/').adapter.rooms.get(roomOf(roomKey))?.size ?? 0) > 0,
    sink: (roomKey, snapshot) => {
      const started = performance.now()
      io.to(roomOf(roomKey)).volatile.emit('snapshot', snapshot)
      metrics.liveEmitSeconds.observe((performance.now() - started) / 1000)
    },
  })
  const { listen, close } = lifecycle({ server, io, hub, ingest, store, redis: cluster?.redis })
  return { server, ingest, hub, io, metrics, listen, close }
}
