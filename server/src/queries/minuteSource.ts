import type { Filter } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { exactSource } from './exactSource.ts'
import type { TimeRange } from './getSummary.ts'

/** Stand-ins for an open end of a range; DateTime (the rollups' type) ends in 2106. */
export const EARLIEST_MS = 0
export const LATEST_MS = Date.UTC(2100, 0, 1)

const ALL_DIMENSIONS = ['brand', 'category', 'channel', 'live_room', 'region', 'brand_origin'] as const

/**
 * The live snapshot's FROM clause: every dimension, gmv and orders under a filter within a
 * range that may be open at either end, exact at any range (exactSource's rule: whole
 * minutes from the rollup, ragged edges from raw rows). With `withTime`, also `t`.
 */
export function minuteSource(
  store: Store,
  filter: Filter,
  range: TimeRange,
  options: { withTime?: boolean } = {},
): { sql: string; params: QueryParams } {
  const source = exactSource({
    db: store.db,
    filter,
    fromMs: range.from ?? EARLIEST_MS,
    toMs: range.to ?? LATEST_MS,
    columns: ALL_DIMENSIONS,
    bucketSeconds: 60,
    withTime: options.withTime ?? false,
    prefix: 'src',
  })
  return { sql: `(${source.sql})`, params: source.params }
}
