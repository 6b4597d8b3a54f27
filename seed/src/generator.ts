/**
 * The campaign generator: `createCampaignGenerator({ seed, scale, year })` yields the
 * orders of any slice of a campaign, as OrderInput objects or NDJSON, in batches.
 * Same seed and options → the same bytes, whatever the slicing.
 */
import type { OrderInput } from '@gmv-pulse/shared'
import { type CampaignModel, getCampaignModel } from './campaignModel.ts'
import { CAMPAIGN_SECONDS, type CampaignYear, campaignEndMs, campaignStartMs } from './campaignWindow.ts'
import { linePrefix, maxLineBytes, writeNdjson } from './ndjsonWriter.ts'
import { drawSecond, OrderDraws } from './orderDraws.ts'
import { PEAK_ORDERS_PER_SECOND_2019, PUBLISHED_2020 } from './publishedFigures.ts'
import { createRateProfile, ordersInSecond, type RateProfile } from './rateProfile.ts'
import { orderIdPrefix, renderOrders, type TimeMap } from './renderOrders.ts'

export interface GeneratorOptions {
  /** Any integer 0 … 2^32 − 1. */
  seed: number
  /** Fraction of the real campaign: orders, GMV, rates and thresholds all scale by it. */
  scale: number
  year?: CampaignYear
}

/** At most this many orders per batch: the ingest API's limit. */
export const MAX_BATCH_ORDERS = 100_000
/** Default batch: large enough to amortise an HTTP round trip, small enough to retry cheaply. */
export const DEFAULT_BATCH_ORDERS = 20_000

export interface BatchOptions {
  /** Campaign seconds [fromSecond, toSecond) (0 = Nov 1 00:00:00 China time). */
  fromSecond?: number
  toSecond?: number
  maxOrders?: number
  timeMap?: TimeMap
  /** Idempotency keys start with this; by default seed, year, scale and time map, so a rerun is a duplicate. */
  keyPrefix?: string
}

interface BatchCommon {
  /** Idempotency-Key: names exactly which orders the batch holds. */
  key: string
  orderCount: number
  /** Exact GMV in fen; Number is exact here, a whole campaign at scale 1 is 5e13 fen < 2^53. */
  gmvFen: number
  /** Campaign seconds covered, [firstSecond, endSecond). */
  firstSecond: number
  endSecond: number
}
export interface NdjsonBatch extends BatchCommon {
  /** UTF-8 NDJSON, one order a line, ready to POST. */
  ndjson: Uint8Array<ArrayBuffer>
}
export interface OrderBatch extends BatchCommon {
  orders: OrderInput[]
}

export interface CampaignGenerator {
  readonly seed: number
  readonly scale: number
  readonly year: CampaignYear
  readonly startMs: number
  readonly endMs: number
  readonly profile: RateProfile
  readonly model: CampaignModel
  /** Whole orders over the campaign (the profile's total, rounded). */
  readonly totalOrders: number
  ordersInSecond(second: number): number
  /** Draws one second's orders into reusable arrays (the calibration reads them directly). */
  drawSecond(second: number, draws: OrderDraws): void
  ordersOfSecond(second: number, timeMap?: TimeMap): OrderInput[]
  ndjsonOfSecond(second: number, timeMap?: TimeMap): string
  ndjsonBatches(options?: BatchOptions): Generator<NdjsonBatch>
  orderBatches(options?: BatchOptions): Generator<OrderBatch>
}

export function validateScale(scale: number): void {
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) throw new RangeError('scale must be a number in (0, 1]')
}

export function createCampaignGenerator(options: GeneratorOptions): CampaignGenerator {
  const { seed, scale } = options
  const year = options.year ?? 2020
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff))
    throw new RangeError('seed must be an integer 0 … 2^32 − 1')
  validateScale(scale)
  const model = getCampaignModel(seed)
  const profile = createRateProfile({
    totalOrders: model.ordersAtFullScale[year] * scale,
    peakOrdersPerSecond: (year === 2020 ? PUBLISHED_2020.peakOrdersPerSecond : PEAK_ORDERS_PER_SECOND_2019) * scale,
  })
  const startMs = campaignStartMs(year)
  const idPrefix = orderIdPrefix(seed, year)
  const countOf = (second: number) => ordersInSecond(profile, second)
  const draw = (second: number, draws: OrderDraws) =>
    drawSecond(model, year, seed, second, startMs + second * 1000, countOf(second), draws)

  interface Segment {
    draws: OrderDraws
    second: number
    from: number
    to: number
  }
  /** Walks the seconds of a slice and cuts them into batches of at most maxOrders. */
  function* segmentsOfBatches(batchOptions: BatchOptions): Generator<{ segments: Segment[]; common: BatchCommon }> {
    const fromSecond = Math.max(0, batchOptions.fromSecond ?? 0)
    const toSecond = Math.min(CAMPAIGN_SECONDS, batchOptions.toSecond ?? CAMPAIGN_SECONDS)
    const maxOrders = Math.min(MAX_BATCH_ORDERS, batchOptions.maxOrders ?? DEFAULT_BATCH_ORDERS)
    const timeMap = batchOptions.timeMap
    const keyPrefix =
      batchOptions.keyPrefix ??
      `gp.s${seed}.y${year}.x${scale}${timeMap ? `.m${timeMap.toMs - timeMap.fromMs}x${timeMap.speed}` : ''}`
    // Draws are reused once their batch is rendered (the consumer renders at each yield);
    // within a batch every second keeps its own.
    const pool: OrderDraws[] = []
    let segments: Segment[] = []
    let pending = 0
    let gmvFen = 0
    const cut = (endSecond: number) => {
      const head = segments[0] as Segment
      const common: BatchCommon = {
        key: `${keyPrefix}.${head.second.toString(36)}.${head.from.toString(36)}.${pending}`,
        orderCount: pending,
        gmvFen,
        firstSecond: head.second,
        endSecond,
      }
      const batch = { segments, common }
      segments = []
      pending = 0
      gmvFen = 0
      return batch
    }
    let used = 0
    for (let second = fromSecond; second < toSecond; second++) {
      const count = countOf(second)
      if (count === 0) continue
      if (pending === 0) used = 0
      const draws = pool[used] ?? new OrderDraws()
      pool[used++] = draws
      draw(second, draws)
      for (let k = 0; k < count; ) {
        const take = Math.min(count - k, maxOrders - pending)
        segments.push({ draws, second, from: k, to: k + take })
        for (let j = k; j < k + take; j++) gmvFen += draws.amountFen[j] as number
        pending += take
        k += take
        if (pending === maxOrders) {
          yield cut(k === count ? second + 1 : second)
          // The rest of this second still lives in `draws`: keep it out of the pool's reuse.
          if (k < count) {
            pool[used - 1] = pool[0] as OrderDraws
            pool[0] = draws
            used = 1
          } else used = 0
        }
      }
    }
    if (pending > 0) yield cut(toSecond)
  }

  return {
    seed,
    scale,
    year,
    startMs,
    endMs: campaignEndMs(year),
    profile,
    model,
    totalOrders: Math.round(profile.cumulative[CAMPAIGN_SECONDS] as number),
    ordersInSecond: countOf,
    drawSecond: draw,
    ordersOfSecond(second, timeMap) {
      const draws = new OrderDraws()
      draw(second, draws)
      return renderOrders(model, draws, idPrefix, 0, draws.count, timeMap)
    },
    ndjsonOfSecond(second, timeMap) {
      const draws = new OrderDraws()
      draw(second, draws)
      const out = new Uint8Array(draws.count * maxLineBytes(model, 64))
      const end = writeNdjson(model, draws, linePrefix(idPrefix, second), 0, draws.count, out, 0, timeMap)
      return new TextDecoder().decode(out.subarray(0, end))
    },
    *ndjsonBatches(batchOptions = {}) {
      const lineBytes = maxLineBytes(model, 64)
      for (const { segments, common } of segmentsOfBatches(batchOptions)) {
        const out = new Uint8Array(common.orderCount * lineBytes)
        let end = 0
        for (const { draws, second, from, to } of segments)
          end = writeNdjson(model, draws, linePrefix(idPrefix, second), from, to, out, end, batchOptions.timeMap)
        yield { ...common, ndjson: out.subarray(0, end) }
      }
    },
    *orderBatches(batchOptions = {}) {
      for (const { segments, common } of segmentsOfBatches(batchOptions)) {
        const orders = segments.flatMap(({ draws, from, to }) =>
          renderOrders(model, draws, idPrefix, from, to, batchOptions.timeMap),
        )
        yield { ...common, orders }
      }
    },
  }
}
