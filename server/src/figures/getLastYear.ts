import { type Campaign, FILTER_DIMENSIONS, type Filter, sumMoney } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { DIMENSION_COLUMNS } from '../queries/filterClause.ts'
import { getTotal } from './getTotal.ts'
import { lastYearByKey } from './lastYearSoFar.ts'
import type { Column } from './rollupLevels.ts'
import { lastYearRange, type Range } from './timeRange.ts'

/** Last year's GMV so far, remembered by a live filter: last year never changes, it only lengthens. */
export interface LastYearMemory {
  range: Range
  gmv: string
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
): Promise<{ gmv: string; memory: LastYearMemory } | null> {
  if (!campaign.lastYear || !campaign.start) return null
  const lastYear = lastYearRange(campaign, range, nowMs)
  // Configured, but nothing of last year lies at this offset: a zero base, not a missing one.
  if (!lastYear) return { gmv: '0.00', memory: { range: { fromMs: 0, toMs: 0 }, gmv: '0.00' } }
  let gmv: string
  if (remembered && remembered.range.fromMs === lastYear.fromMs && remembered.range.toMs <= lastYear.toMs) {
    const added = await getTotal(store, filter, { fromMs: remembered.range.toMs, toMs: lastYear.toMs })
    gmv = sumMoney([remembered.gmv, added.gmv])
  } else {
    gmv = await lastYearInFull(store, filter, lastYear)
  }
  return { gmv, memory: { range: lastYear, gmv } }
}

/**
 * A single brand or live room is one key of the sums kept per key (lastYearSoFar.ts), which
 * the rankings keep anyway: its day so far is no raw scan of every order of that day.
 */
async function lastYearInFull(store: Store, filter: Filter, lastYear: Range): Promise<string> {
  const given = FILTER_DIMENSIONS.filter((dimension) => filter[dimension] !== undefined)
  const [only] = given
  if (given.length === 1 && (only === 'brand' || only === 'liveRoom')) {
    const key = filter[only] as string
    const byKey = await lastYearByKey(store, {}, DIMENSION_COLUMNS[only] as Column, lastYear, [key])
    return byKey.get(key) as string
  }
  return (await getTotal(store, filter, lastYear)).gmv
}
