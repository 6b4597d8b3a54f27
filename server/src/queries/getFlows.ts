import { type Filter, type Flow, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { TimeRange } from './getSummary.ts'
import { minuteSource } from './minuteSource.ts'

/** GMV by brand origin × buyer region, largest first: the flow lines of the wall map. */
export async function getFlows(store: Store, filter: Filter, range: TimeRange, limit: number): Promise<Flow[]> {
  const source = minuteSource(store, filter, range)
  const rows = await store.select<{ origin: string; region: string; gmv_text: string }>(
    `SELECT brand_origin AS origin, region, toString(sum(gmv)) AS gmv_text
     FROM ${source.sql}
     GROUP BY brand_origin, region
     ORDER BY sum(gmv) DESC, origin, region
     LIMIT {limit:UInt32}`,
    { ...source.params, limit },
  )
  return rows.map((row) => ({ origin: row.origin, region: row.region, gmv: normaliseMoney(row.gmv_text) }))
}
