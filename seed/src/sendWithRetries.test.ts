import { describe, expect, test } from 'vitest'
import { emptySinkStats, type LedgerEntry, type SinkBatch } from './orderSink.ts'
import { type Attempt, IngestError, sendWithRetries } from './sendWithRetries.ts'

const batch: SinkBatch = { key: 'b-1', ndjson: new Uint8Array(0), orderCount: 3, gmvFen: 1234 }
const policy = { maxAttempts: 4, backoffMs: 1, maxBackoffMs: 4 }
const busy: Attempt = { ok: false, error: new IngestError('503 store_unavailable', 503, true), waitMs: 1 }

/** Answers each try in turn, and remembers how many were made. */
function answers(...sequence: Attempt[]) {
  const calls: SinkBatch[] = []
  return {
    calls,
    attempt: async (sent: SinkBatch) => {
      calls.push(sent)
      return sequence[calls.length - 1] as Attempt
    },
  }
}

describe('sending a batch with retries', () => {
  test('a busy store is retried with the same batch until it is stored, and the ledger says how many tries', async () => {
    const stats = emptySinkStats()
    const ledger: LedgerEntry[] = []
    const { calls, attempt } = answers(busy, busy, { ok: true, accepted: 3, duplicate: true })
    await sendWithRetries(batch, stats, { ...policy, onAcknowledged: (entry) => ledger.push(entry) }, attempt)
    expect(calls).toEqual([batch, batch, batch])
    expect(stats).toMatchObject({
      sentBatches: 1,
      acknowledgedBatches: 1,
      duplicateBatches: 1,
      retries: 2,
      failedBatches: 0,
    })
    expect(ledger).toEqual([{ key: 'b-1', orders: 3, gmv: '12.34', accepted: 3, duplicate: true, attempts: 3 }])
  })

  test('a refused batch is not sent again', async () => {
    const stats = emptySinkStats()
    const refused: Attempt = { ok: false, error: new IngestError('400 invalid_orders', 400, false), waitMs: null }
    const { calls, attempt } = answers(refused)
    await expect(sendWithRetries(batch, stats, policy, attempt)).rejects.toThrow('400 invalid_orders')
    expect(calls).toHaveLength(1)
    expect(stats).toMatchObject({ failedBatches: 1, failedOrders: 3, retries: 0 })
  })

  test('a store busy for longer than the attempts allow ends in the last error', async () => {
    const stats = emptySinkStats()
    const { calls, attempt } = answers(busy, busy, busy, busy, busy)
    await expect(sendWithRetries(batch, stats, policy, attempt)).rejects.toThrow('503 store_unavailable')
    expect(calls).toHaveLength(4)
    expect(stats).toMatchObject({ failedBatches: 1, retries: 3 })
  })
})
