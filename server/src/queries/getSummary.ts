import type { Filter, Summary } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { getTotal } from '../figures/getTotal.ts'
import type { Range } from '../figures/timeRange.ts'

/**
 * GMV and orders under a filter within [from, to), exact to the fen, with how far the data
 * reaches (getAsOf); asOf is null when nothing matched the filter.
 */
export async function getSummary(store: Store, filter: Filter, range: Range): Promise<Summary> {
  const [total, asOf] = await Promise.all([getTotal(store, filter, range), getAsOf(store, range)])
  return { ...total, asOf: total.orders > 0 ? asOf : null }
}
