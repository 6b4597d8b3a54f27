import { performance } from 'node:perf_hooks'
import type { Campaign, Filter, FilterDimension, Interval, Snapshot } from '@gmv-pulse/shared'
import type { Store } from '../../server/src/clickhouse/store.ts'
import { resolveRange } from '../../server/src/figures/timeRange.ts'
import { computeSnapshot, newFilterMemory } from '../../server/src/live/computeSnapshot.ts'
import { getHeadline } from '../../server/src/queries/getHeadline.ts'
import { getSummary } from '../../server/src/queries/getSummary.ts'
import { getTimeseries } from '../../server/src/queries/getTimeseries.ts'
import { getTop } from '../../server/src/queries/getTop.ts'
import { searchBrands } from '../../server/src/queries/searchBrands.ts'
import { CAMPAIGN_START_MS, CATEGORIES } from './festivalShape.ts'

/** A live tick must fit well inside the 1 s tick with room for several filters. */
export const SNAPSHOT_GOAL_MS = 100
/** An analyst's click answers before it feels like waiting. */
export const QUERY_GOAL_MS = 50
/**
 * A hundred runs give a p95 (the 95th value) after one warm-up. Twenty made the p95 the
 * second slowest run, so one pause of this shared host moved a figure by half, and its ratio
 * across sizes with it.
 */
export const RUNS = 100
/**
 * Enough runs for a p95 that means something when a query is very slow (the query layer
 * before its rewrite takes seconds per call at 100M); below it, a slow case would hold a
 * 1B run for hours. When a warm-up says 20 runs will not fit in QUERY_BUDGET_MS, fewer
 * run (never fewer than MIN_RUNS) and the figure says how many.
 */
const MIN_RUNS = 5
const QUERY_BUDGET_MS = 120_000

const HOUR_MS = 3_600_000
/** A top-100 brand by construction (brand numbers fall in share as they rise): a spotlight on a big seller. */
export const BRAND = 'Brand 42'
/**
 * The largest brand, 2.5% of the orders: where a read that grows with a brand's orders shows
 * first (at 1B, 25 million of them).
 */
export const TOP_BRAND = 'Brand 0'
/** The largest category by construction (CATEGORIES is in falling share). */
export const CATEGORY = CATEGORIES[0] as string
const REGION = 'CN-ZJ'
const SEARCH = 'Brand 12'

/**
 * The rewrite gives getTop the clock as a last argument (default Date.now(), years after the
 * festival); passing it keeps "now" at day 11, 18:00. The committed getTop ignores it.
 */
const getTopAt = getTop as (...args: [...Parameters<typeof getTop>, nowMs?: number]) => ReturnType<typeof getTop>

export interface QueryCase {
  label: string
  goalMs: number
  run: () => Promise<unknown>
}

/** Every product query the war room and the explorer make, through the functions the routes and ticks call. */
export function queryCases(store: Store, campaign: Campaign, nowMs: number): QueryCase[] {
  const filters: [string, Filter][] = [
    ['no filter', {}],
    [`one category (${CATEGORY})`, { category: CATEGORY }],
    [`one brand (${BRAND})`, { brand: BRAND }],
    [`the largest brand (${TOP_BRAND})`, { brand: TOP_BRAND }],
    [`one region (${REGION})`, { region: REGION }],
  ]
  const snapshots = filters.flatMap(([name, filter]): QueryCase[] => {
    const memory = newFilterMemory()
    return [
      {
        label: `snapshot first, ${name}`,
        goalMs: SNAPSHOT_GOAL_MS,
        run: () => computeSnapshot(store, campaign, filter, newFilterMemory(), nowMs),
      },
      {
        label: `snapshot tick, ${name}`,
        goalMs: SNAPSHOT_GOAL_MS,
        run: () => computeSnapshot(store, campaign, filter, memory, nowMs),
      },
    ]
  })
  // What /summary answers without a range: the campaign so far (figures/timeRange.ts). Beside it,
  // the same stretch asked with an explicit end at now, whose ragged end falls inside a day.
  const campaignSoFar = resolveRange(campaign)
  const explicitToNow = { fromMs: CAMPAIGN_START_MS, toMs: nowMs }
  const query = (label: string, run: () => Promise<unknown>): QueryCase => ({ label, goalMs: QUERY_GOAL_MS, run })
  // The tick's work, not the headline's: computed once, in the case's warm-up.
  let overview: Snapshot | undefined
  const series = (interval: Interval, spanMs: number | undefined, filter: Filter = {}, name = 'unfiltered') =>
    query(`timeseries ${interval} ${spanMs ? `over ${spanMs / 60_000} min` : 'campaign to date'}, ${name}`, () =>
      getTimeseries(
        store,
        campaign,
        { filter, interval, ...(spanMs ? { from: nowMs - spanMs, to: nowMs } : {}) },
        nowMs,
      ),
    )
  const top = (dimension: FilterDimension, sort: 'gmv' | 'orders' | 'growth', filter: Filter = {}, name = '') =>
    query(`top 10 ${dimension} by ${sort}${name}`, () =>
      getTopAt(store, campaign, { filter, dimension, sort, limit: 10 }, nowMs),
    )
  return [
    ...snapshots,
    query('summary campaign so far, unfiltered', () => getSummary(store, {}, campaignSoFar)),
    query('summary campaign so far, one brand', () => getSummary(store, { brand: BRAND }, campaignSoFar)),
    query('summary campaign so far, one category', () => getSummary(store, { category: CATEGORY }, campaignSoFar)),
    query('summary start to now (explicit end), unfiltered', () => getSummary(store, {}, explicitToNow)),
    query('summary start to now (explicit end), one brand', () => getSummary(store, { brand: BRAND }, explicitToNow)),
    query('summary start to now (explicit end), the largest brand', () =>
      getSummary(store, { brand: TOP_BRAND }, explicitToNow),
    ),
    series('1s', 5 * 60_000),
    series('1m', HOUR_MS),
    series('5m', 24 * HOUR_MS),
    series('15m', 24 * HOUR_MS),
    series('1h', undefined),
    series('1d', undefined),
    series('1h', undefined, { channel: 'livestream' }, 'livestream only'),
    series('1h', undefined, { brand: BRAND }, 'one brand'),
    series('1h', undefined, { brand: TOP_BRAND }, 'the largest brand'),
    series('1m', HOUR_MS, { brand: TOP_BRAND }, 'the largest brand'),
    ...(['brand', 'category', 'channel', 'liveRoom', 'region'] as const).map((dimension) => top(dimension, 'gmv')),
    top('brand', 'orders'),
    top('brand', 'growth'),
    top('region', 'gmv', { channel: 'livestream' }, ', livestream only'),
    // While a wall watches the overview (the festival night), the route takes its snapshot's
    // figures and reads only what it lacks; with no wall, or at a cutoff, it reads them all.
    query('headline, campaign so far, beside the live overview', async () => {
      overview ??= await computeSnapshot(store, campaign, {}, newFilterMemory(), nowMs)
      return getHeadline(store, campaign, { usdRate: '7.05', nowMs, live: { snapshot: overview, nowMs } })
    }),
    query('headline, campaign so far, no wall watching', () =>
      getHeadline(store, campaign, { usdRate: '7.05', nowMs }),
    ),
    query(`brand search "${SEARCH}"`, () => searchBrands(store, SEARCH, 10)),
  ]
}

/** Milliseconds one call of `run` takes. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/** A second store's run of the same case, timed where it runs (scaleCompanionClient.ts). */
export interface BesideRun {
  warm(): Promise<void>
  time(): Promise<number>
}

export interface CaseLatencies {
  latencies: number[]
  /** The same case's latencies in the store beside, each run taken next to one of ours. */
  beside: number[]
}

/**
 * Latencies of the timed runs after one warm-up (which also fills a tick's memory, and queues
 * the full read of last year's sums per key that a ranking keeps: settled before timing). With
 * a store beside, each run there follows or precedes one here, in turn, so both see the host
 * alike.
 */
export async function timeCase(
  run: () => Promise<unknown>,
  settle: () => Promise<void>,
  beside?: BesideRun,
): Promise<CaseLatencies> {
  const warmUpMs = await timed(run)
  await settle()
  await beside?.warm()
  const runs = Math.max(MIN_RUNS, Math.min(RUNS, Math.floor(QUERY_BUDGET_MS / Math.max(warmUpMs, 1))))
  const result: CaseLatencies = { latencies: [], beside: [] }
  for (let i = 0; i < runs; i++) {
    if (beside && i % 2 === 1) result.beside.push(await beside.time())
    result.latencies.push(await timed(run))
    if (beside && i % 2 === 0) result.beside.push(await beside.time())
  }
  return result
}
