import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { ceilTo, type Grain } from './grains.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

const GRAINS: readonly Grain[] = ['day', 'hour', 'minute', 'second']

/**
 * The event time (epoch ms) of the order that carried cumulative GMV within the range to the
 * threshold, or null if it is not reached. Coarse to fine: the crossing bucket among the
 * range's rollup rows, then the crossing bucket among the finer rows inside it, down to the
 * raw orders of one bucket of the finest grain that filter has. A handful of small reads,
 * once per milestone: a crossing never un-happens, so callers remember it.
 */
export async function findMilestoneTime(
  store: Store,
  filter: Filter,
  range: Range,
  thresholdGmv: string,
): Promise<number | null> {
  let window = range
  let before = '0'
  let grains = GRAINS
  for (;;) {
    const source = sourceFor(store, filter, window, { grains })
    const [row] = await store.select<{ t_ms: number; grain: string; before: string }>(
      `SELECT toUnixTimestamp64Milli(t) AS t_ms, grain, toString(cumulative - bucket_gmv) AS before FROM (
         SELECT t, grain, sum(gmv) AS bucket_gmv,
           sum(sum(gmv)) OVER (ORDER BY t, grain ROWS UNBOUNDED PRECEDING) + {before:Decimal(38, 2)} AS cumulative
         FROM (${source.sql}) GROUP BY t, grain
       )
       WHERE cumulative >= {threshold:Decimal(38, 2)}
       ORDER BY t LIMIT 1 ${READ_BUDGET}`,
      { ...source.params, before, threshold: thresholdGmv },
    )
    if (!row) return null
    const startMs = Number(row.t_ms)
    if (row.grain === 'raw') return startMs
    // Look inside the crossing bucket with the grains finer than it.
    const grain = row.grain as Grain
    const endMs = ceilTo(grain, startMs + 1, store.layout.timeZone)
    window = { fromMs: Math.max(startMs, range.fromMs), toMs: Math.min(endMs, range.toMs) }
    before = row.before
    grains = GRAINS.slice(GRAINS.indexOf(grain) + 1)
  }
}
