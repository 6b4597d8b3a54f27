import type { Headline } from '../analyst.ts'
import type { CsvTable } from './csv.ts'

/**
 * The presenter's figures as a table, one row per figure with its as-of time: the columns and
 * names of GET /api/v1/headline.csv, so a slide's CSV and the API's read the same. Money is
 * the exact decimal string (fen); nothing here is rounded.
 */
export function headlineTable(h: Headline): CsvTable {
  const rows: [string, string | number | null, string | null][] = [
    ['gmv_cny', h.gmv.cny, h.gmv.asOf],
    ['gmv_usd', h.gmv.usd, h.gmv.asOf],
    ['usd_rate_cny', h.gmv.usdRate, h.gmv.asOf],
    ['last_year_gmv_cny', h.growth?.lastYearGmv ?? null, h.growth?.asOf ?? null],
    ['growth_percent', h.growth?.percent ?? null, h.growth?.asOf ?? null],
    ['peak_orders_per_second', h.peak.ordersPerSecond, h.peak.asOf],
    ['peak_at', h.peak.at, h.peak.asOf],
    ['orders', h.orders.count, h.orders.asOf],
    ['brands_above_threshold', h.brandsAboveThreshold.count, h.brandsAboveThreshold.asOf],
    ['brand_threshold_cny', h.brandsAboveThreshold.threshold, h.brandsAboveThreshold.asOf],
    ['live_rooms_above_threshold', h.liveRoomsAboveThreshold.count, h.liveRoomsAboveThreshold.asOf],
    ['live_room_threshold_cny', h.liveRoomsAboveThreshold.threshold, h.liveRoomsAboveThreshold.asOf],
    ['participating_brands', h.participatingBrands.count, h.participatingBrands.asOf],
    ['overseas_brands', h.overseasBrands.count, h.overseasBrands.asOf],
    ['first_time_brands', h.firstTimeBrands?.count ?? null, h.firstTimeBrands?.asOf ?? null],
    ...h.topBrands.brands.map((brand): [string, string, string | null] => [
      `top_brand_${brand.rank}`,
      brand.key,
      h.topBrands.asOf,
    ]),
    ...h.topBrands.brands.map((brand): [string, string, string | null] => [
      `top_brand_${brand.rank}_gmv_cny`,
      brand.gmv,
      h.topBrands.asOf,
    ]),
  ]
  return { header: ['figure', 'value', 'as_of'], rows: [['cutoff', h.cutoff, null], ...rows] }
}
