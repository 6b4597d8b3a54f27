import { type Campaign, convertFromCny, growthPercent, type Headline } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { countFirstTimeBrands } from '../figures/countFirstTimeBrands.ts'
import { countLiveRoomsAbove } from '../figures/countLiveRoomsAbove.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { getBrandStandings } from '../figures/getBrandStandings.ts'
import { getLastYear } from '../figures/getLastYear.ts'
import { getPeak } from '../figures/getPeak.ts'
import { getTotal } from '../figures/getTotal.ts'
import { lastYearByKey } from '../figures/lastYearSoFar.ts'
import { lastYearWindow, resolveRange, shownTo } from '../figures/timeRange.ts'
import { rankingLastYear, topRows } from './getTop.ts'

export interface HeadlineOptions {
  /** CNY per USD, from config.fxRates. */
  usdRate: string
  /** Cutoff, epoch ms; default the campaign so far. */
  at?: number | undefined
  nowMs?: number
}

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

  const [asOf, total, lastYear, peak, brands, liveRooms, firstTime] = await Promise.all([
    getAsOf(store, range),
    getTotal(store, {}, range),
    getLastYear(store, campaign, {}, range, nowMs),
    getPeak(store, {}, range),
    getBrandStandings(store, {}, range, campaign.thresholds.brandGmv),
    countLiveRoomsAbove(store, {}, range, campaign.thresholds.liveRoomGmv),
    lastYearBase ? countFirstTimeBrands(store, range, lastYearBase) : null,
  ])
  // The top brands are the wall's (the standings' top ten), each with last year's GMV at this offset.
  const shown = brands?.top ?? []
  const lastYearOfBrands = rankingLastYear(campaign, range, nowMs)
  const lastYearGmv = lastYearOfBrands
    ? await lastYearByKey(
        store,
        {},
        'brand',
        lastYearOfBrands,
        shown.map((brand) => brand.brand),
      )
    : null
  const topBrands = topRows(
    shown.map((brand) => ({
      key: brand.brand,
      gmv: brand.gmv,
      orders: brand.orders,
      lastYearGmv: lastYearGmv ? (lastYearGmv.get(brand.brand) as string) : null,
    })),
    total.gmv,
  )
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
    topBrands: { brands: topBrands, asOf },
  }
}
