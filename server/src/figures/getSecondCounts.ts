import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { filterClause, isUnfiltered } from '../queries/filterClause.ts'
import type { Range } from './timeRange.ts'

export interface SecondCount {
  /** Epoch ms of the second's start. */
  second: number
  orders: number
  gmv: string
}

/**
 * Orders and GMV per second in a short range, sparse (seconds without orders are absent).
 * Unfiltered from the per-second rollup; under a filter from raw rows, which is why callers
 * keep the range to a few minutes (the wall's orders/s line) or to what arrived since a tick.
 */
export async function getSecondCounts(store: Store, filter: Filter, range: Range): Promise<SecondCount[]> {
  const where = filterClause(filter)
  const query = isUnfiltered(filter)
    ? `SELECT toUnixTimestamp(second) * 1000 AS second_ms, sum(orders) AS order_count, toString(sum(gmv)) AS gmv_text
       FROM ${store.db}.orders_by_second
       WHERE second >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND second < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
       GROUP BY second ORDER BY second`
    : `SELECT toUnixTimestamp(toStartOfSecond(ts)) * 1000 AS second_ms, count() AS order_count, toString(sum(amount)) AS gmv_text
       FROM ${store.db}.orders
       WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
         ${where.sql}
       GROUP BY second_ms ORDER BY second_ms`
  const rows = await store.select<{ second_ms: number; order_count: number; gmv_text: string }>(query, {
    ...where.params,
    fromMs: range.fromMs,
    toMs: range.toMs,
  })
  return rows.map((row) => ({ second: Number(row.second_ms), orders: Number(row.order_count), gmv: row.gmv_text }))
}
