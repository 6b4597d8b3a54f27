/**
 * The HTTP sink: POSTs NDJSON batches to a GMV Pulse server's ingest API with the
 * batch's Idempotency-Key, and retries the way the API asks — after Retry-After on 429
 * and 503, with exponential backoff on network errors and other 5xx — always with the
 * same key, so a batch the server stored before the connection dropped is not stored twice.
 */
import { fromFen } from '@gmv-pulse/shared'
import { emptySinkStats, type LedgerEntry, type OrderSink, type SinkBatch, type SinkStats } from './orderSink.ts'

export interface HttpSinkOptions {
  /** Server base URL, e.g. http://localhost:3000. */
  url: string
  token: string
  /** Attempts per batch before giving up (the first try included). */
  maxAttempts?: number
  /** First backoff; doubles per attempt up to maxBackoffMs, with jitter so producers do not retry in step. */
  backoffMs?: number
  maxBackoffMs?: number
  /** A 100,000-order batch is about 20 MB; 60 s leaves room for a slow store behind a slow link. */
  timeoutMs?: number
  onAcknowledged?: (entry: LedgerEntry) => void
  onRetry?: (info: { key: string; attempt: number; reason: string; waitMs: number }) => void
}

export class IngestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'IngestError'
  }
}

export interface HttpSink extends OrderSink {
  readonly stats: SinkStats
}

/** A server's Retry-After is honoured up to this; longer waits are its way of saying "stop". */
const MAX_RETRY_AFTER_MS = 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS)
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { error?: { message?: string; code?: string } }
    if (body.error?.message) return `${response.status} ${body.error.code ?? ''}: ${body.error.message}`.trim()
  } catch {
    // Not the API's error shape (a proxy's HTML page, say): show the start of it.
  }
  return `${response.status} ${text.slice(0, 200)}`.trim()
}

export function createHttpSink(options: HttpSinkOptions): HttpSink {
  const endpoint = new URL('/api/v1/orders', options.url).toString()
  const maxAttempts = options.maxAttempts ?? 8
  const backoffMs = options.backoffMs ?? 250
  const maxBackoffMs = options.maxBackoffMs ?? 10_000
  const timeoutMs = options.timeoutMs ?? 60_000
  const stats = emptySinkStats()

  async function attempt(
    batch: SinkBatch,
  ): Promise<
    { ok: true; accepted: number; duplicate: boolean } | { ok: false; error: IngestError; waitMs: number | null }
  > {
    let response: Response
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': batch.key,
        },
        body: batch.ndjson,
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (cause) {
      const reason =
        cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)
      return { ok: false, error: new IngestError(`network error: ${reason}`, null, true), waitMs: null }
    }
    if (response.ok) {
      const body = (await response.json()) as { accepted?: number; duplicate?: boolean }
      return { ok: true, accepted: body.accepted ?? batch.orderCount, duplicate: body.duplicate === true }
    }
    const message = await errorMessage(response)
    const status = response.status
    if (status === 429 || status === 503) {
      return {
        ok: false,
        error: new IngestError(message, status, true),
        waitMs: retryAfterMs(response.headers.get('retry-after')),
      }
    }
    // 400 invalid, 401 bad token, 413 too large, 415 wrong type: the same request will fail again.
    return { ok: false, error: new IngestError(message, status, status >= 500 || status === 408), waitMs: null }
  }

  return {
    stats,
    async send(batch) {
      stats.sentBatches++
      stats.sentOrders += batch.orderCount
      for (let attemptNumber = 1; ; attemptNumber++) {
        const result = await attempt(batch)
        if (result.ok) {
          stats.acknowledgedBatches++
          stats.acknowledgedOrders += batch.orderCount
          stats.acknowledgedGmvFen += batch.gmvFen
          if (result.duplicate) stats.duplicateBatches++
          options.onAcknowledged?.({
            key: batch.key,
            orders: batch.orderCount,
            gmv: fromFen(BigInt(batch.gmvFen)),
            accepted: result.accepted,
            duplicate: result.duplicate,
            attempts: attemptNumber,
          })
          return
        }
        if (!result.error.retryable || attemptNumber >= maxAttempts) {
          stats.failedBatches++
          stats.failedOrders += batch.orderCount
          throw result.error
        }
        const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** (attemptNumber - 1))
        const waitMs = result.waitMs ?? backoff / 2 + Math.random() * (backoff / 2)
        stats.retries++
        options.onRetry?.({ key: batch.key, attempt: attemptNumber, reason: result.error.message, waitMs })
        await sleep(waitMs)
      }
    },
  }
}
