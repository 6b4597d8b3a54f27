import type { Store } from '../clickhouse/store.ts'
import { READ_BUDGET_SETTINGS, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * Brands with orders in the range and none in last year's whole window: the published
 * "first-time" brands. This year's brands one row each (brand_campaign FINAL for the campaign
 * so far) against last year's (brand_last_year): both kept in brand order, so a sorting-merge
 * join walks them side by side instead of building a set of 250,000 names, and its own
 * statement runs beside the standings rather than inside their pass.
 */
export async function countFirstTimeBrands(store: Store, range: Range, lastYearWindow: Range): Promise<number> {
  const current = sourceFor(store, {}, range, { columns: ['brand'], prefix: 'c' })
  // Only which brands last year had matters: read as they lie, without FINAL; a brand in several
  // parts matches several times, which changes no count of the brands it left unmatched.
  const last = sourceFor(store, {}, lastYearWindow, { columns: ['brand'], prefix: 'l', keysOnly: true })
  const brands = current.onePerKey
    ? `SELECT brand FROM (${current.sql})`
    : `SELECT DISTINCT brand FROM (${current.sql})`
  const [row] = await store.select<{ first_time: number }>(
    `SELECT countIf(seen = 0) AS first_time
     FROM (${brands}) AS current
     LEFT JOIN (SELECT brand, toUInt8(1) AS seen FROM (${last.sql})) AS last ON current.brand = last.brand
     SETTINGS join_algorithm = 'full_sorting_merge', ${READ_BUDGET_SETTINGS}`,
    { ...current.params, ...last.params },
  )
  return Number(row?.first_time ?? 0)
}
