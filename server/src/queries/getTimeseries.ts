import {
  type Campaign,
  campaignNow,
  type Filter,
  INTERVAL_MS,
  type Interval,
  MAX_SERIES_POINTS,
  normaliseMoney,
  seriesPointCount,
  type Timeseries,
  type TimeseriesPoint,
} from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import type { Grain } from '../figures/grains.ts'
import { READ_BUDGET, sourceFor } from '../figures/source.ts'
import { campaignWindow, lastYearOffsetMs, shiftToLastYear } from '../figures/timeRange.ts'
import { chooseInterval } from './chooseInterval.ts'

export interface TimeseriesQuery {
  filter: Filter
  from?: number | undefined
  to?: number | undefined
  interval: Interval | 'auto'
}

/** The interval asked for would give more points than a series may hold. */
export class TooManyPointsError extends Error {
  constructor(
    readonly interval: Interval,
    readonly points: number,
  ) {
    super(`interval ${interval} gives ${points} points over this range; at most ${MAX_SERIES_POINTS} are answered`)
  }
}

/** Interval → SQL, the allow-list that keeps the request's text out of the statement. */
const INTERVAL_SQL: Readonly<Record<Interval, string>> = {
  '1s': 'INTERVAL 1 SECOND',
  '1m': 'INTERVAL 1 MINUTE',
  '5m': 'INTERVAL 5 MINUTE',
  '15m': 'INTERVAL 15 MINUTE',
  '1h': 'INTERVAL 1 HOUR',
  '1d': 'INTERVAL 1 DAY',
}

/** The rollup grains whose buckets nest in each interval's (hours and days in the campaign zone). */
const GRAINS: Readonly<Record<Interval, readonly Grain[]>> = {
  '1s': ['second'],
  '1m': ['minute', 'second'],
  '5m': ['minute', 'second'],
  '15m': ['minute', 'second'],
  '1h': ['hour', 'minute', 'second'],
  '1d': ['day', 'hour', 'minute', 'second'],
}

// Grid candidates every 15 minutes at most: no bucket in any time zone is shorter, so none is skipped.
const GRID_STEP_MAX_MS = 900_000

/**
 * GMV and orders per bucket under a filter, with last year's bucket at the same campaign
 * offset beside each one. Buckets are cut by the engine in the campaign time zone, so hours
 * and days are local; the bucket grid comes from the same function, so every bucket of the
 * range is present, empty ones as zero. The range defaults to the campaign window (the data's
 * extent when open-ended) and then stops at the server's clock; the bucket that is still
 * running is marked partial.
 */
export async function getTimeseries(
  store: Store,
  campaign: Campaign,
  query: TimeseriesQuery,
  nowMs: number = campaignNow(campaign),
): Promise<Timeseries> {
  const offsetMs = lastYearOffsetMs(campaign)
  const window = campaignWindow(campaign)
  let fromMs = query.from ?? (campaign.start ? window.fromMs : undefined)
  let toMs = query.to ?? (campaign.end ? window.toMs : undefined)
  if (fromMs === undefined || toMs === undefined) {
    const extent = await dataExtent(store)
    fromMs ??= extent?.fromMs
    toMs ??= extent?.toMs
  }
  const empty = (interval: Interval): Timeseries => ({
    interval,
    timeZone: campaign.timeZone,
    from: fromMs === undefined ? null : new Date(fromMs).toISOString(),
    to: toMs === undefined ? null : new Date(toMs).toISOString(),
    lastYearOffsetMs: offsetMs,
    points: [],
  })
  if (fromMs === undefined || toMs === undefined || fromMs >= toMs) {
    return empty(query.interval === 'auto' ? '1m' : query.interval)
  }
  // Sized on the whole range, so a chart of the campaign keeps its interval as the day goes on.
  const interval = query.interval === 'auto' ? chooseInterval(toMs - fromMs) : query.interval
  const points = seriesPointCount(toMs - fromMs, interval)
  if (points > MAX_SERIES_POINTS) throw new TooManyPointsError(interval, points)
  // A default end stops at the clock: no row of zeros for the hours still to come.
  if (query.to === undefined) toMs = Math.min(toMs, nowMs)
  if (fromMs >= toMs) return empty(interval)

  const intervalMs = INTERVAL_MS[interval]
  const gridStepMs = Math.min(intervalMs, GRID_STEP_MAX_MS)
  const grains = GRAINS[interval]
  const current = sourceFor(store, query.filter, { fromMs, toMs }, { grains, prefix: 'cur' })
  const lastRange = shiftToLastYear(campaign, { fromMs, toMs })
  const last =
    offsetMs !== null && lastRange
      ? sourceFor(store, query.filter, lastRange, { grains, shiftMs: offsetMs, prefix: 'ly' })
      : null
  const sql = `
    SELECT kind, toUnixTimestamp(toStartOfInterval(t, ${INTERVAL_SQL[interval]}, {tz:String})) AS bucket,
      toString(sum(gmv)) AS gmv, sum(orders) AS orders
    FROM (
      SELECT 0 AS kind, fromUnixTimestamp64Milli(least({fromMs:Int64} + toInt64(number) * {gridStepMs:Int64}, {toMs:Int64} - 1), 'UTC') AS t,
        CAST(0 AS Decimal(18, 2)) AS gmv, toUInt64(0) AS orders
      FROM numbers({gridCount:UInt64})
      UNION ALL
      SELECT 1 AS kind, t, gmv, orders FROM (${current.sql})
      ${last ? `UNION ALL SELECT 2 AS kind, t, gmv, orders FROM (${last.sql})` : ''}
    )
    GROUP BY kind, bucket
    ORDER BY kind, bucket
    ${READ_BUDGET}`
  const params: QueryParams = {
    ...current.params,
    ...(last?.params ?? {}),
    tz: campaign.timeZone,
    fromMs,
    toMs,
    gridStepMs,
    gridCount: Math.ceil((toMs - fromMs) / gridStepMs) + 1,
  }
  const rows = await store.select<{ kind: number; bucket: number; gmv: string; orders: number }>(sql, params)
  const buckets: number[] = []
  const values = [
    new Map<number, { gmv: string; orders: number }>(),
    new Map<number, { gmv: string; orders: number }>(),
  ]
  for (const row of rows) {
    const bucketMs = Number(row.bucket) * 1000
    if (Number(row.kind) === 0) buckets.push(bucketMs)
    else values[Number(row.kind) - 1]?.set(bucketMs, { gmv: normaliseMoney(row.gmv), orders: Number(row.orders) })
  }
  const zero = { gmv: '0.00', orders: 0 }
  const series: TimeseriesPoint[] = buckets.map((bucketMs, index) => {
    const endMs = buckets[index + 1] ?? bucketMs + intervalMs
    return {
      t: new Date(bucketMs).toISOString(),
      ...(values[0]?.get(bucketMs) ?? zero),
      partial: endMs > nowMs,
      lastYear:
        offsetMs !== null
          ? { t: new Date(bucketMs - offsetMs).toISOString(), ...(values[1]?.get(bucketMs) ?? zero) }
          : null,
    }
  })
  return { ...empty(interval), to: new Date(toMs).toISOString(), points: series }
}

/** [first second, last second + 1 s) of the stored orders, or null when there are none. */
async function dataExtent(store: Store): Promise<{ fromMs: number; toMs: number } | null> {
  const [row] = await store.select<{ first: number; last: number; seconds: number }>(
    `SELECT toUnixTimestamp(min(second)) AS first, toUnixTimestamp(max(second)) AS last, count() AS seconds
     FROM ${store.db}.orders_by_second`,
  )
  if (!row || Number(row.seconds) === 0) return null
  return { fromMs: Number(row.first) * 1000, toMs: (Number(row.last) + 1) * 1000 }
}
