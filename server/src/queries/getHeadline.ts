import {
  type Campaign,
  campaignNow,
  convertFromCny,
  growthPercent,
  type Headline,
  type Snapshot,
} from '@gmv-pulse/shared'
import { readTogether } from '../clickhouse/readTogether.ts'
import type { Store } from '../clickhouse/store.ts'
import { countFirstTimeBrands } from '../figures/countFirstTimeBrands.ts'
import { countLiveRoomsAbove } from '../figures/countLiveRoomsAbove.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { type BrandStandings, getBrandStandings } from '../figures/getBrandStandings.ts'
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
  /**
   * The walls' overview as the live tick last computed it (LiveHub.computedOverview), for the
   * campaign so far: its figures are taken as they are, so the presenter shows what the walls
   * show at the same moment, to the fen, and only what the snapshot lacks is read. Ignored
   * with a cutoff.
   */
  live?: { snapshot: Snapshot; nowMs: number } | undefined
}

/** The figures the headline shares with the wall's snapshot: one definition each (figures/). */
interface CampaignFigures {
  total: { gmv: string; orders: number }
  asOf: string | null
  lastYearGmv: string | null
  peak: { ordersPerSecond: number; at: string | null } | null
  brands: BrandStandings | null
  liveRooms: number | null
}

/**
 * The presenter's figures at a cutoff, as in the published 2020 announcement, composed from the
 * same figures as the wall's snapshot: without a cutoff they count the campaign so far exactly
 * as the wall does (timeRange.ts), taken from the wall's own snapshot while one is live; with a
 * cutoff, [campaign start, cutoff) with the cutoff capped at the campaign's end.
 */
export async function getHeadline(store: Store, campaign: Campaign, options: HeadlineOptions): Promise<Headline> {
  const live = options.at === undefined ? options.live : undefined
  const nowMs = live?.nowMs ?? options.at ?? options.nowMs ?? campaignNow(campaign)
  const window = resolveRange(campaign)
  const range =
    options.at === undefined
      ? window
      : { fromMs: window.fromMs, toMs: Math.max(window.fromMs, Math.min(options.at, window.toMs)) }

  // Read: the brands' chain (standings, then what follows from them) is asked first, the longest.
  // Figures asked side by side reach the engine as one statement (readTogether.ts).
  const reads = readTogether(store)
  const liveFigures = live ? figuresOf(live.snapshot) : undefined
  const brandsRead = liveFigures
    ? Promise.resolve(liveFigures.brands)
    : getBrandStandings(reads, {}, range, campaign.thresholds.brandGmv)
  const [figures, { firstTime, lastYearGmv }] = await Promise.all([
    liveFigures ?? readFigures(reads, campaign, range, nowMs, brandsRead),
    brandsRead.then((brands) => brandExtras(reads, campaign, range, nowMs, brands)),
  ])
  const { total, asOf, lastYearGmv: lastYear, peak, brands, liveRooms } = figures
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
    growth: lastYear !== null ? { lastYearGmv: lastYear, percent: growthPercent(total.gmv, lastYear), asOf } : null,
    peak: { ordersPerSecond: peak?.ordersPerSecond ?? 0, at: peak?.at ?? null, asOf },
    orders: { count: total.orders, asOf },
    brandsAboveThreshold: { count: brands?.aboveThreshold ?? 0, threshold: campaign.thresholds.brandGmv, asOf },
    liveRoomsAboveThreshold: { count: liveRooms ?? 0, threshold: campaign.thresholds.liveRoomGmv, asOf },
    participatingBrands: { count: brands?.participating ?? 0, asOf },
    overseasBrands: { count: brands?.overseas ?? 0, asOf },
    firstTimeBrands: firstTime === null ? null : { count: firstTime, asOf },
    topBrands: { brands: topBrands, asOf },
  }
}

/** Every shared figure read from the store, side by side. */
async function readFigures(
  store: Store,
  campaign: Campaign,
  range: Range,
  nowMs: number,
  brandsRead: Promise<BrandStandings | null>,
): Promise<CampaignFigures> {
  const [brands, asOf, total, lastYear, peak, liveRooms] = await Promise.all([
    brandsRead,
    getAsOf(store, range),
    getTotal(store, {}, range),
    getLastYear(store, campaign, {}, range, nowMs),
    getPeak(store, {}, range),
    countLiveRoomsAbove(store, {}, range, campaign.thresholds.liveRoomGmv),
  ])
  return {
    total,
    asOf,
    lastYearGmv: lastYear?.gmv ?? null,
    peak: peak && {
      ordersPerSecond: peak.ordersPerSecond,
      at: peak.at === null ? null : new Date(peak.at).toISOString(),
    },
    brands,
    liveRooms,
  }
}

/** The same figures as the overview's snapshot carries them (computeSnapshot composes the same files). */
function figuresOf(snapshot: Snapshot): CampaignFigures {
  return {
    total: { gmv: snapshot.gmv, orders: snapshot.orders },
    asOf: snapshot.asOf,
    lastYearGmv: snapshot.lastYear?.gmv ?? null,
    peak: snapshot.peak,
    brands: standingsOf(snapshot),
    liveRooms: snapshot.liveRoomsAboveThreshold,
  }
}

function standingsOf(snapshot: Snapshot): BrandStandings | null {
  const { topBrands, participatingBrands, overseasBrands, brandsAboveThreshold } = snapshot
  if (!topBrands || participatingBrands === null || overseasBrands === null || brandsAboveThreshold === null) {
    return null
  }
  return {
    top: topBrands.map(({ brand, gmv, orders }) => ({ brand, gmv, orders })),
    participating: participatingBrands,
    overseas: overseasBrands,
    aboveThreshold: brandsAboveThreshold,
  }
}

/**
 * What follows from the standings and no snapshot carries: last year's GMV of the top brands
 * shown (the wall's top ten) at this offset, and the first-time brands, counted again only when
 * the brands taking part have changed.
 */
async function brandExtras(
  store: Store,
  campaign: Campaign,
  range: Range,
  nowMs: number,
  brands: BrandStandings | null,
) {
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
  return { firstTime, lastYearGmv }
}
