import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { filterClause, isUnfiltered } from './filterClause.ts'
import type { TimeRange } from './getSummary.ts'
import { EARLIEST_MS, LATEST_MS } from './minuteSource.ts'

export interface Peak {
  ordersPerSecond: number
  /** Epoch ms of the busiest second; the earliest one on a tie. */
  at: number | null
}

/** The busiest second in a range under a filter (unfiltered: from the per-second rollup). */
export async function getPeakOrdersPerSecond(store: Store, filter: Filter, range: TimeRange): Promise<Peak> {
  const where = filterClause(filter)
  const query = isUnfiltered(filter)
    ? `SELECT toUnixTimestamp(second) * 1000 AS at, sum(orders) AS order_count
       FROM ${store.db}.orders_by_second
       WHERE second >= toStartOfSecond(fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC'))
         AND second < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
       GROUP BY second ORDER BY order_count DESC, second LIMIT 1`
    : `SELECT toUnixTimestamp(toStartOfSecond(ts)) * 1000 AS at, count() AS order_count
       FROM ${store.db}.orders
       WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
         ${where.sql}
       GROUP BY at ORDER BY order_count DESC, at LIMIT 1`
  const [row] = await store.select<{ at: number; order_count: number }>(query, {
    ...where.params,
    fromMs: range.from ?? EARLIEST_MS,
    toMs: range.to ?? LATEST_MS,
  })
  return row ? { ordersPerSecond: Number(row.order_count), at: Number(row.at) } : { ordersPerSecond: 0, at: null }
}
