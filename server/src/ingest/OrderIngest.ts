import { createHash } from 'node:crypto'
import { fromFen, type IngestResult, type Order } from '@gmv-pulse/shared'
import { findAcknowledgedBatch, recordAcknowledgedBatch } from '../clickhouse/ingestLedger.ts'
import { insertOrders } from '../clickhouse/insertOrders.ts'
import type { Store } from '../clickhouse/store.ts'
import { ApiError } from '../http/ApiError.ts'
import type { Logger } from '../logger.ts'
import { encodeOrderRows } from './encodeOrderRows.ts'
import { FairAdmission, RETRY_AFTER_SECONDS } from './FairAdmission.ts'
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
}

type EncodedRows = Awaited<ReturnType<typeof encodeOrderRows>>

/** A batch under a key already used by another batch (digests differ; an empty one is from before digests were kept). */
function refuseOtherBatch(known: string, digest: string): void {
  if (known === '' || known === digest) return
  throw new ApiError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was used for another batch; nothing of this one was stored. ' +
      'A retry must send the same batch; a new batch needs a new key.',
    [{ field: 'Idempotency-Key', message: 'already used for a different batch' }],
  )
}

/** Who stores a batch and when its requester has gone: a batch whose requester left gives up its place in line. */
export interface BatchOrigin {
  producer: string
  abandoned: AbortSignal
}

/** Batches that do not come through the HTTP route (the seed's store sink): one producer, never abandoned. */
const LOCAL: BatchOrigin = { producer: 'local', abandoned: new AbortController().signal }

/**
 * Parses, validates and stores order batches, once each. Admission goes through FairAdmission:
 * a ticket per request from its headers, a store slot per batch once it is read and checked,
 * each producer served in turn; shutdown waits for every request admitted.
 */
export class OrderIngest {
  readonly #admission: FairAdmission
  /** Batches being stored right now by key, so a concurrent retry waits instead of racing. */
  readonly #storing = new Map<string, { result: Promise<IngestResult>; digest: string }>()

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
   * Stores a validated batch once: a batch key already acknowledged, or being stored, answers
   * duplicate — for the same batch. Another batch under a used key is refused (422) and nothing
   * of it is stored: a producer whose counter restarted would otherwise lose its new orders.
   */
  async store(orders: readonly Order[], batchKey: string | undefined, origin = LOCAL): Promise<IngestResult> {
    const release = await this.#admission.slot(origin.producer, origin.abandoned)
    try {
      return await this.#storeInSlot(orders, batchKey)
    } finally {
      release()
    }
  }

  async #storeInSlot(orders: readonly Order[], batchKey: string | undefined): Promise<IngestResult> {
    const encoded = await encodeOrderRows(orders, this.options.fxRates)
    if (batchKey === undefined) return this.#store(orders.length, encoded, undefined)
    // The batch as stored, in canonical rows (CNY, UTC, every column in order), digested.
    const digest = createHash('sha256').update(encoded.rows).digest('hex')
    const concurrent = this.#storing.get(batchKey)
    if (concurrent) {
      refuseOtherBatch(concurrent.digest, digest)
      return { ...(await concurrent.result), duplicate: true }
    }
    const result = this.#storeOnce(orders.length, encoded, batchKey, digest)
    this.#storing.set(batchKey, { result, digest })
    try {
      return await result
    } finally {
      this.#storing.delete(batchKey)
    }
  }

  async #storeOnce(count: number, encoded: EncodedRows, batchKey: string, digest: string): Promise<IngestResult> {
    const acknowledged = await this.#guardStore(() => findAcknowledgedBatch(this.orderStore, batchKey))
    if (acknowledged) {
      refuseOtherBatch(acknowledged.digest, digest)
      return { accepted: Number(acknowledged.orders), duplicate: true }
    }
    return this.#store(count, encoded, { batchKey, digest })
  }

  async #store(
    count: number,
    { rows, gmvFen }: EncodedRows,
    key: { batchKey: string; digest: string } | undefined,
  ): Promise<IngestResult> {
    await this.#guardStore(() => insertOrders(this.orderStore, rows, key?.batchKey))
    if (key !== undefined) {
      const entry = { orders: count, gmv: fromFen(BigInt(gmvFen)), digest: key.digest }
      await this.#guardStore(() => recordAcknowledgedBatch(this.orderStore, key.batchKey, entry, Date.now()))
    }
    return { accepted: count, duplicate: false }
  }

  /** A store failure is the producer's cue to retry with the same key: 503, never a 500. */
  async #guardStore<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the store took longer than ${this.options.storeTimeoutMs} ms`)),
        this.options.storeTimeoutMs,
      )
    })
    try {
      return await Promise.race([operation(), deadline])
    } catch (error) {
      this.logger.error({ err: error }, 'store write failed')
      throw new ApiError(
        503,
        'store_unavailable',
        'the store could not take the batch; retry with the same Idempotency-Key',
        undefined,
        RETRY_AFTER_SECONDS,
      )
    } finally {
      clearTimeout(timer)
    }
  }
}
