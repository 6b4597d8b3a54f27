import { type Filter, type FilterDimension, normaliseMoney, type TopSort } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { DIMENSION_COLUMNS } from '../queries/filterClause.ts'
import { getTotal } from './getTotal.ts'
import { afresh, atLeastBase, lastYearByKey, lastYearRows } from './lastYearSoFar.ts'
import type { Column } from './rollupLevels.ts'
import { READ_BUDGET_SETTINGS, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

export interface RankingQuery {
  dimension: FilterDimension
  sort: TopSort
  limit: number
  /** Last year's range at the same offset (timeRange.lastYearRange); null leaves growth out. */
  lastYear: Range | null
  /** The last-year GMV a key needs to be ranked by growth (the campaign's `thresholds.growthBase`). */
  growthBase: string
}

export interface RankedRow {
  key: string
  gmv: string
  orders: number
  /** Null when no last-year range was given. */
  lastYearGmv: string | null
}

export interface Ranking {
  rows: RankedRow[]
  /** The filtered total over the range, every key included (orders without a live room too). */
  total: { gmv: string; orders: number }
}

/**
 * A raw edge this short (the finest rollups are seconds and minutes) is read in the statement;
 * so are brands' hours and seconds from the projections over as long, which for every brand
 * are a row per brand and bucket.
 */
const MAX_RAW_MS_IN_STATEMENT = 60_000

/** Sort → ORDER BY, the allow-list; ties break on the key so pages are stable. Keys below the growth base sort last. */
const ORDER_BY: Readonly<Record<TopSort, string>> = {
  gmv: 'gmv_order DESC, key ASC',
  orders: 'orders DESC, gmv_order DESC, key ASC',
  growth: 'growth_order DESC NULLS LAST, gmv_order DESC, key ASC',
}

/**
 * Last year's side of a ranking: joined to this year's keys, or left to a lookup of the rows
 * shown. `known` says in SQL whether a row's last-year GMV is its own (0: look it up).
 */
interface LastYearSide {
  join: string
  gmv: string
  known: string
  /** How the join runs, as SETTINGS. */
  joinSettings: string
  params: QueryParams
}

/** No join: every row shown is looked up, or, with no last-year window, has none. */
const NO_JOIN: LastYearSide = { join: '', gmv: 'CAST(0 AS Decimal(18, 2))', known: '0', joinSettings: '', params: {} }

/**
 * The top keys of one dimension under a filter in a range, with last year's GMV for the same
 * key at the same offset. Sums are exact; the float ratio in SQL only orders rows (this year over
 * last year orders them as growth does, growth being that ratio less one, with one decimal
 * conversion fewer per key). Orders without a live room count in the total but are not a live
 * room to rank. By growth, the keys with at least the growth base last year come first, by
 * growth; the rest follow by GMV, with their growth shown.
 */
export async function getRanking(store: Store, filter: Filter, range: Range, query: RankingQuery): Promise<Ranking> {
  const column = DIMENSION_COLUMNS[query.dimension] as Column
  const current = sourceFor(store, filter, range, { columns: [column], prefix: 'c' })
  const total = sourceFor(store, filter, range, { prefix: 't' })
  const last = query.lastYear ? lastYearSide(store, filter, column, query.lastYear, query) : NO_JOIN
  const perKey = current.onePerKey
    ? `SELECT ${column} AS key, gmv, orders FROM (${current.sql})`
    : `SELECT ${column} AS key, sum(gmv) AS gmv, sum(orders) AS orders FROM (${current.sql}) GROUP BY key`
  const growthOrder = query.sort === 'growth' ? 'if(last_known, toFloat64(cur.gmv) / toFloat64(ly_gmv), NULL)' : 'NULL'
  const sql = `
    WITH (SELECT (toString(sum(gmv)), sum(orders)) FROM (${total.sql})) AS total
    SELECT key, gmv, orders, last_gmv, last_known, total.1 AS total_gmv, total.2 AS total_orders FROM (
      SELECT cur.key AS key, cur.gmv AS gmv_order, toString(cur.gmv) AS gmv, cur.orders AS orders,
        ${last.gmv} AS ly_gmv, toString(ly_gmv) AS last_gmv, ${last.known} = 1 AS last_known,
        ${growthOrder} AS growth_order
      FROM (${perKey}) AS cur
      ${last.join}
      WHERE cur.key != ''
    )
    ORDER BY ${ORDER_BY[query.sort]}
    LIMIT {limit:UInt32}
    SETTINGS ${last.joinSettings ? `${last.joinSettings}, ` : ''}${READ_BUDGET_SETTINGS}`
  const params: QueryParams = { ...current.params, ...total.params, ...last.params, limit: query.limit }
  const rows = await store.select<{
    key: string
    gmv: string
    orders: number
    last_gmv: string
    last_known: number | boolean
    total_gmv: string
    total_orders: number
  }>(sql, params)
  // The total rides on every row; with no row at all, ask for it alone.
  const totalOfRange = rows[0]
    ? { gmv: normaliseMoney(rows[0].total_gmv), orders: Number(rows[0].total_orders) }
    : await getTotal(store, filter, range)
  const known = (row: (typeof rows)[number]) => Number(row.last_known) === 1
  const unknown = rows.filter((row) => !known(row)).map((row) => row.key)
  const lookedUp =
    query.lastYear && unknown.length > 0 ? await lastYearByKey(store, filter, column, query.lastYear, unknown) : null
  return {
    rows: rows.map((row) => ({
      key: row.key,
      gmv: normaliseMoney(row.gmv),
      orders: Number(row.orders),
      lastYearGmv: query.lastYear
        ? normaliseMoney(known(row) ? row.last_gmv : (lookedUp?.get(row.key) as string))
        : null,
    })),
    total: totalOfRange,
  }
}

/**
 * Last year ends inside a day; where no rollup keeps this key for that day's part (brands, live
 * rooms), reading it afresh is every raw order of it, so the sums kept per key serve instead
 * (lastYearSoFar.ts).
 * - By growth, the keys at the base are hashed and every key of this year probes them; the
 *   rows shown below the base are looked up afterwards.
 * - By GMV or orders, last year only labels the rows shown: with a short raw edge it is joined
 *   (both sides sorted by key: merging beat hashing 250,000 keys, 56 → 42 ms at 125M orders),
 *   with a longer one looked up for those rows afterwards.
 */
function lastYearSide(
  store: Store,
  filter: Filter,
  column: Column,
  lastYear: Range,
  query: RankingQuery,
): LastYearSide {
  const fresh = afresh(store, filter, column, lastYear, 'l')
  const ragged = fresh.rawMs + fresh.projectedMs > MAX_RAW_MS_IN_STATEMENT
  if (query.sort === 'growth') {
    const rows = (ragged ? lastYearRows(store, filter, column, lastYear, 'k') : null) ?? fresh
    const based = atLeastBase(rows, query.growthBase, 'g')
    return {
      join: `LEFT JOIN (SELECT key, gmv, 1 AS known FROM (${based.sql})) AS ly ON cur.key = ly.key`,
      gmv: 'ly.gmv',
      known: 'ly.known',
      // Measured at 125M orders, side by side, the statement's median: 53 ms merging every key,
      // 33 ms hashing the 11,435 at the base (44 ms merging them). The keys at the base are the
      // side to hash, always: the engine guesses each side's size before the base's filter, and at
      // 12.5M orders it chose to hash this year's 250,000 brands instead (76 → 27 ms kept from it).
      joinSettings: "join_algorithm = 'hash', query_plan_join_swap_table = 0",
      params: based.params,
    }
  }
  if (ragged) return NO_JOIN
  return {
    join: `LEFT JOIN (${fresh.perKey}) AS ly ON cur.key = ly.key`,
    gmv: 'ly.gmv',
    known: '1',
    joinSettings: "join_algorithm = 'full_sorting_merge'",
    params: fresh.params,
  }
}
