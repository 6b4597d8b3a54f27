import {
  type Campaign,
  type Filter,
  fromFen,
  growthPercent,
  type Milestone,
  type RankedBrand,
  type Snapshot,
  toFen,
} from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { countLiveRoomsAbove } from '../queries/countLiveRoomsAbove.ts'
import { findMilestoneTime } from '../queries/findMilestoneTime.ts'
import { getBrandStandings } from '../queries/getBrandStandings.ts'
import { getBreakdowns } from '../queries/getBreakdowns.ts'
import { getFlows } from '../queries/getFlows.ts'
import { getOrdersPerSecond } from '../queries/getOrdersPerSecond.ts'
import { getPeakOrdersPerSecond, type Peak } from '../queries/getPeakOrdersPerSecond.ts'
import { getSummary, type TimeRange } from '../queries/getSummary.ts'
import { fillSeconds } from './fillSeconds.ts'
import { milestoneLabel } from './milestoneLabel.ts'
import { rankChanges } from './rankChanges.ts'

/** Five minutes of orders/s: long enough to see a surge build, short enough to read every tick. */
const ORDERS_PER_SECOND_WINDOW_S = 300
const TOP_BRANDS = 10
/** Enough lines to draw the shape of the trade; more would be noise on a wall. */
const MAP_FLOWS = 40

/** What one filter remembers between ticks: it makes a tick incremental where history cannot change. */
export interface FilterMemory {
  previousTop: RankedBrand[] | undefined
  peak: Peak | undefined
  /** Milestone threshold → event time reached (epoch ms). A crossing never un-happens. */
  reached: Map<string, number>
}

export const newFilterMemory = (): FilterMemory => ({ previousTop: undefined, peak: undefined, reached: new Map() })

export function campaignRange(campaign: Campaign): TimeRange {
  return {
    from: campaign.start ? Date.parse(campaign.start) : undefined,
    to: campaign.end ? Date.parse(campaign.end) : undefined,
  }
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString())

/** Computes one filter's full snapshot. Called once per filter per tick, whatever the number of viewers. */
export async function computeSnapshot(
  store: Store,
  campaign: Campaign,
  filter: Filter,
  memory: FilterMemory,
  now: number = Date.now(),
): Promise<Snapshot> {
  const range = campaignRange(campaign)
  const totals = await getSummary(store, filter, range)
  const asOfMs = totals.asOf ? Date.parse(totals.asOf) : null
  const anchorSecond = Math.floor((asOfMs ?? now) / 1000) * 1000
  const windowFrom = anchorSecond - (ORDERS_PER_SECOND_WINDOW_S - 1) * 1000
  const recent = await getOrdersPerSecond(store, filter, windowFrom, anchorSecond + 1000)
  const series = fillSeconds(recent, windowFrom, ORDERS_PER_SECOND_WINDOW_S)

  const peak = memory.peak ?? (await getPeakOrdersPerSecond(store, filter, range))
  for (const point of recent) {
    if (point.orders > peak.ordersPerSecond) {
      peak.ordersPerSecond = point.orders
      peak.at = point.second
    }
  }
  memory.peak = peak

  const brands = await getBrandStandings(store, filter, range, {
    limit: TOP_BRANDS,
    thresholdGmv: campaign.thresholds.brandGmv,
  })
  const topBrands = rankChanges(brands.top, memory.previousTop)
  memory.previousTop = topBrands
  const breakdowns = await getBreakdowns(store, filter, range)
  const flows = await getFlows(store, filter, range, MAP_FLOWS)
  const liveRoomsAboveThreshold = await countLiveRoomsAbove(store, filter, range, campaign.thresholds.liveRoomGmv)

  let lastYear: Snapshot['lastYear'] = null
  if (campaign.lastYear && range.from !== undefined && range.to !== undefined) {
    // Last year at the same offset from its own start: the like-for-like comparison.
    const offset = Math.min(Math.max((asOfMs ?? now) - range.from, 0), range.to - range.from)
    const lastYearStart = Date.parse(campaign.lastYear.start)
    const previous = await getSummary(store, filter, { from: lastYearStart, to: lastYearStart + offset + 1 })
    lastYear = { gmv: previous.gmv, growthPercent: growthPercent(totals.gmv, previous.gmv) }
  }

  const milestones: Milestone[] = []
  for (const threshold of campaign.milestones) {
    let reachedAt = memory.reached.get(threshold)
    if (reachedAt === undefined && toFen(totals.gmv) >= toFen(threshold)) {
      const found = await findMilestoneTime(store, filter, range, threshold)
      if (found !== null) {
        reachedAt = found
        memory.reached.set(threshold, found)
      }
    }
    milestones.push({ label: milestoneLabel(threshold), threshold, reachedAt: iso(reachedAt) })
  }

  const current = series.at(-1)
  const previous = series.at(-2)
  const computedAt = new Date(now).toISOString()
  return {
    filter,
    asOf: totals.asOf,
    computedAt,
    serverTime: computedAt,
    stale: false,
    ageSeconds: 0,
    tickMs: campaign.tickMs,
    gmv: totals.gmv,
    orders: totals.orders,
    currentSecond: { second: iso(current?.second), gmv: current?.gmv ?? fromFen(0n), orders: current?.orders ?? 0 },
    previousSecond: { second: iso(previous?.second), gmv: previous?.gmv ?? fromFen(0n), orders: previous?.orders ?? 0 },
    ordersPerSecond: { start: new Date(windowFrom).toISOString(), counts: series.map((point) => point.orders) },
    peak: { ordersPerSecond: peak.ordersPerSecond, at: iso(peak.at) },
    topBrands,
    channels: breakdowns.channels,
    liveRoomsAboveThreshold,
    brandsAboveThreshold: brands.aboveThreshold,
    participatingBrands: brands.participating,
    overseasBrands: brands.overseas,
    regions: breakdowns.regions,
    categories: breakdowns.categories,
    flows,
    lastYear,
    milestones,
  }
}
