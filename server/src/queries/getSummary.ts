import { type Filter, normaliseMoney, type Summary } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { innerRange } from './exactSource.ts'
import { filterClause, isUnfiltered } from './filterClause.ts'
import { EARLIEST_MS, LATEST_MS } from './minuteSource.ts'

export interface TimeRange {
  /** Epoch ms, inclusive; undefined for the beginning of time. */
  from?: number | undefined
  /** Epoch ms, exclusive; undefined for now and beyond. */
  to?: number | undefined
}

/**
 * GMV and orders under a filter within [from, to), exact to the fen.
 *
 * Whole buckets come from a rollup (per second when unfiltered, per minute otherwise);
 * the ragged edges of a range that does not start or end on a bucket are summed from
 * the raw table, which is ordered by time, so they cost a short range read. asOf is the
 * latest event time counted, read from raw rows of at most three short stretches.
 */
export async function getSummary(store: Store, filter: Filter, range: TimeRange): Promise<Summary> {
  const unfiltered = isUnfiltered(filter)
  const rollup = unfiltered
    ? { table: `${store.db}.orders_by_second`, bucket: 'second', seconds: 1 }
    : { table: `${store.db}.orders_by_minute`, bucket: 'minute', seconds: 60 }
  const where = filterClause(filter)
  const fromMs = range.from ?? EARLIEST_MS
  const toMs = range.to ?? LATEST_MS
  // Whole buckets inside [from, to); a range inside one bucket has none and reads raw rows only.
  const { innerFromMs, innerToMs } = innerRange(fromMs, toMs, rollup.seconds * 1000)
  const query = `
    WITH
      fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AS range_from,
      fromUnixTimestamp64Milli({toMs:Int64}, 'UTC') AS range_to,
      fromUnixTimestamp64Milli({innerFromMs:Int64}, 'UTC') AS inner_from,
      fromUnixTimestamp64Milli({innerToMs:Int64}, 'UTC') AS inner_to,
      (SELECT max(${rollup.bucket}) FROM ${rollup.table}
        WHERE ${rollup.bucket} >= inner_from AND ${rollup.bucket} < inner_to ${where.sql}) AS last_bucket
    SELECT
      toString(sum(gmv)) AS gmv_text,
      sum(orders) AS order_count,
      -- The latest order counted lies in the ragged tail, else in the last whole bucket, else in
      -- the ragged head; an empty part gives 1970, which greatest() passes over.
      greatest(
        (SELECT max(ts) FROM ${store.db}.orders WHERE ts >= inner_to AND ts < range_to ${where.sql}),
        (SELECT max(ts) FROM ${store.db}.orders
          WHERE ts >= toDateTime64(last_bucket, 3, 'UTC')
            AND ts < toDateTime64(last_bucket + ${rollup.seconds}, 3, 'UTC') ${where.sql}),
        (SELECT max(ts) FROM ${store.db}.orders WHERE ts >= range_from AND ts < inner_from ${where.sql})
      ) AS as_of
    FROM (
      SELECT sum(gmv) AS gmv, sum(orders) AS orders FROM ${rollup.table}
      WHERE ${rollup.bucket} >= inner_from AND ${rollup.bucket} < inner_to ${where.sql}
      UNION ALL
      SELECT sum(amount) AS gmv, count() AS orders FROM ${store.db}.orders
      WHERE ((ts >= range_from AND ts < inner_from) OR (ts >= inner_to AND ts < range_to)) ${where.sql}
    )`
  const [row] = await store.select<{ gmv_text: string; order_count: number; as_of: string }>(query, {
    ...where.params,
    fromMs,
    toMs,
    innerFromMs,
    innerToMs,
  })
  const orders = Number(row?.order_count ?? 0)
  return {
    gmv: normaliseMoney(row?.gmv_text ?? '0'),
    orders,
    asOf: orders > 0 && row ? clickhouseTimeToIso(row.as_of) : null,
  }
}

/** "2020-11-11 00:00:01.234" (UTC) → "2020-11-11T00:00:01.234Z". */
export function clickhouseTimeToIso(value: string): string {
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString()
}
