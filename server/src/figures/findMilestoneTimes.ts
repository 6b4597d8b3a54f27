import { type Filter, toFen } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { ceilTo, type Grain } from './grains.ts'
import { ladderFor, neededColumns } from './planSource.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

const GRAINS: readonly Grain[] = ['day', 'hour', 'minute', 'second']

interface Crossing {
  t_ms: number
  grain: string
  before: string
}

/**
 * For each threshold, the event time (epoch ms) of the order that carried cumulative GMV within
 * the range to it, or null if it is not reached. One pass over the range's coarsest rollup rows
 * (days, and finer ones at ragged edges) finds every threshold's crossing bucket at once; then,
 * per threshold, the crossing bucket among the finer rows inside it, down to the raw orders of one
 * bucket of the finest grain the filter has (a second unfiltered, a minute for a category, a day
 * for a brand). A crossing never un-happens, so callers remember what they found. A filter no
 * rollup keeps has none.
 */
export async function findMilestoneTimes(
  store: Store,
  filter: Filter,
  range: Range,
  thresholds: readonly string[],
): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>(thresholds.map((threshold) => [threshold, null]))
  if (thresholds.length === 0 || ladderFor(neededColumns(filter)).length === 0) return found
  const crossings = await crossingBuckets(store, filter, range, GRAINS, thresholds, '0')
  for (const [threshold, crossing] of crossings) {
    found.set(threshold, await refine(store, filter, range, threshold, crossing))
  }
  return found
}

/** The first bucket (of the given grains, else raw) where the cumulative sum reaches each threshold. */
async function crossingBuckets(
  store: Store,
  filter: Filter,
  range: Range,
  grains: readonly Grain[],
  thresholds: readonly string[],
  before: string,
): Promise<Map<string, Crossing>> {
  const source = sourceFor(store, filter, range, { grains })
  const rows = await store.select<Crossing & { threshold: string }>(
    `SELECT toString(threshold) AS threshold, crossing.1 AS t_ms, crossing.2 AS grain, toString(crossing.3) AS before FROM (
       SELECT threshold, argMin((toUnixTimestamp64Milli(t), grain, cumulative - bucket_gmv), t) AS crossing
       FROM (
         SELECT t, grain, sum(gmv) AS bucket_gmv,
           sum(sum(gmv)) OVER (ORDER BY t, grain ROWS UNBOUNDED PRECEDING) + {before:Decimal(38, 2)} AS cumulative
         FROM (${source.sql}) GROUP BY t, grain
       )
       ARRAY JOIN arrayMap(x -> toDecimal128(x, 2), {thresholds:Array(String)}) AS threshold
       WHERE cumulative >= threshold
       GROUP BY threshold
     ) ${READ_BUDGET}`,
    { ...source.params, before, thresholds },
  )
  const byFen = new Map(thresholds.map((threshold) => [toFen(threshold), threshold]))
  return new Map(
    rows.flatMap((row) => {
      const threshold = byFen.get(toFen(row.threshold))
      return threshold === undefined ? [] : [[threshold, row] as const]
    }),
  )
}

/** Inside the crossing bucket, down through the finer grains to the order itself. */
async function refine(store: Store, filter: Filter, range: Range, threshold: string, crossing: Crossing) {
  let current = crossing
  for (;;) {
    const startMs = Number(current.t_ms)
    if (current.grain === 'raw') return startMs
    const grain = current.grain as Grain
    const window = {
      fromMs: Math.max(startMs, range.fromMs),
      toMs: Math.min(ceilTo(grain, startMs + 1, store.layout.timeZone), range.toMs),
    }
    const finer = GRAINS.slice(GRAINS.indexOf(grain) + 1)
    const next = (await crossingBuckets(store, filter, window, finer, [threshold], current.before)).get(threshold)
    if (!next) return null
    current = next
  }
}
