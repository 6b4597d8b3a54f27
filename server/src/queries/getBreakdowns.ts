import { type Filter, normaliseMoney, type Share, shareOf, toFen } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import type { TimeRange } from './getSummary.ts'
import { minuteSource } from './minuteSource.ts'

export interface Breakdowns {
  channels: Share[]
  categories: Share[]
  regions: Share[]
}

/** GMV by channel, category and region in one scan (GROUPING SETS), largest first, with shares. */
export async function getBreakdowns(store: Store, filter: Filter, range: TimeRange): Promise<Breakdowns> {
  const source = minuteSource(store, filter, range)
  const rows = await store.select<{ dimension: string; key: string; gmv_text: string; order_count: number }>(
    `SELECT
       multiIf(grouping(channel) = 0, 'channel', grouping(category) = 0, 'category', 'region') AS dimension,
       multiIf(dimension = 'channel', channel, dimension = 'category', category, region) AS key,
       toString(sum(gmv)) AS gmv_text,
       sum(orders) AS order_count
     FROM ${source.sql}
     GROUP BY GROUPING SETS ((channel), (category), (region))
     ORDER BY dimension, sum(gmv) DESC, key
     SETTINGS group_by_use_nulls = 0`,
    source.params,
  )
  const byDimension = { channel: [] as typeof rows, category: [] as typeof rows, region: [] as typeof rows }
  for (const row of rows) byDimension[row.dimension as keyof typeof byDimension]?.push(row)
  const shares = (list: typeof rows): Share[] => {
    const totalFen = list.reduce((total, row) => total + toFen(row.gmv_text), 0n)
    return list.map((row) => ({
      key: row.key,
      gmv: normaliseMoney(row.gmv_text),
      orders: Number(row.order_count),
      share: shareOf(toFen(row.gmv_text), totalFen),
    }))
  }
  return {
    channels: shares(byDimension.channel),
    categories: shares(byDimension.category),
    regions: shares(byDimension.region),
  }
}
