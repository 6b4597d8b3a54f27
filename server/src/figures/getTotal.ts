import { type Filter, normaliseMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

export interface Total {
  gmv: string
  orders: number
}

/** GMV and orders under a filter within [from, to), exact to the fen. */
export async function getTotal(store: Store, filter: Filter, range: Range): Promise<Total> {
  const source = sourceFor(store, filter, range, { sumsOnly: true })
  const [row] = await store.select<{ gmv: string; orders: number }>(
    `SELECT toString(sum(gmv)) AS gmv, sum(orders) AS orders FROM (${source.sql}) ${READ_BUDGET}`,
    source.params,
  )
  return { gmv: normaliseMoney(row?.gmv ?? '0'), orders: Number(row?.orders ?? 0) }
}
