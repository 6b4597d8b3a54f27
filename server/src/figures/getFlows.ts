import { type Filter, type Flow, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { rollupsCover } from './planSource.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/** GMV by brand origin × buyer region, largest first: the flow lines of the wall map. Null where no rollup keeps both. */
export async function getFlows(store: Store, filter: Filter, range: Range, limit: number): Promise<Flow[] | null> {
  if (!rollupsCover(filter, ['brand_origin', 'region'])) return null
  const source = sourceFor(store, filter, range, { columns: ['brand_origin', 'region'] })
  const rows = await store.select<{ origin: string; region: string; gmv_text: string }>(
    `SELECT brand_origin AS origin, region, toString(sum(gmv)) AS gmv_text
     FROM (${source.sql})
     GROUP BY brand_origin, region
     ORDER BY sum(gmv) DESC, origin, region
     LIMIT {limit:UInt32} ${READ_BUDGET}`,
    { ...source.params, limit },
  )
  return rows.map((row) => ({ origin: row.origin, region: row.region, gmv: normaliseMoney(row.gmv_text) }))
}
