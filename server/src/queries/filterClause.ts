import type { Filter, FilterDimension } from '@gmv-pulse/shared'
import type { QueryParams } from '../clickhouse/store.ts'

/** Dimension → column: the allow-list that keeps identifiers out of user input. */
export const DIMENSION_COLUMNS: Readonly<Record<FilterDimension, string>> = {
  brand: 'brand',
  category: 'category',
  channel: 'channel',
  liveRoom: 'live_room',
  region: 'region',
}

/** `AND column = {param:String}` for every filter field set; the values travel as typed parameters. */
export function filterClause(filter: Filter): { sql: string; params: QueryParams } {
  let sql = ''
  const params: QueryParams = {}
  for (const [dimension, column] of Object.entries(DIMENSION_COLUMNS) as [FilterDimension, string][]) {
    const value = filter[dimension]
    if (value === undefined) continue
    sql += ` AND ${column} = {${dimension}:String}`
    params[dimension] = value
  }
  return { sql, params }
}

export function isUnfiltered(filter: Filter): boolean {
  return Object.values(filter).every((value) => value === undefined)
}
