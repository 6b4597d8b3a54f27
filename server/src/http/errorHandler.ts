import type { ErrorRequestHandler, RequestHandler } from 'express'
import { QueryTooBroadError, StoreUnavailableError } from '../clickhouse/store.ts'
import type { Logger } from '../logger.ts'
import { ApiError } from './ApiError.ts'

/** Body-parser and http-errors failures carry a status and a type; map the ones a client can cause. */
function fromFrameworkError(error: unknown): ApiError | undefined {
  if (error instanceof StoreUnavailableError) {
    return new ApiError(503, 'store_unavailable', 'the store is not answering; retry shortly', undefined, 1)
  }
  if (error instanceof QueryTooBroadError) return new ApiError(422, 'too_broad', error.message)
  if (typeof error !== 'object' || error === null) return undefined
  const { status, type } = error as { status?: number; type?: string }
  if (type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'the body exceeds the size limit')
  if (type === 'request.aborted') return new ApiError(400, 'bad_request', 'the request was aborted')
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ApiError(415, 'unsupported_media_type', 'the body encoding is not supported')
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'bad_request', 'the request could not be read')
  }
  return undefined
}

/** Every error leaves as the one error shape; anything unexpected is logged and answered 500 without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const apiError =
      error instanceof ApiError
        ? error
        : (fromFrameworkError(error) ?? new ApiError(500, 'internal', 'an unexpected error occurred'))
    if (apiError.status >= 500 && !(error instanceof ApiError)) {
      // The store's own failures are logged once, here, with the cause for the operator.
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed')
    }
    if (res.headersSent) return
    if (apiError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(apiError.retryAfterSeconds))
    res.status(apiError.status).json(apiError.toBody())
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route for ${req.method} ${req.path}`))
}
