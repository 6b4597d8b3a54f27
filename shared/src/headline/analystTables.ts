import type { Timeseries, Top } from '../analyst.ts'
import type { CsvTable } from './csv.ts'

/**
 * Leaderboards and series as tables: the columns of `/api/v1/top.csv` and
 * `/api/v1/timeseries.csv`, built here once so the explorer's downloads, made from the very
 * numbers on screen, read exactly like the API's. Money stays the exact decimal string.
 */
export function topTable(top: Top): CsvTable {
  return {
    header: ['rank', top.dimension, 'gmv', 'orders', 'share', 'last_year_gmv', 'growth_percent'],
    rows: top.rows.map((row) => [
      row.rank,
      row.key,
      row.gmv,
      row.orders,
      row.share,
      row.lastYearGmv,
      row.growthPercent,
    ]),
  }
}

export function timeseriesTable(series: Timeseries): CsvTable {
  return {
    header: ['t', 'gmv', 'orders', 'partial', 'last_year_t', 'last_year_gmv', 'last_year_orders'],
    rows: series.points.map((point) => [
      point.t,
      point.gmv,
      point.orders,
      point.partial,
      point.lastYear?.t ?? null,
      point.lastYear?.gmv ?? null,
      point.lastYear?.orders ?? null,
    ]),
  }
}
