import { createRandom } from '@gmv-pulse/seed'
/**
 * The fault test's batches: batch i holds its own brand and its own minute of event time,
 * so the summary API can count each batch alone in the raw table (a sub-minute range of
 * the brand), the minute rollup (the brand) and the second rollup (the minute, unfiltered).
 */

/** 2020-11-11 00:00 China time, a minute boundary. */
export const FAULT_BASE_MS = Date.UTC(2020, 10, 10, 16, 0, 0)

export interface PlannedBatch {
  index: number
  key: string
  brand: string
  /** Start of the batch's minute (epoch ms); its orders fall in the 11th second of it. */
  minuteMs: number
  orders: number
  /** Exact GMV in fen, summed by the producer as it wrote the amounts. */
  gmvFen: number
}

/** One ledger line: every batch is planned first, then acknowledged as the server answers 200. */
export type LedgerLine =
  | ({ type: 'planned' } & PlannedBatch)
  | { type: 'acknowledged'; key: string; duplicate: boolean; attempts: number; atMs: number }
  | { type: 'started'; atMs: number }

export function makeFaultBatch(runId: string, index: number, size: number): { plan: PlannedBatch; ndjson: string } {
  // Seeded by the batch index: the same batch every run.
  const random = createRandom(index + 1).next
  const brand = `fault-${runId}-${index}`
  const minuteMs = FAULT_BASE_MS + index * 60_000
  let gmvFen = 0
  const lines: string[] = []
  for (let k = 0; k < size; k++) {
    const fen = 1 + Math.floor(random() * 500_000)
    gmvFen += fen
    lines.push(
      JSON.stringify({
        orderId: `${runId}-${index}-${k}`,
        ts: minuteMs + 10_000 + (k % 1000),
        amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
        brand,
        category: 'Beauty',
        channel: 'search',
        region: 'CN-ZJ',
      }),
    )
  }
  return {
    plan: { index, key: `${runId}.batch.${index}`, brand, minuteMs, orders: size, gmvFen },
    ndjson: lines.join('\n'),
  }
}
