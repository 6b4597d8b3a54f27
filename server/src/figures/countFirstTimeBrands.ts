import type { Store } from '../clickhouse/store.ts'
import { keptPerStore, stillKnown } from './keptPerStore.ts'
import { READ_BUDGET_SETTINGS, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * A count found, per store and range, with the number of this year's brands it was counted
 * over. A brand never leaves the range once it has an order there, and last year's window is
 * history: while the brands with orders number the same, they are the same brands and the count
 * holds. Counted afresh when a brand joins, and after KNOWN_FOR_MS in case last year's orders
 * were loaded late.
 */
interface KnownCount {
  brands: number
  firstTime: number
  readAt: number
}
const keptCounts = keptPerStore<{ known?: KnownCount }>(16)

/**
 * Brands with orders in the range and none in last year's whole window: the published
 * "first-time" brands. `participatingBrands` is how many brands have orders in the range now
 * (getBrandStandings); the join is read only when that differs from the count kept.
 *
 * This year's brands one row each (brand_campaign FINAL for the campaign so far) against last
 * year's (brand_last_year): both kept in brand order, so a sorting-merge join walks them side by
 * side instead of building a set of 250,000 names.
 */
export async function countFirstTimeBrands(
  store: Store,
  range: Range,
  lastYearWindow: Range,
  participatingBrands: number,
): Promise<number> {
  const kept = keptCounts(
    store,
    `${range.fromMs}:${range.toMs}:${lastYearWindow.fromMs}:${lastYearWindow.toMs}`,
    () => ({}),
  )
  const before = kept.known
  if (before && before.brands === participatingBrands && stillKnown(before.readAt)) {
    return before.firstTime
  }
  const current = sourceFor(store, {}, range, { columns: ['brand'], prefix: 'c' })
  // Only which brands last year had matters: read as they lie, without FINAL; ANY takes one of a
  // brand's rows in several parts.
  const last = sourceFor(store, {}, lastYearWindow, { columns: ['brand'], prefix: 'l', keysOnly: true })
  const brands = current.onePerKey
    ? `SELECT brand FROM (${current.sql})`
    : `SELECT DISTINCT brand FROM (${current.sql})`
  const [row] = await store.select<{ brands: number; first_time: number }>(
    `SELECT count() AS brands, countIf(seen = 0) AS first_time
     FROM (${brands}) AS current
     ANY LEFT JOIN (SELECT brand, toUInt8(1) AS seen FROM (${last.sql})) AS last ON current.brand = last.brand
     SETTINGS join_algorithm = 'full_sorting_merge', ${READ_BUDGET_SETTINGS}`,
    { ...current.params, ...last.params },
  )
  const firstTime = Number(row?.first_time ?? 0)
  kept.known = { brands: Number(row?.brands ?? 0), firstTime, readAt: Date.now() }
  return firstTime
}
