import type { Filter } from '@gmv-pulse/shared'
import type { QueryParams } from '../clickhouse/store.ts'
import { filterClause, isUnfiltered } from './filterClause.ts'

export interface ExactSourceOptions {
  db: string
  filter: Filter
  /** Epoch ms, [fromMs, toMs). */
  fromMs: number
  toMs: number
  /** Columns to carry (from DIMENSION_COLUMNS or brand_origin only, never user input). */
  columns?: readonly string[]
  /** Added to every event time, in ms: moves last year's orders onto this year's clock. */
  shiftMs?: number
  /** Finest bucket the caller needs, in seconds; 1 rules out the minute rollup. */
  bucketSeconds?: number
  /** Prefix of this source's parameter names, so several sources share one statement. */
  prefix: string
  /** False leaves out `t` for callers that group by columns only: a rollup scan costs a third less. */
  withTime?: boolean
}

/** The part of [fromMs, toMs) made of whole buckets of unitMs; empty (both at toMs) when there is none. */
export function innerRange(fromMs: number, toMs: number, unitMs: number): { innerFromMs: number; innerToMs: number } {
  const innerFromMs = Math.ceil(fromMs / unitMs) * unitMs
  const innerToMs = Math.floor(toMs / unitMs) * unitMs
  return innerFromMs < innerToMs ? { innerFromMs, innerToMs } : { innerFromMs: toMs, innerToMs: toMs }
}

/**
 * A subquery of `t` (DateTime64(3), shifted; unless withTime is false), the requested columns, `gmv` and `orders`
 * whose sums are exact for any filter and any [from, to): whole buckets come from a rollup
 * (per second when unfiltered and no column is needed, per minute otherwise), the ragged
 * edges from raw rows — the rule getSummary follows, made reusable for grouped queries.
 *
 * A rollup row moves as a whole, so it is used only when the shift is a whole number of its
 * buckets and the caller's buckets are no finer than it; otherwise raw rows answer.
 */
export function exactSource(options: ExactSourceOptions): { sql: string; params: QueryParams } {
  const { db, filter, fromMs, toMs, prefix } = options
  const columns = options.columns ?? []
  const shiftMs = options.shiftMs ?? 0
  const bucketSeconds = options.bucketSeconds ?? 60
  const where = filterClause(filter)
  const useSeconds = isUnfiltered(filter) && columns.length === 0
  const rollup = useSeconds
    ? { table: `${db}.orders_by_second`, time: 'second', seconds: 1 }
    : { table: `${db}.orders_by_minute`, time: 'minute', seconds: 60 }
  const unitMs = rollup.seconds * 1000
  const rollupUsable = bucketSeconds % rollup.seconds === 0 && shiftMs % unitMs === 0
  const { innerFromMs, innerToMs } = rollupUsable
    ? innerRange(fromMs, toMs, unitMs)
    : { innerFromMs: toMs, innerToMs: toMs }
  const p = (name: string) => `{${prefix}${name}:Int64}`
  const shift = `toIntervalMillisecond(${p('ShiftMs')})`
  const withTime = options.withTime ?? true
  const rollupTime = withTime ? `toDateTime64(${rollup.time}, 3, 'UTC') + ${shift} AS t, ` : ''
  const rawTime = withTime ? `ts + ${shift} AS t, ` : ''
  const sql = `
      SELECT ${rollupTime}${columns.join(', ')}${columns.length > 0 ? ', ' : ''}gmv, orders FROM ${rollup.table}
      WHERE ${rollup.time} >= fromUnixTimestamp64Milli(${p('InnerFromMs')}, 'UTC')
        AND ${rollup.time} < fromUnixTimestamp64Milli(${p('InnerToMs')}, 'UTC') ${where.sql}
      UNION ALL
      SELECT ${rawTime}${columns.join(', ')}${columns.length > 0 ? ', ' : ''}amount AS gmv, toUInt64(1) AS orders FROM ${db}.orders
      WHERE ((ts >= fromUnixTimestamp64Milli(${p('FromMs')}, 'UTC') AND ts < fromUnixTimestamp64Milli(${p('InnerFromMs')}, 'UTC'))
          OR (ts >= fromUnixTimestamp64Milli(${p('InnerToMs')}, 'UTC') AND ts < fromUnixTimestamp64Milli(${p('ToMs')}, 'UTC')))
        ${where.sql}`
  return {
    sql,
    params: {
      ...where.params,
      [`${prefix}FromMs`]: fromMs,
      [`${prefix}ToMs`]: toMs,
      [`${prefix}InnerFromMs`]: innerFromMs,
      [`${prefix}InnerToMs`]: innerToMs,
      ...(withTime ? { [`${prefix}ShiftMs`]: shiftMs } : {}),
    },
  }
}
