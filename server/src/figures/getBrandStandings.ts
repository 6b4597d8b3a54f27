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
  const oneRowPerBrand = campaignSoFar(store, filter, range)
  const perBrand = oneRowPerBrand
    ? // One row per brand for the campaign window once merged; FINAL merges the newest parts on read.
      {
        sql: `SELECT brand, gmv AS brand_gmv, orders AS brand_orders, overseas AS is_overseas FROM ${store.db}.brand_campaign FINAL WHERE 1 ${where.sql}`,
        params: where.params,
      }
    : perBrandFromDays(store, filter, range)
  // ORDER BY … LIMIT keeps the top N in a heap; a groupArraySorted of (−GMV, name) tuples beside
  // the counts took twice as long. The counts ride on every row: one row per brand is read twice
  // (a second scan of 250,000 rows is cheaper than windows over them), sums by day are grouped
  // once and counted as windows.
  const counts = oneRowPerBrand
    ? {
        with: `WITH (SELECT (count(), countIf(is_overseas), countIf(brand_gmv >= {threshold:Decimal(18, 2)})) FROM (${perBrand.sql})) AS counts`,
        columns: 'counts.1 AS participating, counts.2 AS overseas, counts.3 AS above',
      }
    : {
        with: '',
        columns: `count() OVER () AS participating, countIf(is_overseas) OVER () AS overseas,
          countIf(brand_gmv >= {threshold:Decimal(18, 2)}) OVER () AS above`,
      }
  const rows = await store.select<{
    brand: string
    gmv: string
    orders: number
    participating: number
    overseas: number
    above: number
  }>(
    `${counts.with}
     SELECT brand, toString(brand_gmv) AS gmv, brand_orders AS orders, ${counts.columns}
     FROM (${perBrand.sql})
     ORDER BY brand_gmv DESC, brand ASC LIMIT ${TOP_BRANDS} ${READ_BUDGET}`,
    { ...perBrand.params, threshold: thresholdGmv },
  )
  const [first] = rows
  return {
    top: rows.map((row) => ({ brand: row.brand, gmv: normaliseMoney(row.gmv), orders: Number(row.orders) })),
    participating: Number(first?.participating ?? 0),
    overseas: Number(first?.overseas ?? 0),
    aboveThreshold: Number(first?.above ?? 0),
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
