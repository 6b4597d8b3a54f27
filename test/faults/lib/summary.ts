import { fromFen, type Summary, summarySchema } from '@gmv-pulse/shared'
import type { PlannedBatch } from './faultBatches.ts'

/**
 * GET /api/v1/summary with these parameters, checked against the shared schema. Asked for a
 * hundred at once, the server answers some 503 + Retry-After (its analysts' pool is full): like
 * any client, this one waits as told and asks again, a bounded number of times.
 */
export async function summary(url: string, params: Record<string, string | number> = {}): Promise<Summary> {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${url}/api/v1/summary?${query}`)
    const retryAfter = Number(response.headers.get('retry-after'))
    if (response.status === 503 && retryAfter > 0 && attempt < 30) {
      await response.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000))
      continue
    }
    if (!response.ok) throw new Error(`summary ${query}: ${response.status} ${await response.text()}`)
    return summarySchema.parse(await response.json())
  }
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
