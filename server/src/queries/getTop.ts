import {
  type Campaign,
  type Filter,
  type FilterDimension,
  growthPercent,
  shareOf,
  type Top,
  type TopRow,
  type TopSort,
  toFen,
} from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { getRanking } from '../figures/getRanking.ts'
import { EARLIEST_MS, OPEN_END_MS } from '../figures/grains.ts'
import { lastYearRange, resolveRange } from '../figures/timeRange.ts'

export interface TopQuery {
  filter: Filter
  dimension: FilterDimension
  sort: TopSort
  limit: number
  from?: number | undefined
  to?: number | undefined
}

/**
 * A ranking of one dimension under a filter in [from, to) (default: the campaign so far,
 * timeRange.ts): GMV, orders, share of the filtered total and growth against the same key in
 * last year's window at the same campaign offset.
 */
export async function getTop(store: Store, campaign: Campaign, query: TopQuery, nowMs = Date.now()): Promise<Top> {
  const range = resolveRange(campaign, query)
  const lastYear = lastYearRange(campaign, range, nowMs)
  const ranking = await getRanking(store, query.filter, range, {
    dimension: query.dimension,
    sort: query.sort,
    limit: query.limit,
    lastYear: campaign.lastYear ? (lastYear ?? EMPTY_RANGE) : null,
  })
  const totalFen = toFen(ranking.total.gmv)
  return {
    dimension: query.dimension,
    sort: query.sort,
    from: range.fromMs === EARLIEST_MS ? null : new Date(range.fromMs).toISOString(),
    to: range.toMs === OPEN_END_MS ? null : new Date(range.toMs).toISOString(),
    total: ranking.total,
    rows: ranking.rows.map(
      (row, index): TopRow => ({
        rank: index + 1,
        key: row.key,
        gmv: row.gmv,
        orders: row.orders,
        share: shareOf(toFen(row.gmv), totalFen),
        lastYearGmv: row.lastYearGmv,
        growthPercent: row.lastYearGmv === null ? null : growthPercent(row.gmv, row.lastYearGmv),
      }),
    ),
  }
}

/** Last year configured but nothing of it at this offset: every key's base is zero. */
const EMPTY_RANGE = { fromMs: 0, toMs: 0 }
