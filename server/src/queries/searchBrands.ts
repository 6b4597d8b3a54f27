import { type BrandMatch, brandMatchesSearch, brandSearchFragments, normaliseMoney, toFen } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'

/**
 * Candidates read per brand shown: a Chinese search stands for several English texts
 * (brandSearch.ts), and a few of the brands they find do not hold the search in either script.
 */
const CANDIDATES_PER_RESULT = 4

/**
 * Brands of this campaign whose name, as sent or in Chinese, contains the search text,
 * case-insensitively: those that start with it first, then the rest, each group by campaign
 * GMV. Reads brand_campaign (one row per brand for the campaign window, all time when
 * open-ended), so a keystroke scans a few hundred thousand short strings. Rows of a brand not
 * yet merged are summed here. The store keeps English keys only, so a Chinese search is looked
 * for as the English it can stand for, and the names found are checked against it here.
 */
export async function searchBrands(store: Store, search: string, limit: number): Promise<BrandMatch[]> {
  const fragments = brandSearchFragments(search)
  // Output aliases differ from column names: ClickHouse resolves an alias before a column,
  // so `toString(sum(gmv)) AS gmv` would make `sum(gmv)` in ORDER BY a sum of strings.
  const rows = await store.select<{ brand: string; gmv_text: string; order_count: number }>(
    `SELECT brand, toString(sum(gmv)) AS gmv_text, sum(orders) AS order_count
     FROM ${store.db}.brand_campaign
     WHERE multiSearchAnyCaseInsensitiveUTF8(brand, {fragments:Array(String)})
     GROUP BY brand
     ORDER BY multiSearchFirstPositionCaseInsensitiveUTF8(brand, {fragments:Array(String)}) = 1 DESC,
       sum(gmv) DESC, brand ASC
     LIMIT {candidates:UInt32}`,
    { fragments, candidates: limit * CANDIDATES_PER_RESULT },
  )
  const matches: BrandMatch[] = []
  for (const row of rows) {
    const match = brandMatchesSearch(row.brand, search)
    if (match === null) continue
    matches.push({
      brand: row.brand,
      gmv: normaliseMoney(row.gmv_text),
      orders: Number(row.order_count),
      prefix: match === 'prefix',
    })
  }
  const byGmv = (a: BrandMatch, b: BrandMatch) => {
    const [x, y] = [toFen(a.gmv), toFen(b.gmv)]
    return x === y ? (a.brand < b.brand ? -1 : 1) : x > y ? -1 : 1
  }
  return matches.sort((a, b) => Number(b.prefix) - Number(a.prefix) || byGmv(a, b)).slice(0, limit)
}
