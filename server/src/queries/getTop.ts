import {
  type Campaign,
  type Filter,
  type FilterDimension,
  growthPercent,
  normaliseMoney,
  shareOf,
  type Top,
  type TopRow,
  type TopSort,
  toFen,
} from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { campaignBounds, lastYearAlignment, lastYearRange } from './campaignWindow.ts'
import { exactSource } from './exactSource.ts'
import { DIMENSION_COLUMNS } from './filterClause.ts'

export interface TopQuery {
  filter: Filter
  dimension: FilterDimension
  sort: TopSort
  limit: number
  from?: number | undefined
  to?: number | undefined
}

/** Sort → ORDER BY, the allow-list; ties break on the key so pages are stable. Growth without a base sorts last. */
const ORDER_BY: Readonly<Record<TopSort, string>> = {
  gmv: 'gmv_order DESC, key ASC',
  orders: 'orders DESC, gmv_order DESC, key ASC',
  growth: 'growth_order DESC NULLS LAST, gmv_order DESC, key ASC',
}

// Stand-ins for an open end of a range; DateTime (the rollups' type) ends in 2106.
const EARLIEST_MS = 0
const LATEST_MS = Date.UTC(2100, 0, 1)

/**
 * A ranking of one dimension under a filter in [from, to) (default: the campaign window):
 * GMV, orders, share of the filtered total and growth against the same key in last year's
 * window at the same campaign offset. Sums are exact; the float growth in SQL only orders
 * rows, the growth answered is computed from the decimals.
 *
 * Orders without a live room ('') count in the total but are not a live room to rank.
 */
export async function getTop(store: Store, campaign: Campaign, query: TopQuery): Promise<Top> {
  const bounds = campaignBounds(campaign)
  const fromMs = query.from ?? bounds.startMs ?? EARLIEST_MS
  const toMs = query.to ?? bounds.endMs ?? LATEST_MS
  const column = DIMENSION_COLUMNS[query.dimension]
  const alignment = lastYearAlignment(campaign)
  const lastRange = alignment ? lastYearRange(alignment, fromMs, toMs) : null
  const current = exactSource({
    db: store.db,
    filter: query.filter,
    fromMs,
    toMs,
    columns: [column],
    prefix: 'cur',
    withTime: false,
  })
  const last = lastRange
    ? exactSource({
        db: store.db,
        filter: query.filter,
        ...lastRange,
        columns: [column],
        prefix: 'ly',
        withTime: false,
      })
    : null
  // An empty last-year side keeps one statement shape whether or not a window is configured.
  const lastSql = last
    ? `SELECT ${column} AS key, sum(gmv) AS gmv FROM (${last.sql}) GROUP BY key`
    : `SELECT '' AS key, CAST(0 AS Decimal(38, 2)) AS gmv WHERE 0`
  const sql = `
    SELECT key, gmv, orders, last_gmv, total_gmv, total_orders FROM (
      SELECT cur.key AS key, cur.gmv AS gmv_order, toString(cur.gmv) AS gmv, cur.orders AS orders, toString(ly.gmv) AS last_gmv,
        if(ly.gmv = 0, NULL, (toFloat64(cur.gmv) - toFloat64(ly.gmv)) / toFloat64(ly.gmv)) AS growth_order,
        toString(sum(cur.gmv) OVER ()) AS total_gmv, sum(cur.orders) OVER () AS total_orders
      FROM (SELECT ${column} AS key, sum(gmv) AS gmv, sum(orders) AS orders FROM (${current.sql}) GROUP BY key) AS cur
      LEFT JOIN (${lastSql}) AS ly ON cur.key = ly.key
    )
    WHERE key != ''
    ORDER BY ${ORDER_BY[query.sort]}
    LIMIT {limit:UInt32}`
  const params: QueryParams = { ...current.params, ...(last?.params ?? {}), limit: query.limit }
  const rows = await store.select<{
    key: string
    gmv: string
    orders: number
    last_gmv: string
    total_gmv: string
    total_orders: number
  }>(sql, params)
  // The window total rides on every row; with no row at all, ask for it directly.
  const total = rows[0]
    ? { gmv: normaliseMoney(rows[0].total_gmv), orders: Number(rows[0].total_orders) }
    : await totalOf(store, current.sql, current.params)
  const totalFen = toFen(total.gmv)
  return {
    dimension: query.dimension,
    sort: query.sort,
    from: fromMs === EARLIEST_MS ? null : new Date(fromMs).toISOString(),
    to: toMs === LATEST_MS ? null : new Date(toMs).toISOString(),
    total,
    rows: rows.map((row, index): TopRow => {
      const gmv = normaliseMoney(row.gmv)
      const lastYearGmv = alignment ? normaliseMoney(row.last_gmv) : null
      return {
        rank: index + 1,
        key: row.key,
        gmv,
        orders: Number(row.orders),
        share: shareOf(toFen(gmv), totalFen),
        lastYearGmv,
        growthPercent: lastYearGmv === null ? null : growthPercent(gmv, lastYearGmv),
      }
    }),
  }
}

async function totalOf(store: Store, source: string, params: QueryParams): Promise<{ gmv: string; orders: number }> {
  const [row] = await store.select<{ gmv: string; orders: number }>(
    `SELECT toString(sum(gmv)) AS gmv, sum(orders) AS orders FROM (${source})`,
    params,
  )
  return { gmv: normaliseMoney(row?.gmv ?? '0'), orders: Number(row?.orders ?? 0) }
}
