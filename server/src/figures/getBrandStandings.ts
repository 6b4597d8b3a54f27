import { type Filter, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
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
  const source = sourceFor(store, filter, range, { columns: ['brand', 'brand_origin'] })
  const [row] = await store.select<{
    participating: number
    overseas: number
    above: number
    top: [string, string, number][]
  }>(
    `SELECT count() AS participating, countIf(is_overseas) AS overseas, countIf(brand_gmv >= {threshold:Decimal(18, 2)}) AS above,
       -- The N smallest of (−GMV, name): the top N by GMV, ties by name, exact and in one pass.
       arrayMap(x -> (x.2, toString(-x.1), x.3), groupArraySorted(${TOP_BRANDS})((-brand_gmv, brand, brand_orders))) AS top
     FROM (
       SELECT brand, sum(gmv) AS brand_gmv, sum(orders) AS brand_orders, max(brand_origin = 'overseas') AS is_overseas
       FROM (${source.sql}) GROUP BY brand
     ) ${READ_BUDGET}`,
    { ...source.params, threshold: thresholdGmv },
  )
  return {
    top: (row?.top ?? []).map(([brand, gmv, orders]) => ({ brand, gmv: normaliseMoney(gmv), orders: Number(orders) })),
    participating: Number(row?.participating ?? 0),
    overseas: Number(row?.overseas ?? 0),
    aboveThreshold: Number(row?.above ?? 0),
  }
}
