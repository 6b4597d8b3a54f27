import type { Store } from '../clickhouse/store.ts'
import type { Range } from './timeRange.ts'

/**
 * How far the data reaches in [from, to): the latest event time stored there, whatever the
 * filter (a brand's figure is complete up to it even when the brand's last order is older),
 * or null when the range holds no order. The raw table is ordered by event time, so reading it
 * backwards from the range's end touches one granule, however many orders are stored.
 */
export async function getAsOf(store: Store, range: Range): Promise<string | null> {
  const [row] = await store.select<{ as_of_ms: number }>(
    `SELECT toUnixTimestamp64Milli(ts) AS as_of_ms FROM ${store.db}.orders
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
     ORDER BY ts DESC LIMIT 1
     SETTINGS optimize_read_in_order = 1`,
    { fromMs: range.fromMs, toMs: range.toMs },
  )
  return row ? new Date(Number(row.as_of_ms)).toISOString() : null
}
