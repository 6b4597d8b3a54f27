import type { Filter } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { filterClause } from './filterClause.ts'
import type { TimeRange } from './getSummary.ts'

/** Stand-ins for an open end of a range; DateTime (the rollups' type) ends in 2106. */
export const EARLIEST_MS = 0
export const LATEST_MS = Date.UTC(2100, 0, 1)

const MINUTE_MS = 60_000

/**
 * A FROM-clause subquery with one row per (minute, brand, category, channel, live room,
 * region, brand origin) under a filter and within [from, to), exact at any range: whole
 * minutes come from orders_by_minute, the ragged edges from the raw orders (a short
 * range read, the raw table being ordered by time). Columns: the dimensions, gmv, orders.
 * Parameters are prefixed so several sources can share one query.
 */
export function minuteSource(
  store: Store,
  filter: Filter,
  range: TimeRange,
  prefix = 'src',
): { sql: string; params: QueryParams } {
  const fromMs = range.from ?? EARLIEST_MS
  const toMs = range.to ?? LATEST_MS
  let innerFromMs = Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS
  let innerToMs = Math.floor(toMs / MINUTE_MS) * MINUTE_MS
  if (innerFromMs >= innerToMs) innerFromMs = innerToMs = toMs
  const where = filterClause(filter)
  const p = (name: string) => `{${prefix}_${name}:Int64}`
  const at = (name: string) => `fromUnixTimestamp64Milli(${p(name)}, 'UTC')`
  const sql = `(
    SELECT minute, brand, category, channel, live_room, region, brand_origin, gmv, orders
    FROM ${store.db}.orders_by_minute
    WHERE minute >= ${at('innerFrom')} AND minute < ${at('innerTo')} ${where.sql}
    UNION ALL
    SELECT toStartOfMinute(ts) AS minute, brand, category, channel, live_room, region, brand_origin,
      amount AS gmv, toUInt64(1) AS orders
    FROM ${store.db}.orders
    WHERE ((ts >= ${at('from')} AND ts < ${at('innerFrom')}) OR (ts >= ${at('innerTo')} AND ts < ${at('to')})) ${where.sql}
  )`
  return {
    sql,
    params: {
      ...where.params,
      [`${prefix}_from`]: fromMs,
      [`${prefix}_to`]: toMs,
      [`${prefix}_innerFrom`]: innerFromMs,
      [`${prefix}_innerTo`]: innerToMs,
    },
  }
}
