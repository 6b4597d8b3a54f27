import type { Store } from '../clickhouse/store.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/** Brands with orders in the range and none in last year's whole window: the published "first-time" brands. */
export async function countFirstTimeBrands(store: Store, range: Range, lastYearWindow: Range): Promise<number> {
  const current = sourceFor(store, {}, range, { columns: ['brand'], prefix: 'c' })
  const last = sourceFor(store, {}, lastYearWindow, { columns: ['brand'], prefix: 'l' })
  const [row] = await store.select<{ first_time: number }>(
    `SELECT count() AS first_time FROM (SELECT DISTINCT brand FROM (${current.sql}))
     WHERE brand NOT IN (SELECT DISTINCT brand FROM (${last.sql})) ${READ_BUDGET}`,
    { ...current.params, ...last.params },
  )
  return Number(row?.first_time ?? 0)
}
