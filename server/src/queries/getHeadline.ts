import { type Campaign, convertFromCny, growthPercent, type Headline } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { countFirstTimeBrands } from '../figures/countFirstTimeBrands.ts'
import { countLiveRoomsAbove } from '../figures/countLiveRoomsAbove.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { getBrandStandings } from '../figures/getBrandStandings.ts'
import { getLastYear } from '../figures/getLastYear.ts'
import { getPeak } from '../figures/getPeak.ts'
import { lastYearWindow, resolveRange, shownTo } from '../figures/timeRange.ts'
import { getTop } from './getTop.ts'

export interface HeadlineOptions {
  /** CNY per USD, from config.fxRates. */
  usdRate: string
  /** Cutoff, epoch ms; default the campaign so far. */
  at?: number | undefined
  nowMs?: number
}

/** The published announcement lists the top brands by name; ten fit a slide. */
const TOP_BRANDS = 10

/**
 * The presenter's figures at a cutoff, as in the published 2020 announcement, composed from the
 * same figures as the wall's snapshot: without a cutoff they count the campaign so far exactly
 * as the wall does (timeRange.ts); with one, [campaign start, cutoff) with the cutoff capped at
 * the campaign's end.
 */
export async function getHeadline(store: Store, campaign: Campaign, options: HeadlineOptions): Promise<Headline> {
  const nowMs = options.at ?? options.nowMs ?? Date.now()
  const window = resolveRange(campaign)
  const range =
    options.at === undefined
      ? window
      : { fromMs: window.fromMs, toMs: Math.max(window.fromMs, Math.min(options.at, window.toMs)) }
  const lastYearBase = lastYearWindow(campaign)

  // The brand ranking carries the campaign's total over the same range: it is the headline's GMV.
  const [asOf, lastYear, peak, brands, liveRooms, top, firstTime] = await Promise.all([
    getAsOf(store, range),
    getLastYear(store, campaign, {}, range, nowMs),
    getPeak(store, {}, range),
    getBrandStandings(store, {}, range, campaign.thresholds.brandGmv),
    countLiveRoomsAbove(store, {}, range, campaign.thresholds.liveRoomGmv),
    getTop(
      store,
      campaign,
      { filter: {}, dimension: 'brand', sort: 'gmv', limit: TOP_BRANDS, from: range.fromMs, to: range.toMs },
      nowMs,
    ),
    lastYearBase ? countFirstTimeBrands(store, range, lastYearBase) : null,
  ])
  const { total } = top
  return {
    campaign: campaign.name,
    cutoff: new Date(shownTo(range, nowMs)).toISOString(),
    gmv: { cny: total.gmv, usd: convertFromCny(total.gmv, options.usdRate), usdRate: options.usdRate, asOf },
    growth: lastYear ? { lastYearGmv: lastYear.gmv, percent: growthPercent(total.gmv, lastYear.gmv), asOf } : null,
    peak: {
      ordersPerSecond: peak?.ordersPerSecond ?? 0,
      at: peak?.at ? new Date(peak.at).toISOString() : null,
      asOf,
    },
    orders: { count: total.orders, asOf },
    brandsAboveThreshold: { count: brands?.aboveThreshold ?? 0, threshold: campaign.thresholds.brandGmv, asOf },
    liveRoomsAboveThreshold: { count: liveRooms ?? 0, threshold: campaign.thresholds.liveRoomGmv, asOf },
    participatingBrands: { count: brands?.participating ?? 0, asOf },
    overseasBrands: { count: brands?.overseas ?? 0, asOf },
    firstTimeBrands: firstTime === null ? null : { count: firstTime, asOf },
    topBrands: { brands: top.rows, asOf },
  }
}
