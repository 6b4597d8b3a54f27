import { fromFen, type Summary, summarySchema } from '@gmv-pulse/shared'
import type { PlannedBatch } from './faultBatches.ts'

/** GET /api/v1/summary with these parameters, checked against the shared schema. */
export async function summary(url: string, params: Record<string, string | number> = {}): Promise<Summary> {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))
  const response = await fetch(`${url}/api/v1/summary?${query}`)
  if (!response.ok) throw new Error(`summary ${query}: ${response.status} ${await response.text()}`)
  return summarySchema.parse(await response.json())
}

export interface BatchCounts {
  key: string
  raw: { orders: number; gmv: string }
  minuteRollup: { orders: number; gmv: string }
  secondRollup: { orders: number; gmv: string }
}

/**
 * One batch as each table holds it, read through the API. A range strictly inside the
 * batch's minute, with ragged ends, is summed from raw rows; the brand alone comes from the
 * minute rollup; the same range unfiltered comes from the second rollup (its whole seconds).
 */
export async function batchCounts(url: string, batch: PlannedBatch): Promise<BatchCounts> {
  const inside = { from: batch.minuteMs + 1, to: batch.minuteMs + 59_999 }
  const pick = ({ orders, gmv }: Summary) => ({ orders, gmv })
  const [raw, minuteRollup, secondRollup] = await Promise.all([
    summary(url, { brand: batch.brand, ...inside }),
    summary(url, { brand: batch.brand }),
    summary(url, inside),
  ])
  return { key: batch.key, raw: pick(raw), minuteRollup: pick(minuteRollup), secondRollup: pick(secondRollup) }
}

/** What batchCounts must read for a batch stored exactly once. */
export function exactlyOnce(batch: PlannedBatch): BatchCounts {
  const once = { orders: batch.orders, gmv: fromFen(BigInt(batch.gmvFen)) }
  return { key: batch.key, raw: once, minuteRollup: once, secondRollup: once }
}
