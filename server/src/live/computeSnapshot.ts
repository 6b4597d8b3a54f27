import {
  type Campaign,
  campaignNow,
  type Filter,
  fromFen,
  growthPercent,
  type Milestone,
  type RankedBrand,
  type Snapshot,
  toFen,
} from '@gmv-pulse/shared'
import type { Store } from '../clickhouse/store.ts'
import { countLiveRoomsAbove } from '../figures/countLiveRoomsAbove.ts'
import { findMilestoneTimes } from '../figures/findMilestoneTimes.ts'
import { getAsOf } from '../figures/getAsOf.ts'
import { getBrandStandings } from '../figures/getBrandStandings.ts'
import { getLastYear, type LastYearMemory } from '../figures/getLastYear.ts'
import { getPeak, type Peak } from '../figures/getPeak.ts'
import { getSecondCounts, type SecondCount } from '../figures/getSecondCounts.ts'
import { getSplits } from '../figures/getSplits.ts'
import { getTotal } from '../figures/getTotal.ts'
import { resolveRange } from '../figures/timeRange.ts'
import { fillSeconds } from './fillSeconds.ts'
import { milestoneLabel } from './milestoneLabel.ts'
import { rankChanges } from './rankChanges.ts'

/** Five minutes of orders/s: long enough to see a surge build, short enough to read every tick. */
const ORDERS_PER_SECOND_WINDOW_S = 300
/**
 * Each tick reads again the last seconds it already holds: orders of a batch still in flight
 * land there, a few seconds behind the newest. Ten seconds covers the producers' batching.
 */
const REREAD_SECONDS = 10
/** Enough lines to draw the shape of the trade; more would be noise on a wall. */
const MAP_FLOWS = 40
/**
 * What a filter carries forward (the peak, last year so far) is read again in full this often,
 * so a late order, or last year's orders loaded while the wall already watched, still counts.
 */
const RECONCILE_TICKS = 60

/**
 * What one filter remembers between ticks. The figures carried forward (the orders/s window,
 * the peak, last year so far, milestones) read only what arrived since the previous tick; the
 * rest are read from rollups sized by time buckets × cardinality, so no figure's cost grows with
 * the number of orders stored.
 */
export interface FilterMemory {
  previousTop: RankedBrand[] | undefined
  peak: Peak | null | undefined
  ticksSinceReconcile: number
  /** The per-second window held so far (sparse) and the second it reaches (exclusive, epoch ms). */
  recent: SecondCount[]
  recentToMs: number | undefined
  lastYear: LastYearMemory | undefined
  /** Milestone threshold → event time reached (epoch ms). A crossing never un-happens. */
  reached: Map<string, number>
}

export const newFilterMemory = (): FilterMemory => ({
  previousTop: undefined,
  peak: undefined,
  ticksSinceReconcile: 0,
  recent: [],
  recentToMs: undefined,
  lastYear: undefined,
  reached: new Map(),
})

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString())

/** The window's seconds: what memory holds, with the newest seconds (and a few before them) read again. */
async function recentSeconds(
  store: Store,
  filter: Filter,
  memory: FilterMemory,
  windowFromMs: number,
  windowToMs: number,
): Promise<SecondCount[]> {
  const rereadFromMs =
    memory.recentToMs === undefined ? windowFromMs : Math.max(windowFromMs, memory.recentToMs - REREAD_SECONDS * 1000)
  const fresh = await getSecondCounts(store, filter, { fromMs: rereadFromMs, toMs: windowToMs })
  const kept = memory.recent.filter((point) => point.second >= windowFromMs && point.second < rereadFromMs)
  memory.recent = [...kept, ...fresh]
  memory.recentToMs = windowToMs
  return memory.recent
}

/** Computes one filter's full snapshot. Called once per filter per tick, whatever the number of viewers. */
export async function computeSnapshot(
  store: Store,
  campaign: Campaign,
  filter: Filter,
  memory: FilterMemory,
  now: number = campaignNow(campaign),
): Promise<Snapshot> {
  const range = resolveRange(campaign)
  if (memory.ticksSinceReconcile >= RECONCILE_TICKS) {
    memory.peak = undefined
    memory.lastYear = undefined
    memory.ticksSinceReconcile = 0
  }
  memory.ticksSinceReconcile += 1

  // Every read is issued at once and the store spreads them over its read sessions: a tick waits
  // for its longest chain of reads (asOf, then the newest seconds), not for the sum of them all.
  // On a filter's first tick nothing is known of its milestones: their search starts from the
  // total (it looks only for the thresholds the total reaches) while the other reads go on.
  const firstTick = memory.recentToMs === undefined
  const totalRead = getTotal(store, filter, range)
  const asOfRead = getAsOf(store, range)
  const window = asOfRead.then(async (asOf) => {
    const anchorSecond = Math.floor((asOf ? Date.parse(asOf) : now) / 1000) * 1000
    const fromMs = anchorSecond - (ORDERS_PER_SECOND_WINDOW_S - 1) * 1000
    return { fromMs, recent: await recentSeconds(store, filter, memory, fromMs, anchorSecond + 1000) }
  })
  const [
    totals,
    asOf,
    { fromMs: windowFrom, recent },
    peakRead,
    standings,
    splits,
    liveRoomsAboveThreshold,
    lastYear,
    firstMilestones,
  ] = await Promise.all([
    totalRead,
    asOfRead,
    window,
    memory.peak === undefined ? getPeak(store, filter, range) : Promise.resolve(memory.peak),
    getBrandStandings(store, filter, range, campaign.thresholds.brandGmv),
    getSplits(store, filter, range, MAP_FLOWS),
    countLiveRoomsAbove(store, filter, range, campaign.thresholds.liveRoomGmv),
    getLastYear(store, campaign, filter, range, now, memory.lastYear),
    firstTick
      ? totalRead.then((total) => findMilestoneTimes(store, filter, range, campaign.milestones, total.gmv))
      : new Map<string, number | null>(),
  ])
  const series = fillSeconds(recent, windowFrom, ORDERS_PER_SECOND_WINDOW_S)
  memory.peak = peakRead
  const peak = memory.peak
  if (peak) {
    for (const point of recent) {
      if (point.orders > peak.ordersPerSecond && point.second >= range.fromMs) {
        peak.ordersPerSecond = point.orders
        peak.at = point.second
      }
    }
  }
  memory.lastYear = lastYear?.memory
  const topBrands = standings ? rankChanges(standings.top, memory.previousTop) : null
  if (topBrands) memory.previousTop = topBrands

  // Later ticks look only for thresholds the total has just passed.
  const newlyReached = firstTick
    ? []
    : campaign.milestones.filter((threshold) => !memory.reached.has(threshold) && toFen(totals.gmv) >= toFen(threshold))
  for (const found of [firstMilestones, await findMilestoneTimes(store, filter, range, newlyReached, totals.gmv)]) {
    for (const [threshold, at] of found) if (at !== null) memory.reached.set(threshold, at)
  }
  const milestones: Milestone[] = campaign.milestones.map((threshold) => ({
    label: milestoneLabel(threshold),
    threshold,
    reachedAt: iso(memory.reached.get(threshold)),
  }))

  const current = series.at(-1)
  const previous = series.at(-2)
  // When it was computed is wall-clock time (how fresh it is); `now` is the campaign's clock.
  const computedAt = new Date().toISOString()
  return {
    filter,
    // Null until something matched this filter, as the summary route answers.
    asOf: totals.orders > 0 ? asOf : null,
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
    peak: peak ? { ordersPerSecond: peak.ordersPerSecond, at: iso(peak.at) } : null,
    topBrands,
    channels: splits.channels,
    liveRoomsAboveThreshold,
    brandsAboveThreshold: standings?.aboveThreshold ?? null,
    participatingBrands: standings?.participating ?? null,
    overseasBrands: standings?.overseas ?? null,
    regions: splits.regions,
    categories: splits.categories,
    flows: splits.flows,
    lastYear: lastYear ? { gmv: lastYear.gmv, growthPercent: growthPercent(totals.gmv, lastYear.gmv) } : null,
    milestones,
  }
}
