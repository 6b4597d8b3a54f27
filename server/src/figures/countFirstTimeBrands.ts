import type { Store } from '../clickhouse/store.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/** Brands with orders in the range and none in last year's whole window: the published "first-time" brands. */
export async function countFirstTimeBrands(store: Store, range: Range, lastYearWindow: Range): Promise<number> {
  // Only which brands occur matters: one row per brand and window once merged (brand_campaign,
  // brand_last_year) or their days.
  const current = sourceFor(store, {}, range, { columns: ['brand'], prefix: 'c', keysOnly: true })
  const last = sourceFor(store, {}, lastYearWindow, { columns: ['brand'], prefix: 'l', keysOnly: true })
  const [row] = await store.select<{ first_time: number }>(
    `SELECT count() AS first_time FROM (SELECT DISTINCT brand FROM (${current.sql}))
     WHERE brand NOT IN (SELECT brand FROM (${last.sql})) ${READ_BUDGET}`,
    { ...current.params, ...last.params },
  )
  return Number(row?.first_time ?? 0)
}
