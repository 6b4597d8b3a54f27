import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { rollupsCover } from './planSource.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * How many live rooms have GMV at or above the threshold (the published "RMB 100 million live
 * rooms"). Rooms are kept by day alone, with a category, or with a region; under other
 * filters (a brand, a channel) the count is not offered: null.
 */
export async function countLiveRoomsAbove(
  store: Store,
  filter: Filter,
  range: Range,
  thresholdGmv: string,
): Promise<number | null> {
  if (!rollupsCover(filter, ['live_room'])) return null
  const source = sourceFor(store, filter, range, { columns: ['live_room'] })
  const [row] = await store.select<{ rooms: number }>(
    `SELECT count() AS rooms FROM (
       SELECT live_room FROM (${source.sql}) WHERE live_room != ''
       GROUP BY live_room HAVING sum(gmv) >= {threshold:Decimal(18, 2)}
     ) ${READ_BUDGET}`,
    { ...source.params, threshold: thresholdGmv },
  )
  return Number(row?.rooms ?? 0)
}
