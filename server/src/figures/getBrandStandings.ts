import { type Filter, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { filterClause } from '../queries/filterClause.ts'
import { EARLIEST_MS, OPEN_END_MS } from './grains.ts'
import { rollupsCover } from './planSource.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

export interface BrandStandings {
  /** The top brands by GMV, ties by name. */
  top: { brand: string; gmv: string; orders: number }[]
  /** Brands with at least one order in the range. */
  participating: number
  overseas: number
  /** Brands at or above the threshold (the published "RMB 100 million brands"). */
  aboveThreshold: number
}

/** Ten brands fill a leaderboard on a wall or a slide. */
export const TOP_BRANDS = 10

/**
 * The top brands and the brand counts in one pass over one row per brand. Kept per brand
 * (with its category and origin) by day and for the campaign window; a filter on a channel,
 * a region or a live room has no such rollup (it would hold a row for nearly every order),
 * so under those the standings are not offered: null.
 */
export async function getBrandStandings(
  store: Store,
  filter: Filter,
  range: Range,
  thresholdGmv: string,
): Promise<BrandStandings | null> {
  if (!rollupsCover(filter, ['brand', 'brand_origin'])) return null
  const where = filterClause(filter)
  const perBrand = campaignSoFar(store, filter, range)
    ? // One row per brand for the campaign window once merged; FINAL merges the newest parts on read.
      {
        sql: `SELECT brand, gmv AS brand_gmv, orders AS brand_orders, overseas AS is_overseas FROM ${store.db}.brand_campaign FINAL WHERE 1 ${where.sql}`,
        params: where.params,
      }
    : perBrandFromDays(store, filter, range)
  const [row] = await store.select<{
    participating: number
    overseas: number
    above: number
    top: [string, string, number][]
  }>(
    `SELECT count() AS participating, countIf(is_overseas) AS overseas, countIf(brand_gmv >= {threshold:Decimal(18, 2)}) AS above,
       -- The N smallest of (−GMV, name): the top N by GMV, ties by name, exact and in one pass.
       arrayMap(x -> (x.2, toString(-x.1), x.3), groupArraySorted(${TOP_BRANDS})((-brand_gmv, brand, brand_orders))) AS top
     FROM (${perBrand.sql}) ${READ_BUDGET}`,
    { ...perBrand.params, threshold: thresholdGmv },
  )
  return {
    top: (row?.top ?? []).map(([brand, gmv, orders]) => ({ brand, gmv: normaliseMoney(gmv), orders: Number(orders) })),
    participating: Number(row?.participating ?? 0),
    overseas: Number(row?.overseas ?? 0),
    aboveThreshold: Number(row?.above ?? 0),
  }
}

/** The range is the campaign window brand_campaign keeps, and the filter at most a brand. */
function campaignSoFar(store: Store, filter: Filter, range: Range): boolean {
  const window = store.layout.campaign ?? { startMs: EARLIEST_MS, endMs: OPEN_END_MS }
  const onlyBrand = Object.entries(filter).every(([dimension, value]) => value === undefined || dimension === 'brand')
  return onlyBrand && range.fromMs === window.startMs && range.toMs === window.endMs
}

/** One row per brand from the brand-day rollup (and raw edges): any range, a category filter. */
function perBrandFromDays(store: Store, filter: Filter, range: Range) {
  const source = sourceFor(store, filter, range, { columns: ['brand', 'brand_origin'] })
  return {
    sql: `SELECT brand, sum(gmv) AS brand_gmv, sum(orders) AS brand_orders, max(brand_origin = 'overseas') AS is_overseas
       FROM (${source.sql}) GROUP BY brand`,
    params: source.params,
  }
}
