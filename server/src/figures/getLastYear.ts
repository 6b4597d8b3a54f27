import { type Campaign, type Filter, sumMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { getTotal } from './getTotal.ts'
import { lastYearRange, type Range } from './timeRange.ts'

/** Last year's total so far, remembered by a live filter: last year never changes, it only lengthens. */
export interface LastYearMemory {
  range: Range
  gmv: string
  orders: number
}

/**
 * Last year's GMV and orders at the same campaign offset as this range (timeRange.lastYearRange),
 * or null when no last-year window is configured. Given what it answered for an earlier, shorter
 * range from the same start, it reads only the stretch added since: a tick costs the second of
 * last year that passed, whatever the filter.
 */
export async function getLastYear(
  store: Store,
  campaign: Campaign,
  filter: Filter,
  range: Range,
  nowMs: number,
  remembered?: LastYearMemory,
): Promise<{ gmv: string; orders: number; memory: LastYearMemory } | null> {
  if (!campaign.lastYear || !campaign.start) return null
  const lastYear = lastYearRange(campaign, range, nowMs)
  // Configured, but nothing of last year lies at this offset: a zero base, not a missing one.
  if (!lastYear) return { gmv: '0.00', orders: 0, memory: { range: { fromMs: 0, toMs: 0 }, gmv: '0.00', orders: 0 } }
  let total: { gmv: string; orders: number }
  if (remembered && remembered.range.fromMs === lastYear.fromMs && remembered.range.toMs <= lastYear.toMs) {
    const added = await getTotal(store, filter, { fromMs: remembered.range.toMs, toMs: lastYear.toMs })
    total = { gmv: sumMoney([remembered.gmv, added.gmv]), orders: remembered.orders + added.orders }
  } else {
    total = await getTotal(store, filter, lastYear)
  }
  return { ...total, memory: { range: lastYear, ...total } }
}
