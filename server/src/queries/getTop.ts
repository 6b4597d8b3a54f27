import {
  type Campaign,
  campaignNow,
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
import { getRanking, type RankedRow } from '../figures/getRanking.ts'
import { EARLIEST_MS, OPEN_END_MS } from '../figures/grains.ts'
import { lastYearRange, type Range, resolveRange } from '../figures/timeRange.ts'

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
export async function getTop(
  store: Store,
  campaign: Campaign,
  query: TopQuery,
  nowMs = campaignNow(campaign),
): Promise<Top> {
  const range = resolveRange(campaign, query)
  const ranking = await getRanking(store, query.filter, range, {
    dimension: query.dimension,
    sort: query.sort,
    limit: query.limit,
    lastYear: rankingLastYear(campaign, range, nowMs),
    growthBase: campaign.thresholds.growthBase,
  })
  return {
    dimension: query.dimension,
    sort: query.sort,
    from: range.fromMs === EARLIEST_MS ? null : new Date(range.fromMs).toISOString(),
    to: range.toMs === OPEN_END_MS ? null : new Date(range.toMs).toISOString(),
    total: ranking.total,
    rows: topRows(ranking.rows, ranking.total.gmv),
  }
}

/** Ranked rows as every surface lists them: rank, share of the total, growth on last year's GMV. */
export function topRows(rows: readonly RankedRow[], totalGmv: string): TopRow[] {
  const totalFen = toFen(totalGmv)
  return rows.map((row, index) => ({
    rank: index + 1,
    key: row.key,
    gmv: row.gmv,
    orders: row.orders,
    share: shareOf(toFen(row.gmv), totalFen),
    lastYearGmv: row.lastYearGmv,
    growthPercent: row.lastYearGmv === null ? null : growthPercent(row.gmv, row.lastYearGmv),
  }))
}

/**
 * Last year's range for a ranking at this offset: null when no window is configured, and an
 * empty range (every key's base is zero) when the window has nothing at this offset.
 */
export function rankingLastYear(campaign: Campaign, range: Range, nowMs: number): Range | null {
  return campaign.lastYear ? (lastYearRange(campaign, range, nowMs) ?? EMPTY_RANGE) : null
}

const EMPTY_RANGE = { fromMs: 0, toMs: 0 }
