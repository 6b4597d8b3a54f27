import type { IngestResult } from '@gmv-pulse/shared'
import { type RequestHandler, Router } from 'express'
import { ApiError } from '../http/ApiError.ts'
import { requireToken, type TokenSet } from '../http/auth.ts'
import type { OrderIngest } from '../ingest/OrderIngest.ts'
import type { OrderRateLimiter } from '../ingest/OrderRateLimiter.ts'
import { bodyFormatOf } from '../ingest/parseOrderBody.ts'
import { readOrderBody } from '../ingest/readOrderBody.ts'
import type { Metrics } from '../metrics/createMetrics.ts'

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/

export interface OrdersRouteOptions {
  ingest: OrderIngest
  tokens: TokenSet
  rateLimiter: OrderRateLimiter | undefined
  maxBodyBytes: number
  /** A body with more orders is refused while it is still arriving. */
  maxBatchOrders: number
  metrics?: Metrics | undefined
}

/**
 * POST /api/v1/orders: authenticate, check the token's rate, admit, read, validate, charge the
 * rate, store — in that order, cheapest first.
 */
export function ordersRoute({
  ingest,
  tokens,
  rateLimiter,
  maxBodyBytes,
  maxBatchOrders,
  metrics,
}: OrdersRouteOptions): Router {
  const router = Router()
  const countOutcome: RequestHandler = (_req, res, next) => {
    const startedAt = performance.now()
    res.on('finish', () => {
      if (!metrics) return
      const result = res.locals.ingestResult as IngestResult | undefined
      if (result) {
        const outcome = result.duplicate ? 'duplicate' : 'stored'
        metrics.ingestBatches.inc({ outcome })
        metrics.ingestedOrders.inc({ outcome }, result.accepted)
        metrics.ingestBatchSeconds.observe((performance.now() - startedAt) / 1000)
      } else {
        metrics.ingestBatches.inc({ outcome: res.statusCode === 503 ? 'unavailable' : 'rejected' })
      }
    })
    next()
  }
  // A token already over its order rate is turned away before its body is read or parsed.
  const checkRate: RequestHandler = (_req, res, next) => {
    const waitSeconds = rateLimiter?.wait(res.locals.tokenId as string) ?? 0
    if (waitSeconds > 0) {
      return next(new ApiError(429, 'rate_limited', 'this token is over its order rate', undefined, waitSeconds))
    }
    next()
  }
  const checkHeaders: RequestHandler = (req, res, next) => {
    const format = bodyFormatOf(req.headers['content-type'])
    if (!format) {
      return next(new ApiError(415, 'unsupported_media_type', 'send application/json or application/x-ndjson'))
    }
    const key = req.headers['idempotency-key']
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key))) {
      return next(new ApiError(400, 'bad_request', 'Idempotency-Key must be 1–128 characters of A–Z a–z 0–9 . _ : -'))
    }
    const declared = Number(req.headers['content-length'])
    if (declared > maxBodyBytes) return next(new ApiError(413, 'payload_too_large', 'the body exceeds the size limit'))
    res.locals.format = format
    // The ticket is held until the answer is sent or the client goes away, whichever comes first;
    // a store slot is taken only once the body is read and checked (OrderIngest.store).
    const release = ingest.admit(res.locals.tokenId as string)
    res.on('close', release)
    next()
  }
  router.post(
    '/orders',
    countOutcome,
    requireToken(tokens, { openWhenEmpty: false, right: 'ingest' }),
    checkRate,
    checkHeaders,
    readOrderBody(maxBodyBytes, maxBatchOrders),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const batch = { body, format: res.locals.format, orders: res.locals.orderCount as number }
      const tokenId = res.locals.tokenId as string
      const waitSeconds = rateLimiter?.take(tokenId, batch.orders) ?? 0
      if (waitSeconds > 0) {
        throw new ApiError(429, 'rate_limited', 'this token is over its order rate', undefined, waitSeconds)
      }
      const key = req.headers['idempotency-key'] as string | undefined
      const abandoned = new AbortController()
      res.on('close', () => abandoned.abort())
      const batchKey = key === undefined ? undefined : `${tokenId}:${key}`
      const result = await ingest.store(batch, batchKey, { producer: tokenId, abandoned: abandoned.signal })
      res.locals.ingestResult = result
      res.json(result)
    },
  )
  return router
}
