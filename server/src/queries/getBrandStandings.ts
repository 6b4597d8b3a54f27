import { type Filter, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { TimeRange } from './getSummary.ts'
import { minuteSource } from './minuteSource.ts'

export interface BrandStandings {
  top: { brand: string; gmv: string; orders: number }[]
  participating: number
  overseas: number
  aboveThreshold: number
}

/** The top brands by GMV, and how many brands took part, are overseas, and are above the threshold. */
export async function getBrandStandings(
  store: Store,
  filter: Filter,
  range: TimeRange,
  options: { limit: number; thresholdGmv: string },
): Promise<BrandStandings> {
  const source = minuteSource(store, filter, range)
  const [row] = await store.select<{
    top: [string, string, number][]
    participating: number
    overseas: number
    above: number
  }>(
    `SELECT
       arraySlice(arraySort(x -> (-x.2, x.1), groupArray((brand, brand_gmv, brand_orders))), 1, {limit:UInt32}) AS sorted,
       arrayMap(x -> (x.1, toString(x.2), x.3), sorted) AS top,
       count() AS participating,
       countIf(origin = 'overseas') AS overseas,
       countIf(brand_gmv >= {threshold:Decimal(18, 2)}) AS above
     FROM (
       SELECT brand, sum(gmv) AS brand_gmv, sum(orders) AS brand_orders, max(brand_origin) AS origin
       FROM ${source.sql}
       GROUP BY brand
     )`,
    { ...source.params, limit: options.limit, threshold: options.thresholdGmv },
  )
  return {
    top: (row?.top ?? []).map(([brand, gmv, orders]) => ({ brand, gmv: normaliseMoney(gmv), orders: Number(orders) })),
    participating: Number(row?.participating ?? 0),
    overseas: Number(row?.overseas ?? 0),
    aboveThreshold: Number(row?.above ?? 0),
  }
}
