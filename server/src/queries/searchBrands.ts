import { type BrandMatch, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'

/**
 * Brands of this campaign whose name contains the search text, case-insensitively: those that
 * start with it first, then the rest, each group by campaign GMV. Reads brand_campaign (one row
 * per brand for the campaign window, all time when open-ended), so a keystroke scans a few
 * hundred thousand short strings. Rows of a brand not yet merged are summed here.
 */
export async function searchBrands(store: Store, search: string, limit: number): Promise<BrandMatch[]> {
  // Output aliases differ from column names: ClickHouse resolves an alias before a column,
  // so `toString(sum(gmv)) AS gmv` would make `sum(gmv)` in ORDER BY a sum of strings.
  const rows = await store.select<{ brand: string; gmv_text: string; order_count: number; prefix: number }>(
    `SELECT brand, toString(sum(gmv)) AS gmv_text, sum(orders) AS order_count,
       positionCaseInsensitiveUTF8(brand, {search:String}) = 1 AS prefix
     FROM ${store.db}.brand_campaign
     WHERE positionCaseInsensitiveUTF8(brand, {search:String}) > 0
     GROUP BY brand
     ORDER BY prefix DESC, sum(gmv) DESC, brand ASC
     LIMIT {limit:UInt32}`,
    { search, limit },
  )
  return rows.map((row) => ({
    brand: row.brand,
    gmv: normaliseMoney(row.gmv_text),
    orders: Number(row.order_count),
    prefix: Boolean(Number(row.prefix)),
  }))
}
