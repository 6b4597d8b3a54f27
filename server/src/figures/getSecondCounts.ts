import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

export interface SecondCount {
  /** Epoch ms of the second's start. */
  second: number
  orders: number
  gmv: string
}

/**
 * Orders and GMV per second in a short range, sparse (seconds without orders are absent).
 * Read wherever the planner keeps seconds for the filter (every order's, or a brand's); under
 * any other filter from raw rows, which is why callers keep the range to a few minutes (the
 * wall's orders/s line) or to what arrived since a tick.
 */
export async function getSecondCounts(store: Store, filter: Filter, range: Range): Promise<SecondCount[]> {
  const source = sourceFor(store, filter, range, { grains: ['second'] })
  const rows = await store.select<{ second_ms: number; order_count: number; gmv_text: string }>(
    `SELECT toUnixTimestamp(toStartOfSecond(t)) * 1000 AS second_ms, sum(orders) AS order_count, toString(sum(gmv)) AS gmv_text
     FROM (${source.sql})
     GROUP BY second_ms ORDER BY second_ms`,
    source.params,
  )
  return rows.map((row) => ({ second: Number(row.second_ms), orders: Number(row.order_count), gmv: row.gmv_text }))
}
