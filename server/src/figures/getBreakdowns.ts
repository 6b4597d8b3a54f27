import { type Filter, normaliseMoney, type Share, shareOf, toFen } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { rollupsCover } from './planSource.ts'
import type { Column } from './rollupLevels.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/** Each null where no rollup keeps that split under this filter (a brand's regions, for one). */
export interface Breakdowns {
  channels: Share[] | null
  categories: Share[] | null
  regions: Share[] | null
}

const SPLITS = { channels: 'channel', categories: 'category', regions: 'region' } as const

/** GMV by channel, category and region under a filter, largest first, with shares of the split's total. */
export async function getBreakdowns(store: Store, filter: Filter, range: Range): Promise<Breakdowns> {
  const entries = await Promise.all(
    (Object.entries(SPLITS) as [keyof Breakdowns, Column][]).map(async ([name, column]) => {
      if (!rollupsCover(filter, [column])) return [name, null] as const
      return [name, await getShares(store, filter, range, column)] as const
    }),
  )
  return Object.fromEntries(entries) as unknown as Breakdowns
}

/** One split: GMV and orders per key, largest first, ties by key. */
export async function getShares(store: Store, filter: Filter, range: Range, column: Column): Promise<Share[]> {
  const source = sourceFor(store, filter, range, { columns: [column] })
  const rows = await store.select<{ key: string; gmv_text: string; order_count: number }>(
    `SELECT ${column} AS key, toString(sum(gmv)) AS gmv_text, sum(orders) AS order_count
     FROM (${source.sql}) GROUP BY key ORDER BY sum(gmv) DESC, key ${READ_BUDGET}`,
    source.params,
  )
  const totalFen = rows.reduce((total, row) => total + toFen(row.gmv_text), 0n)
  return rows.map((row) => ({
    key: row.key,
    gmv: normaliseMoney(row.gmv_text),
    orders: Number(row.order_count),
    share: shareOf(toFen(row.gmv_text), totalFen),
  }))
}
