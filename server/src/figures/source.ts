import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { EARLIEST_MS, type Grain, OPEN_END_MS } from './grains.ts'
import { type PlannedSource, planSource } from './planSource.ts'
import type { Column } from './rollupLevels.ts'
import type { Range } from './timeRange.ts'

export interface SourceOptions {
  columns?: readonly Column[]
  grains?: readonly Grain[]
  shiftMs?: number
  prefix?: string
  keysOnly?: boolean
  sumsOnly?: boolean
}

/** planSource for this store: its database, the time zone and windows its rollups were cut for. */
export function sourceFor(store: Store, filter: Filter, range: Range, options: SourceOptions = {}): PlannedSource {
  return planSource({
    db: store.db,
    timeZone: store.layout.timeZone,
    // An open-ended campaign's window is all time, and brand_campaign then holds all time too.
    campaignWindow: store.layout.campaign ?? { startMs: EARLIEST_MS, endMs: OPEN_END_MS },
    lastYearWindow: store.layout.lastYear,
    filter,
    range,
    prefix: options.prefix ?? 's',
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.grains ? { grains: options.grains } : {}),
    ...(options.shiftMs ? { shiftMs: options.shiftMs } : {}),
    ...(options.keysOnly ? { keysOnly: true } : {}),
    ...(options.sumsOnly ? { sumsOnly: true } : {}),
  })
}

/**
 * The most rows one figure may read. Rollups answer every supported question in a few million
 * rows at festival scale; only a range with ragged edges under a filter no rollup keeps (a brand
 * and a region, say) falls back to raw rows, and this is where such a question stops: the
 * caller gets a clear refusal (422) instead of the engine scanning for seconds while walls wait.
 */
export const MAX_ROWS_PER_FIGURE = 100_000_000

/** The read budget above as engine settings, for statements that carry settings of their own. */
export const READ_BUDGET_SETTINGS = `max_rows_to_read = ${MAX_ROWS_PER_FIGURE}, read_overflow_mode = 'throw'`
/** Appended to every figure's statement: the read budget, enforced by the engine. */
export const READ_BUDGET = `SETTINGS ${READ_BUDGET_SETTINGS}`
