import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { isUnfiltered } from '../queries/filterClause.ts'
import type { Range } from './timeRange.ts'

export interface Peak {
  ordersPerSecond: number
  /** Epoch ms of the busiest second; the earliest one on a tie. */
  at: number | null
}

/**
 * The busiest whole second in [from, to), from the per-second rollup (≈ 950,000 rows for the
 * eleven days). Only for the whole campaign: a per-second rollup under every filter would be
 * as large as the raw table (seconds × 40 categories × 45 regions …), so a filtered view has
 * no peak (null) rather than one that scans every order.
 */
export async function getPeak(store: Store, filter: Filter, range: Range): Promise<Peak | null> {
  if (!isUnfiltered(filter)) return null
  const [row] = await store.select<{ at: number; order_count: number }>(
    // FINAL merges on read the parts not yet merged, in the table's own order: no hash table of
    // a million seconds, as GROUP BY second would build.
    `SELECT toUnixTimestamp(second) * 1000 AS at, orders AS order_count
     FROM ${store.db}.orders_by_second FINAL
     WHERE second >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
       AND second + 1 <= fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
     ORDER BY order_count DESC, second LIMIT 1`,
    { fromMs: range.fromMs, toMs: range.toMs },
  )
  return row ? { ordersPerSecond: Number(row.order_count), at: Number(row.at) } : { ordersPerSecond: 0, at: null }
}
