import { type Campaign, campaignNow, convertFromCny, growthPercent, type Headline } from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { countFirstTimeBrands } from '../figures/countFirstTimeBrands.ts'
import { countLiveRoomsAbove } from '../figures/countLiveRoomsAbove.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { getBrandStandings } from '../figures/getBrandStandings.ts'
import { getLastYear } from '../figures/getLastYear.ts'
import { getPeak } from '../figures/getPeak.ts'
import { getTotal } from '../figures/getTotal.ts'
import { lastYearByKey } from '../figures/lastYearSoFar.ts'
import { lastYearWindow, type Range, resolveRange, shownTo } from '../figures/timeRange.ts'
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
  const nowMs = options.at ?? options.nowMs ?? campaignNow(campaign)
  const window = resolveRange(campaign)
  const range =
    options.at === undefined
      ? window
      : { fromMs: window.fromMs, toMs: Math.max(window.fromMs, Math.min(options.at, window.toMs)) }

  // The brands' chain (standings, then what follows from them) is asked first: it is the longest.
  const [{ brands, firstTime, lastYearGmv }, asOf, total, lastYear, peak, liveRooms] = await Promise.all([
    brandFigures(store, campaign, range, nowMs),
    getAsOf(store, range),
    getTotal(store, {}, range),
    getLastYear(store, campaign, {}, range, nowMs),
    getPeak(store, {}, range),
    countLiveRoomsAbove(store, {}, range, campaign.thresholds.liveRoomGmv),
  ])
  const shown = brands?.top ?? []
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

/**
 * The standings, and what follows from them: last year's GMV of the top brands shown (the wall's
 * top ten) at this offset, and the first-time brands, counted again only when the brands taking
 * part have changed.
 */
async function brandFigures(store: Store, campaign: Campaign, range: Range, nowMs: number) {
  const brands = await getBrandStandings(store, {}, range, campaign.thresholds.brandGmv)
  const lastYearBase = lastYearWindow(campaign)
  const lastYearOfBrands = rankingLastYear(campaign, range, nowMs)
  const [firstTime, lastYearGmv] = await Promise.all([
    lastYearBase && brands ? countFirstTimeBrands(store, range, lastYearBase, brands.participating) : null,
    lastYearOfBrands && brands
      ? lastYearByKey(
          store,
          {},
          'brand',
          lastYearOfBrands,
          brands.top.map((brand) => brand.brand),
        )
      : null,
  ])
  return { brands, firstTime, lastYearGmv }
}
