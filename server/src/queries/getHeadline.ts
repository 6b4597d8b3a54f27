import { type Campaign, convertFromCny, growthPercent, type Headline } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { campaignBounds, lastYearAlignment } from './campaignWindow.ts'
import { exactSource } from './exactSource.ts'
import { clickhouseTimeToIso, getSummary } from './getSummary.ts'
import { getTop } from './getTop.ts'

export interface HeadlineOptions {
  /** CNY per USD, from config.fxRates. */
  usdRate: string
  /** Cutoff, epoch ms; default the server's clock. */
  at?: number | undefined
  nowMs?: number
}

/** The published announcement lists the top brands by name; ten fit a slide. */
const TOP_BRANDS = 10

/**
 * The presenter's figures at a cutoff, as in the published 2020 announcement: GMV in CNY and
 * USD, growth against last year at the same offset, the peak of orders per second, orders,
 * RMB-100-million brands and live rooms (GMV at or above the threshold, "破亿"), participating,
 * overseas and first-time brands, and the top brands. Everything counts [campaign start, cutoff),
 * the cutoff being the requested time capped at the campaign's end.
 */
export async function getHeadline(store: Store, campaign: Campaign, options: HeadlineOptions): Promise<Headline> {
  const bounds = campaignBounds(campaign)
  const requested = options.at ?? options.nowMs ?? Date.now()
  const fromMs = bounds.startMs ?? 0
  const cutoffMs = Math.max(fromMs, Math.min(requested, bounds.endMs ?? requested))
  const alignment = lastYearAlignment(campaign)
  const lastYearToMs = alignment ? Math.min(alignment.startMs + (cutoffMs - fromMs), alignment.endMs) : null

  const [summary, lastYear, peak, brands, liveRooms, top] = await Promise.all([
    getSummary(store, {}, { from: fromMs, to: cutoffMs }),
    alignment && lastYearToMs !== null
      ? getSummary(store, {}, { from: alignment.startMs, to: Math.max(alignment.startMs, lastYearToMs) })
      : null,
    peakOrdersPerSecond(store, fromMs, cutoffMs),
    brandCounts(store, campaign, fromMs, cutoffMs),
    liveRoomsAbove(store, campaign.thresholds.liveRoomGmv, fromMs, cutoffMs),
    getTop(store, campaign, {
      filter: {},
      dimension: 'brand',
      sort: 'gmv',
      limit: TOP_BRANDS,
      from: fromMs,
      to: cutoffMs,
    }),
  ])
  const asOf = summary.asOf
  return {
    campaign: campaign.name,
    cutoff: new Date(cutoffMs).toISOString(),
    gmv: { cny: summary.gmv, usd: convertFromCny(summary.gmv, options.usdRate), usdRate: options.usdRate, asOf },
    growth: lastYear ? { lastYearGmv: lastYear.gmv, percent: growthPercent(summary.gmv, lastYear.gmv), asOf } : null,
    peak: { ...peak, asOf },
    orders: { count: summary.orders, asOf },
    brandsAboveThreshold: { count: brands.above, threshold: campaign.thresholds.brandGmv, asOf },
    liveRoomsAboveThreshold: { count: liveRooms, threshold: campaign.thresholds.liveRoomGmv, asOf },
    participatingBrands: { count: brands.participating, asOf },
    overseasBrands: { count: brands.overseas, asOf },
    firstTimeBrands: alignment ? { count: brands.firstTime, asOf } : null,
    topBrands: { brands: top.rows, asOf },
  }
}

/** The busiest whole second in [from, cutoff) and when it began; the earliest wins a tie. */
async function peakOrdersPerSecond(store: Store, fromMs: number, toMs: number) {
  const [row] = await store.select<{ orders: number; second_text: string }>(
    `SELECT sum(orders) AS orders, toString(second) AS second_text FROM ${store.db}.orders_by_second
     WHERE second >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
       AND second + 1 <= fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
     GROUP BY second
     ORDER BY orders DESC, second ASC
     LIMIT 1`,
    { fromMs, toMs },
  )
  return row
    ? { ordersPerSecond: Number(row.orders), at: clickhouseTimeToIso(row.second_text) }
    : { ordersPerSecond: 0, at: null }
}

async function brandCounts(store: Store, campaign: Campaign, fromMs: number, toMs: number) {
  const current = exactSource({
    db: store.db,
    filter: {},
    fromMs,
    toMs,
    columns: ['brand', 'brand_origin'],
    prefix: 'cur',
    withTime: false,
  })
  const alignment = lastYearAlignment(campaign)
  const last = alignment
    ? exactSource({
        db: store.db,
        filter: {},
        fromMs: alignment.startMs,
        toMs: alignment.endMs,
        columns: ['brand'],
        prefix: 'ly',
        withTime: false,
      })
    : null
  const [row] = await store.select<{ above: number; participating: number; overseas: number; first_time: number }>(
    `SELECT
       countIf(gmv >= {threshold:Decimal(18, 2)}) AS above,
       count() AS participating,
       countIf(overseas) AS overseas,
       ${last ? `countIf(brand NOT IN (SELECT brand FROM (${last.sql})))` : '0'} AS first_time
     FROM (
       SELECT brand, sum(gmv) AS gmv, max(brand_origin = 'overseas') AS overseas
       FROM (${current.sql}) GROUP BY brand
     )`,
    { ...current.params, ...(last?.params ?? {}), threshold: campaign.thresholds.brandGmv },
  )
  return {
    above: Number(row?.above ?? 0),
    participating: Number(row?.participating ?? 0),
    overseas: Number(row?.overseas ?? 0),
    firstTime: Number(row?.first_time ?? 0),
  }
}

async function liveRoomsAbove(store: Store, threshold: string, fromMs: number, toMs: number): Promise<number> {
  const current = exactSource({
    db: store.db,
    filter: {},
    fromMs,
    toMs,
    columns: ['live_room'],
    prefix: 'cur',
    withTime: false,
  })
  const [row] = await store.select<{ above: number }>(
    `SELECT countIf(gmv >= {threshold:Decimal(18, 2)}) AS above FROM (
       SELECT live_room, sum(gmv) AS gmv FROM (${current.sql}) WHERE live_room != '' GROUP BY live_room
     )`,
    { ...current.params, threshold },
  )
  return Number(row?.above ?? 0)
}
