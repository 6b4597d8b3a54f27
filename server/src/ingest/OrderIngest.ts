import { isUtf8 } from 'node:buffer'
import { createHash, randomUUID } from 'node:crypto'
import type { IngestResult, Order } from '@gmv-pulse/shared'
import {
  findAcknowledgedBatch,
  type LedgerEntry,
  recordAcknowledgedBatch,
  sumsOfBatch,
} from '../clickhouse/ingestLedger.ts'
import { insertCheckedRows, insertOrderBody } from '../clickhouse/insertOrders.ts'
import { DIGEST_PREFIX, ONCE_TOKEN_PREFIX, PROBE_TOKEN_PREFIX } from '../clickhouse/orderIntake.ts'
import { isRowsRefused, type Store } from '../clickhouse/store.ts'
import { ApiError } from '../http/ApiError.ts'
import type { Logger } from '../logger.ts'
import { encodeOrderRows } from './encodeOrderRows.ts'
import { FairAdmission, RETRY_AFTER_SECONDS } from './FairAdmission.ts'
import { landingRows } from './landingRows.ts'
import { type BodyFormat, parseOrderBody } from './parseOrderBody.ts'
import { validateOrders } from './validateOrders.ts'

export interface OrderIngestOptions {
  fxRates: Readonly<Record<string, string>>
  maxBatchOrders: number
  maxInFlight: number
  maxPending: number
  maxPendingPerProducer: number
  /** Longer than this and the producer gets 503: it retries with its key, so a late success is harmless. */
  storeTimeoutMs: number
  /** Told of each batch written, by its road (a metric: how many batches miss the engine's fast road). */
  onWritten?: (road: 'landing' | 'converted') => void
}

/** A batch as it arrived: the decoded body, and its orders as counted while it was read. */
export interface OrderBatch {
  body: Buffer
  format: BodyFormat
  orders: number
}

/** A batch under a key already used by another batch. */
const otherBatchUnderKey = () =>
  new ApiError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was used for another batch; nothing of this one was stored. ' +
      'A retry must send the same batch; a new batch needs a new key.',
    [{ field: 'Idempotency-Key', message: 'already used for a different batch' }],
  )

/** Who stores a batch and when its requester has gone: a batch whose requester left gives up its place in line. */
export interface BatchOrigin {
  producer: string
  abandoned: AbortSignal
}

/** Batches that do not come through the HTTP route (the seed's store sink): one producer, never abandoned. */
const LOCAL: BatchOrigin = { producer: 'local', abandoned: new AbortController().signal }

/**
 * Stores order batches, once each. The engine parses and checks a batch on its way in
 * (clickhouse/orderIntake.ts): no JavaScript runs per order unless the engine refuses the
 * batch, and then the validator says why, row by row, or converts what the engine does not
 * read itself. Admission goes through FairAdmission: a ticket per request from its headers,
 * a store slot per batch once it is read, each producer served in turn; shutdown waits for
 * every request admitted.
 */
export class OrderIngest {
  readonly #admission: FairAdmission
  /** Batches being stored right now by key, so a concurrent retry waits instead of racing. */
  readonly #storing = new Map<string, Promise<IngestResult>>()

  constructor(
    private readonly orderStore: Store,
    private readonly options: OrderIngestOptions,
    private readonly logger: Logger,
  ) {
    this.#admission = new FairAdmission({
      slots: options.maxInFlight,
      maxPending: options.maxPending,
      maxPendingPerProducer: options.maxPendingPerProducer,
      maxWaitMs: options.storeTimeoutMs,
    })
  }

  /** Requests admitted and not yet answered. */
  get inFlight(): number {
    return this.#admission.pending
  }

  /** A ticket for a request at its headers, or 503 when the server or this producer holds its share. Returns its release. */
  admit(producer: string): () => void {
    return this.#admission.enter(producer)
  }

  /** Admits no more batches (503, retry elsewhere or later) and resolves when the last one admitted is answered. */
  close(): Promise<void> {
    return this.#admission.close()
  }

  /** Parses and validates a body; throws a 4xx ApiError naming every problem (up to the limit). */
  async validate(body: Buffer, format: BodyFormat): Promise<Order[]> {
    return validateOrders(await parseOrderBody(body, format, this.options.maxBatchOrders), {
      maxOrders: this.options.maxBatchOrders,
      currencies: this.options.fxRates,
    })
  }

  /**
   * Stores a batch once: a batch key already acknowledged, or being stored, answers duplicate —
   * for the same batch. Another batch under a used key is refused (422) and nothing of it is
   * stored: a producer whose counter restarted would otherwise lose its new orders.
   */
  async store(batch: OrderBatch, batchKey: string | undefined, origin = LOCAL): Promise<IngestResult> {
    const release = await this.#admission.slot(origin.producer, origin.abandoned)
    try {
      if (batchKey === undefined) {
        const { orders } = await this.#write(batch, `${ONCE_TOKEN_PREFIX}${randomUUID()}`)
        return { accepted: orders, duplicate: false }
      }
      for (let concurrent = this.#storing.get(batchKey); concurrent; concurrent = this.#storing.get(batchKey)) {
        await concurrent.catch(() => undefined)
      }
      // Claimed before anything is awaited, so a second request under this key waits for this one.
      const result = this.#storeOnce(batch, batchKey)
      this.#storing.set(batchKey, result)
      try {
        return await result
      } finally {
        this.#storing.delete(batchKey)
      }
    } finally {
      release()
    }
  }

  async #storeOnce(batch: OrderBatch, batchKey: string): Promise<IngestResult> {
    const acknowledged = await this.#guardStore(() => findAcknowledgedBatch(this.orderStore.live, batchKey))
    if (acknowledged) {
      if (!(await this.#isSameBatch(batch, acknowledged.digest))) throw otherBatchUnderKey()
      return { accepted: Number(acknowledged.orders), duplicate: true }
    }
    const stored = await this.#write(batch, batchKey)
    await this.#guardStore(() => recordAcknowledgedBatch(this.orderStore.live, batchKey, stored, Date.now()))
    return { accepted: stored.orders, duplicate: false }
  }

  /**
   * Writes a batch under a token: the engine parses and checks it; when it refuses, the
   * validator explains (400, nothing stored) or, where the batch is valid in a form the landing
   * does not read, writes it checked and converted into the same intake.
   */
  async #write(batch: OrderBatch, token: string): Promise<LedgerEntry> {
    const rows = batch.orders > 0 && isUtf8(batch.body) ? await landingRows(batch.body, batch.format) : undefined
    let landed = false
    if (rows !== undefined) {
      try {
        await this.#withinDeadline(() => insertOrderBody(this.orderStore, rows, batch.orders, token))
        landed = true
      } catch (error) {
        // Only a refusal of the rows takes the other road. A batch the store failed to take is
        // retried by its producer on this one: the engine drops a retry under its token only
        // where it comes the same way (each view's blocks are deduplicated along their path).
        if (!isRowsRefused(error)) return this.#storeFailed(error)
        this.logger.debug({ err: error }, 'the order landing refused a batch; validating it')
      }
    }
    if (!landed) {
      const orders = await this.validate(batch.body, batch.format)
      const { rows: checked } = await encodeOrderRows(orders, this.options.fxRates)
      await this.#guardStore(() => insertCheckedRows(this.orderStore, checked, token))
    }
    if (!token.startsWith(PROBE_TOKEN_PREFIX)) this.options.onWritten?.(landed ? 'landing' : 'converted')
    const sums = await this.#guardStore(() => sumsOfBatch(this.orderStore.live, token))
    // Only an empty body gets here with nothing stored (the validator refuses every other).
    if (sums === undefined) throw new ApiError(400, 'bad_request', 'the batch holds no orders')
    return sums
  }

  /** Whether a batch is the one acknowledged under its key with this digest. */
  async #isSameBatch(batch: OrderBatch, acknowledged: string): Promise<boolean> {
    // Acknowledged before digests were kept: nothing to compare, so taken at its word.
    if (acknowledged === '') return true
    if (acknowledged.startsWith(DIGEST_PREFIX)) {
      // Digested by the same views that digest a stored batch, under a token that stores nothing.
      const { digest } = await this.#write(batch, `${PROBE_TOKEN_PREFIX}${randomUUID()}`)
      return digest === acknowledged
    }
    // Acknowledged before the engine checked batches: a SHA-256 of the rows as the server encoded them.
    const { rows } = await encodeOrderRows(await this.validate(batch.body, batch.format), this.options.fxRates)
    return createHash('sha256').update(rows).digest('hex') === acknowledged
  }

  async #withinDeadline<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the store took longer than ${this.options.storeTimeoutMs} ms`)),
        this.options.storeTimeoutMs,
      )
    })
    try {
      return await Promise.race([operation(), deadline])
    } finally {
      clearTimeout(timer)
    }
  }

  /** A store failure is the producer's cue to retry with the same key: 503, never a 500. */
  async #guardStore<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.#withinDeadline(operation)
    } catch (error) {
      return this.#storeFailed(error)
    }
  }

  #storeFailed(error: unknown): never {
    this.logger.error({ err: error }, 'store write failed')
    throw new ApiError(
      503,
      'store_unavailable',
      'the store could not take the batch; retry with the same Idempotency-Key',
      undefined,
      RETRY_AFTER_SECONDS,
    )
  }
}
