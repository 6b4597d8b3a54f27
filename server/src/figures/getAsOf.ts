import type { Store } from '../clickhouse/store.ts'
import { keptPerStore, stillKnown } from './keptPerStore.ts'
import type { Range } from './timeRange.ts'

/**
 * The latest event time found, per store and range. Orders are only ever added, so the latest
 * one only moves forward: a later question reads only from it on — the newest part or two,
 * where a read of the whole range touches the last granule of every part (30 of them at a
 * billion orders). Read in full again after KNOWN_FOR_MS, as getPeak does.
 */
interface KnownAsOf {
  asOfMs: number
  readAt: number
}
const keptAsOf = keptPerStore<{ known?: KnownAsOf }>(64)

/**
 * How far the data reaches in [from, to): the latest event time stored there, whatever the
 * filter (a brand's figure is complete up to it even when the brand's last order is older),
 * or null when the range holds no order. The raw table is ordered by event time, so reading it
 * backwards from the range's end touches one granule per part it reads.
 */
export async function getAsOf(store: Store, range: Range): Promise<string | null> {
  const kept = keptAsOf(store, `${range.fromMs}:${range.toMs}`, () => ({}))
  const before = kept.known
  const fresh = before !== undefined && stillKnown(before.readAt)
  const [row] = await store.select<{ as_of_ms: number }>(
    `SELECT toUnixTimestamp64Milli(ts) AS as_of_ms FROM ${store.db}.orders
     WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
     ORDER BY ts DESC LIMIT 1
     SETTINGS optimize_read_in_order = 1`,
    { fromMs: fresh ? before.asOfMs : range.fromMs, toMs: range.toMs },
  )
  const found = row ? Number(row.as_of_ms) : null
  const asOfMs = fresh ? Math.max(before.asOfMs, found ?? before.asOfMs) : found
  if (asOfMs !== null) kept.known = { asOfMs, readAt: fresh ? before.readAt : Date.now() }
  return asOfMs === null ? null : new Date(asOfMs).toISOString()
}
