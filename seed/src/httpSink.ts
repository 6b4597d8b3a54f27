/**
 * The HTTP sink: POSTs NDJSON batches to a GMV Pulse server's ingest API with the
 * batch's Idempotency-Key, and retries the way the API asks — after Retry-After on 429
 * and 503, with exponential backoff on network errors and other 5xx — always with the
 * same key, so a batch the server stored before the connection dropped is not stored twice.
 */
import { emptySinkStats, type LedgerEntry, type OrderSink, type SinkBatch, type SinkStats } from './orderSink.ts'
import { type Attempt, IngestError, sendWithRetries } from './sendWithRetries.ts'

export { IngestError }

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

export interface HttpSink extends OrderSink {
  readonly stats: SinkStats
}

/** A server's Retry-After is honoured up to this; longer waits are its way of saying "stop". */
const MAX_RETRY_AFTER_MS = 60_000

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

  async function attempt(batch: SinkBatch): Promise<Attempt> {
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
    send: (batch) =>
      sendWithRetries(
        batch,
        stats,
        { maxAttempts, backoffMs, maxBackoffMs, onAcknowledged: options.onAcknowledged, onRetry: options.onRetry },
        attempt,
      ),
  }
}
