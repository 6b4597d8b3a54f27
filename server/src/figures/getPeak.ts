import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { isUnfiltered } from '../queries/filterClause.ts'
import { keptPerStore, stillKnown } from './keptPerStore.ts'
import type { Range } from './timeRange.ts'

export interface Peak {
  ordersPerSecond: number
  /** Epoch ms of the busiest second; the earliest one on a tie. */
  at: number | null
}

/**
 * A peak found, per store and range: the busiest second before `cutMs`. Seconds are history
 * once their orders have landed, so a later question reads only the seconds from there on
 * (RECENT_MS before the newest second seen, where a batch in flight may still land). Read in
 * full again after KNOWN_FOR_MS, so late orders older than that count within minutes.
 */
interface KnownPeak {
  peak: Peak
  cutMs: number
  readAt: number
}
const RECENT_MS = 10_000
const keptPeaks = keptPerStore<{ known?: KnownPeak }>(16)

/**
 * The busiest whole second in [from, to), from the per-second rollup (≈ 950,000 rows for the
 * eleven days, read once; afterwards only the seconds since). Only for the whole campaign: a
 * per-second rollup under every filter would be as large as the raw table (seconds × 40
 * categories × 45 regions …), so a filtered view has no peak (null) rather than one that scans
 * every order.
 */
export async function getPeak(store: Store, filter: Filter, range: Range): Promise<Peak | null> {
  if (!isUnfiltered(filter)) return null
  const kept = keptPeaks(store, `${range.fromMs}:${range.toMs}`, () => ({}))
  const before = kept.known
  const fresh = before !== undefined && stillKnown(before.readAt)
  const fromMs = fresh ? before.cutMs : range.fromMs
  const [row] = await store.select<{ at: number; order_count: number; newest: number }>(
    // FINAL merges on read the parts not yet merged, in the table's own order: no hash table of
    // a million seconds, as GROUP BY second would build.
    `SELECT toUnixTimestamp(second) * 1000 AS at, orders AS order_count,
       max(toUnixTimestamp(second) * 1000) OVER () AS newest
     FROM ${store.db}.orders_by_second FINAL
     WHERE second >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
       AND second + 1 <= fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
     ORDER BY order_count DESC, second LIMIT 1`,
    { fromMs, toMs: range.toMs },
  )
  const found: Peak = row
    ? { ordersPerSecond: Number(row.order_count), at: Number(row.at) }
    : { ordersPerSecond: 0, at: null }
  // The earlier second wins a tie: the one known is earlier than any read after it.
  const peak = fresh && before.peak.ordersPerSecond >= found.ordersPerSecond ? before.peak : found
  const newest = row ? Number(row.newest) : fromMs
  kept.known = { peak, cutMs: Math.max(fromMs, newest - RECENT_MS), readAt: fresh ? before.readAt : Date.now() }
  return { ...peak }
}
