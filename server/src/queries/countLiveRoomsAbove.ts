import type { Filter } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { TimeRange } from './getSummary.ts'
import { minuteSource } from './minuteSource.ts'

/** How many live rooms have GMV at or above the threshold (the published "RMB 100 million live rooms"). */
export async function countLiveRoomsAbove(
  store: Store,
  filter: Filter,
  range: TimeRange,
  thresholdGmv: string,
): Promise<number> {
  const source = minuteSource(store, filter, range)
  const [row] = await store.select<{ rooms: number }>(
    `SELECT count() AS rooms FROM (
       SELECT live_room FROM ${source.sql}
       WHERE live_room != ''
       GROUP BY live_room
       HAVING sum(gmv) >= {threshold:Decimal(18, 2)}
     )`,
    { ...source.params, threshold: thresholdGmv },
  )
  return Number(row?.rooms ?? 0)
}
