import type { Store } from '../clickhouse/store.ts'
import { ceilTo, floorTo } from './grains.ts'
import type { Range } from './timeRange.ts'

/**
 * How far the data reaches in [from, to): the latest event time stored there, whatever the
 * filter (a brand's figure is complete up to it even when the brand's last order is older),
 * or null when the range holds no order. The latest second comes from the per-second rollup;
 * raw rows are read only within that second and at the range's ragged edges, each under a second.
 */
export async function getAsOf(store: Store, range: Range): Promise<string | null> {
  const tz = store.layout.timeZone
  const innerFromMs = Math.min(ceilTo('second', range.fromMs, tz), range.toMs)
  const innerToMs = Math.max(floorTo('second', range.toMs, tz), innerFromMs)
  const [row] = await store.select<{ as_of_ms: number }>(
    `WITH
       fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AS range_from,
       fromUnixTimestamp64Milli({toMs:Int64}, 'UTC') AS range_to,
       fromUnixTimestamp64Milli({innerFromMs:Int64}, 'UTC') AS inner_from,
       fromUnixTimestamp64Milli({innerToMs:Int64}, 'UTC') AS inner_to,
       (SELECT max(second) FROM ${store.db}.orders_by_second WHERE second >= inner_from AND second < inner_to) AS last_second
     SELECT
       toUnixTimestamp64Milli(greatest(
         (SELECT max(ts) FROM ${store.db}.orders WHERE ts >= inner_to AND ts < range_to),
         (SELECT max(ts) FROM ${store.db}.orders
           WHERE ts >= toDateTime64(last_second, 3, 'UTC') AND ts < toDateTime64(last_second + 1, 3, 'UTC')
             AND ts >= range_from AND ts < range_to),
         (SELECT max(ts) FROM ${store.db}.orders WHERE ts >= range_from AND ts < inner_from)
       )) AS as_of_ms`,
    { fromMs: range.fromMs, toMs: range.toMs, innerFromMs, innerToMs },
  )
  // An empty range gives 1970 (the max of nothing), which no stored order can have.
  return row && Number(row.as_of_ms) > 0 ? new Date(Number(row.as_of_ms)).toISOString() : null
}
