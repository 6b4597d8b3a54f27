import type { Readable, Transform } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { RequestHandler } from 'express'
import { ApiError } from '../http/ApiError.ts'
import { OrderCounter } from './OrderCounter.ts'
import { type BodyFormat, tooManyOrders } from './parseOrderBody.ts'

/** The Content-Encodings a producer may compress its batch with. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

/**
 * Reads an order body into `req.body` (one Buffer, decoded), refusing it as soon as it passes
 * the size limit — decoded, so a compression bomb stops at the limit — or holds more orders
 * than a batch may (OrderCounter). In place of express.raw, which hands the body over only
 * once it is whole: 60 MB take about a second to arrive here, and the answer to a body of
 * twenty million empty objects is known after its first few hundred kilobytes. The answer goes
 * out at once; the rest of the body is read and dropped, neither kept nor parsed, so the
 * producer gets the answer rather than a reset connection, which it would retry.
 */
export function readOrderBody(maxBytes: number, maxOrders: number): RequestHandler {
  return (req, res, next) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
    const decoder = encoding === 'identity' ? undefined : DECODERS[encoding]
    if (encoding !== 'identity' && !decoder) {
      req.resume()
      return next(new ApiError(415, 'unsupported_media_type', 'the body encoding is not supported'))
    }
    const source: Readable = decoder ? req.pipe(decoder()) : req
    const counter = new OrderCounter(res.locals.format as BodyFormat, maxOrders)
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (error?: ApiError) => {
      if (settled) return
      settled = true
      source.off('data', onData).off('end', onEnd).off('error', onError)
      req.off('close', onClose)
      if (!error) {
        req.body = Buffer.concat(chunks, size)
        res.locals.orderCount = counter.count
        return next()
      }
      chunks.length = 0
      if (source !== req) {
        req.unpipe(source as Transform)
        source.destroy()
      }
      req.resume()
      res.setHeader('Connection', 'close')
      next(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return settle(new ApiError(413, 'payload_too_large', 'the body exceeds the size limit'))
      if (counter.feed(chunk)) return settle(tooManyOrders(maxOrders))
      chunks.push(chunk)
    }
    const onEnd = () => settle()
    const onError = () =>
      settle(
        source === req
          ? new ApiError(400, 'bad_request', 'the request was aborted')
          : new ApiError(400, 'bad_request', `the body is not valid ${encoding}`),
      )
    const onClose = () => {
      if (!req.complete) settle(new ApiError(400, 'bad_request', 'the request was aborted'))
    }
    source.on('data', onData).on('end', onEnd).on('error', onError)
    req.on('close', onClose)
  }
}
