import { type Filter, filterKey, toFen } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { getTotal } from './getTotal.ts'
import { ceilTo, type Grain } from './grains.ts'
import { keptPerStore, stillKnown } from './keptPerStore.ts'
import { ladderFor, neededColumns } from './planSource.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

const GRAINS: readonly Grain[] = ['day', 'hour', 'minute', 'second']
const FROM_MINUTES: readonly Grain[] = ['minute', 'second']

interface Crossing {
  t_ms: number
  grain: string
  before: string
}

/**
 * For each threshold, the event time (epoch ms) of the order that carried cumulative GMV within
 * the range to it, or null if it is not reached. One pass over the range's rollup rows (minutes
 * or days, and finer ones at ragged edges) finds every threshold's crossing bucket at once; then
 * each step looks inside every threshold's crossing bucket at once, among the finer rows, down
 * to the raw orders of one bucket of the finest grain the filter has (a second unfiltered, a
 * minute for a category, a day for a brand): a handful of statements whatever the number of
 * thresholds. A crossing never un-happens, so callers remember what they found. A filter no
 * rollup keeps has none.
 */
export async function findMilestoneTimes(
  store: Store,
  filter: Filter,
  range: Range,
  thresholds: readonly string[],
  /** The range's total, when the caller has read it already. */
  totalGmv?: string,
): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>(thresholds.map((threshold) => [threshold, null]))
  const needed = neededColumns(filter)
  if (thresholds.length === 0 || ladderFor(needed).length === 0) return found
  const known = knownCrossings(store, filter, range)
  for (const threshold of thresholds) {
    const crossing = known.get(threshold)
    if (crossing && stillKnown(crossing.foundAt)) found.set(threshold, crossing.atMs)
  }
  const unknown = thresholds.filter((threshold) => found.get(threshold) === null)
  if (unknown.length === 0) return found
  // Only thresholds the total reaches are searched: the total is one row per key of a campaign
  // rollup, while a search reads rows over time (for a brand, raw orders of the day so far).
  const gmv = totalGmv ?? (await getTotal(store, filter, range)).gmv
  const reached = unknown.filter((threshold) => toFen(threshold) <= toFen(gmv))
  if (reached.length === 0) return found
  // The first pass sums the range's buckets in time order. Where a minute rollup keeps the
  // filter, its minutes are fewer rows than its days (a day of the cube holds a row per
  // category, channel, region and origin; a minute of this filter one), and two steps finer
  // are raw orders; otherwise days first.
  const firstGrains = ladderFor(needed, ['minute']).length > 0 ? FROM_MINUTES : GRAINS
  let pending = await crossingBuckets(store, [
    crossingSearch(store, filter, range, { grains: firstGrains, thresholds: reached, before: '0', prefix: 'c' }),
  ])
  while (pending.size > 0) {
    const searches: Search[] = []
    for (const [threshold, crossing] of pending) {
      const startMs = Number(crossing.t_ms)
      if (crossing.grain === 'raw') {
        found.set(threshold, startMs)
        known.set(threshold, { atMs: startMs, foundAt: Date.now() })
        continue
      }
      const grain = crossing.grain as Grain
      const window = {
        fromMs: Math.max(startMs, range.fromMs),
        toMs: Math.min(ceilTo(grain, startMs + 1, store.layout.timeZone), range.toMs),
      }
      const grains = GRAINS.slice(GRAINS.indexOf(grain) + 1)
      const prefix = `r${searches.length}`
      searches.push(
        crossingSearch(store, filter, window, { grains, thresholds: [threshold], before: crossing.before, prefix }),
      )
    }
    // A threshold whose bucket holds no finer crossing (it cannot, the sums being exact) stays null.
    pending = searches.length > 0 ? await crossingBuckets(store, searches) : new Map()
  }
  return found
}

/**
 * Crossings found, per store, filter and range: a crossing is history, so a wall that switches
 * back to a scene, or a second wall on the same filter, does not search again. Kept
 * KNOWN_FOR_MS, so orders loaded late before a crossing move it within minutes; at most
 * MAX_KNOWN_QUESTIONS filters per store.
 */
const MAX_KNOWN_QUESTIONS = 64
type Crossings = Map<string, { atMs: number; foundAt: number }>
const keptCrossings = keptPerStore<Crossings>(MAX_KNOWN_QUESTIONS)

function knownCrossings(store: Store, filter: Filter, range: Range): Crossings {
  return keptCrossings(store, JSON.stringify([filterKey(filter), range.fromMs, range.toMs]), () => new Map())
}

interface Search {
  sql: string
  params: QueryParams
  thresholds: readonly string[]
}

/**
 * The first bucket (of the given grains, else raw) in the range where the cumulative sum,
 * starting from `before`, reaches each threshold: one subquery, parameters under its prefix.
 */
function crossingSearch(
  store: Store,
  filter: Filter,
  range: Range,
  search: { grains: readonly Grain[]; thresholds: readonly string[]; before: string; prefix: string },
): Search {
  const { prefix } = search
  const source = sourceFor(store, filter, range, { grains: search.grains, prefix: `${prefix}s` })
  return {
    sql: `SELECT toString(threshold) AS threshold, crossing.1 AS t_ms, crossing.2 AS grain, toString(crossing.3) AS before FROM (
       SELECT threshold, argMin((toUnixTimestamp64Milli(t), grain, cumulative - bucket_gmv), t) AS crossing
       FROM (
         SELECT t, grain, sum(gmv) AS bucket_gmv,
           sum(sum(gmv)) OVER (ORDER BY t, grain ROWS UNBOUNDED PRECEDING) + {${prefix}before:Decimal(38, 2)} AS cumulative
         FROM (${source.sql}) GROUP BY t, grain
       )
       ARRAY JOIN arrayMap(x -> toDecimal128(x, 2), {${prefix}thresholds:Array(String)}) AS threshold
       WHERE cumulative >= threshold
       GROUP BY threshold
     )`,
    params: { ...source.params, [`${prefix}before`]: search.before, [`${prefix}thresholds`]: search.thresholds },
    thresholds: search.thresholds,
  }
}

/** Every search in one statement: threshold → its crossing bucket, for those reached. */
async function crossingBuckets(store: Store, searches: readonly Search[]): Promise<Map<string, Crossing>> {
  const rows = await store.select<Crossing & { threshold: string }>(
    `SELECT * FROM (${searches.map((search) => search.sql).join('\n UNION ALL \n')}) ${READ_BUDGET}`,
    Object.assign({}, ...searches.map((search) => search.params)),
  )
  const byFen = new Map(
    searches.flatMap((search) => search.thresholds.map((threshold) => [toFen(threshold), threshold])),
  )
  return new Map(
    rows.flatMap((row) => {
      const threshold = byFen.get(toFen(row.threshold))
      return threshold === undefined ? [] : [[threshold, row] as const]
    }),
  )
}
