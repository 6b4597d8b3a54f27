import { z } from 'zod'
import { moneySchema } from './campaign.ts'
import { filterSchema } from './filters.ts'

const amountAndOrders = { gmv: moneySchema, orders: z.number().int() }

export const secondTotalsSchema = z.object({ second: z.string().nullable(), ...amountAndOrders })

export const rankedBrandSchema = z.object({
  brand: z.string(),
  ...amountAndOrders,
  /** 1-based. */
  rank: z.number().int(),
  /** Places gained since the previous tick (positive = moved up); null when new in the top 10. */
  rankChange: z.number().int().nullable(),
})

export const shareSchema = z.object({
  key: z.string(),
  ...amountAndOrders,
  /** Share of the filtered GMV, 0–1. */
  share: z.number(),
})

/** GMV from brands of one origin to buyers of one region: the lines on the map. */
export const flowSchema = z.object({
  /** 'domestic' | 'overseas' | '' when producers did not say. */
  origin: z.string(),
  region: z.string(),
  gmv: moneySchema,
})

export const milestoneSchema = z.object({
  label: z.string(),
  threshold: moneySchema,
  /** Event time at which cumulative GMV crossed the threshold; null while not reached. */
  reachedAt: z.string().nullable(),
})

/** One live picture of the campaign under one filter, computed once per tick per filter. */
export const snapshotSchema = z.object({
  filter: filterSchema,
  /** How far the data reaches: the latest event time stored in the campaign so far, whatever the filter (ISO); null when nothing is stored yet. */
  asOf: z.string().nullable(),
  /** When the numbers were computed (server clock, ISO). */
  computedAt: z.string(),
  /** When this message left the server (server clock, ISO). */
  serverTime: z.string(),
  /** True when the store could not be read and these are the last good numbers. */
  stale: z.boolean(),
  /** Seconds between computedAt and serverTime: how old the numbers are. */
  ageSeconds: z.number(),
  tickMs: z.number().int(),
  /** Campaign to date. */
  ...amountAndOrders,
  currentSecond: secondTotalsSchema,
  previousSecond: secondTotalsSchema,
  /**
   * Orders per second for the last 5 minutes of event time: the first second (ISO) and one
   * count per second from it, gaps as 0. Counts only, not (time, count) pairs: this series is
   * most of a snapshot's bytes, and every viewer receives every snapshot.
   */
  ordersPerSecond: z.object({ start: z.string(), counts: z.array(z.number().int()) }),
  /**
   * The figures below are null where the store keeps no rollup for them under this filter, so
   * that no figure reads every order (docs/storage.md): the peak second exists for the whole
   * campaign only; brand standings under a filter on nothing, a category or a brand; live rooms
   * under nothing, a category, a region or a room; splits where a rollup keeps both.
   */
  peak: z.object({ ordersPerSecond: z.number().int(), at: z.string().nullable() }).nullable(),
  topBrands: z.array(rankedBrandSchema).nullable(),
  channels: z.array(shareSchema).nullable(),
  liveRoomsAboveThreshold: z.number().int().nullable(),
  brandsAboveThreshold: z.number().int().nullable(),
  participatingBrands: z.number().int().nullable(),
  overseasBrands: z.number().int().nullable(),
  regions: z.array(shareSchema).nullable(),
  categories: z.array(shareSchema).nullable(),
  /** The largest origin → region flows by GMV (at most 40). */
  flows: z.array(flowSchema).nullable(),
  /** Last year's GMV at the same campaign offset; null when no last-year window is configured. */
  lastYear: z.object({ gmv: moneySchema, growthPercent: z.number().nullable() }).nullable(),
  milestones: z.array(milestoneSchema),
})
export type Snapshot = z.infer<typeof snapshotSchema>
export type RankedBrand = z.infer<typeof rankedBrandSchema>
export type Share = z.infer<typeof shareSchema>
export type Milestone = z.infer<typeof milestoneSchema>
export type Flow = z.infer<typeof flowSchema>
