import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { filterClause } from './filterClause.ts'
import type { TimeRange } from './getSummary.ts'
import { EARLIEST_MS, LATEST_MS, minuteSource } from './minuteSource.ts'

/**
 * The event time (epoch ms) of the order that carried cumulative GMV within the range to
 * the threshold, or null if not reached. Two steps keep it cheap: the crossing minute from
 * the rollup, then the exact order within that minute from the raw rows.
 */
export async function findMilestoneTime(
  store: Store,
  filter: Filter,
  range: TimeRange,
  threshold: string,
): Promise<number | null> {
  const source = minuteSource(store, filter, range, { withTime: true })
  const [minute] = await store.select<{ minute_ms: number; before: string }>(
    `SELECT toUnixTimestamp(minute) * 1000 AS minute_ms, toString(cumulative - minute_gmv) AS before
     FROM (
       SELECT toStartOfMinute(t) AS minute, sum(gmv) AS minute_gmv,
         sum(sum(gmv)) OVER (ORDER BY minute ROWS UNBOUNDED PRECEDING) AS cumulative
       FROM ${source.sql}
       GROUP BY minute
     )
     WHERE cumulative >= {threshold:Decimal(18, 2)}
     ORDER BY minute
     LIMIT 1`,
    { ...source.params, threshold },
  )
  if (!minute) return null
  const where = filterClause(filter)
  const fromMs = Math.max(Number(minute.minute_ms), range.from ?? EARLIEST_MS)
  const toMs = Math.min(Number(minute.minute_ms) + 60_000, range.to ?? LATEST_MS)
  const [order] = await store.select<{ ts_ms: number }>(
    `SELECT toUnixTimestamp64Milli(ts) AS ts_ms
     FROM (
       SELECT ts, sum(amount) OVER (ORDER BY ts, order_id ROWS UNBOUNDED PRECEDING) AS cumulative
       FROM ${store.db}.orders
       WHERE ts >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
         ${where.sql}
     )
     WHERE cumulative + {before:Decimal(38, 2)} >= {threshold:Decimal(18, 2)}
     ORDER BY ts
     LIMIT 1`,
    { ...where.params, fromMs, toMs, before: minute.before, threshold },
  )
  return order ? Number(order.ts_ms) : null
}
