import { z } from 'zod'
import { moneySchema } from './campaign.ts'
import { FILTER_DIMENSIONS, filterSchema, queryTimeSchema } from './filters.ts'

/**
 * The analyst query API: GET /api/v1/timeseries, /top, /brands and /headline, each also
 * as CSV. Requests are built from the same pieces (a filter, a time range, a limit) so a
 * screen, the explorer and a spreadsheet ask the same question the same way.
 */

// DateTime, the rollups' type, covers 1970–2106; 2100 matches the ingest's event-time bound.
const LATEST_QUERY_TIME_MS = Date.UTC(2100, 0, 1)

/** A time in a query string, bounded to what the store can hold. */
const analystTimeSchema = queryTimeSchema.refine(
  (ms) => Number.isFinite(ms) && ms >= 0 && ms <= LATEST_QUERY_TIME_MS,
  'must be between 1970-01-01 and 2100-01-01',
)

const timeRangeShape = { from: analystTimeSchema.optional(), to: analystTimeSchema.optional() }

const fromBeforeTo = (range: { from?: number | undefined; to?: number | undefined }) =>
  range.from === undefined || range.to === undefined || range.from < range.to

/** A whole number in a query string within [min, max]. */
const boundedInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback)

/** Time-series bucket widths. Hours and days are taken in the campaign time zone. */
export const INTERVALS = ['1s', '1m', '5m', '15m', '1h', '1d'] as const
export type Interval = (typeof INTERVALS)[number]

/** Nominal width of each interval in ms (a day in a zone with summer time may be an hour off; only sizing uses this). */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1s': 1000,
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
}

/** A series longer than this is refused: no chart draws it and the answer would run to megabytes. */
export const MAX_SERIES_POINTS = 10_000

/**
 * The buckets an interval cuts a range of `rangeMs` into, as the server counts them before it
 * answers (more than MAX_SERIES_POINTS is refused): the explorer offers only intervals that fit.
 */
export function seriesPointCount(rangeMs: number, interval: Interval): number {
  return Math.ceil(rangeMs / INTERVAL_MS[interval])
}

export const timeseriesRequestSchema = filterSchema
  .extend(timeRangeShape)
  .extend({ interval: z.enum(['auto', ...INTERVALS]).default('auto') })
  .strict()
  .refine(fromBeforeTo, { message: 'from must be before to', path: ['from'] })
export type TimeseriesRequest = z.infer<typeof timeseriesRequestSchema>

const amountAndOrders = z.object({ gmv: moneySchema, orders: z.number().int() })

export const timeseriesPointSchema = z.object({
  /** Bucket start (ISO). */
  t: z.string(),
  gmv: moneySchema,
  orders: z.number().int(),
  /** True for the bucket that is still running (its end is after the server's clock). */
  partial: z.boolean(),
  /** Last year's bucket at the same campaign offset; null when no last-year window is configured. */
  lastYear: amountAndOrders.extend({ t: z.string() }).nullable(),
})
export type TimeseriesPoint = z.infer<typeof timeseriesPointSchema>

export const timeseriesSchema = z.object({
  interval: z.enum(INTERVALS),
  timeZone: z.string(),
  /** The range answered (ISO), after defaults; null when the campaign is open-ended and no order is stored. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Milliseconds from last year's window to this one: last year's bucket for t starts at t − offset. */
  lastYearOffsetMs: z.number().int().nullable(),
  points: z.array(timeseriesPointSchema),
})
export type Timeseries = z.infer<typeof timeseriesSchema>

export const TOP_SORTS = ['gmv', 'orders', 'growth'] as const
export type TopSort = (typeof TOP_SORTS)[number]

/** At most this many rows in a ranking; the 250,000 brands are for search, not for one page. */
export const MAX_TOP_LIMIT = 1000

export const topRequestSchema = filterSchema
  .extend(timeRangeShape)
  .extend({
    dimension: z.enum(FILTER_DIMENSIONS),
    sort: z.enum(TOP_SORTS).default('gmv'),
    limit: boundedInt(1, MAX_TOP_LIMIT, 10),
  })
  .strict()
  .refine(fromBeforeTo, { message: 'from must be before to', path: ['from'] })
export type TopRequest = z.infer<typeof topRequestSchema>

export const topRowSchema = z.object({
  /** 1-based, in the requested sort. */
  rank: z.number().int(),
  key: z.string(),
  gmv: moneySchema,
  orders: z.number().int(),
  /** Share of the filtered GMV in the range, 0–1 (from the exact decimals, rounded to 1e-6). */
  share: z.number(),
  /** The same key's GMV in last year's window at the same campaign offset; null when none is configured. */
  lastYearGmv: moneySchema.nullable(),
  /** Year-on-year change in percent; null when there is no base (no last-year window or no last-year GMV). */
  growthPercent: z.number().nullable(),
})
export type TopRow = z.infer<typeof topRowSchema>

export const topSchema = z.object({
  dimension: z.enum(FILTER_DIMENSIONS),
  sort: z.enum(TOP_SORTS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Everything under the filter in the range: the base of every share. */
  total: amountAndOrders,
  rows: z.array(topRowSchema),
})
export type Top = z.infer<typeof topSchema>

export const MAX_BRAND_SEARCH_LIMIT = 50

export const brandSearchRequestSchema = z.strictObject({
  search: z.string().trim().min(1, 'must not be empty').max(128),
  limit: boundedInt(1, MAX_BRAND_SEARCH_LIMIT, 10),
})
export type BrandSearchRequest = z.infer<typeof brandSearchRequestSchema>

export const brandMatchSchema = z.object({
  brand: z.string(),
  /** GMV and orders over the campaign so far (all stored time when the campaign is open-ended), whatever range the asker shows: the typeahead's ranking. */
  gmv: moneySchema,
  orders: z.number().int(),
  /** True when the brand starts with the search text; prefix matches come first. */
  prefix: z.boolean(),
})
export const brandSearchSchema = z.object({ brands: z.array(brandMatchSchema) })
export type BrandMatch = z.infer<typeof brandMatchSchema>
export type BrandSearch = z.infer<typeof brandSearchSchema>

export const headlineRequestSchema = z.strictObject({ at: analystTimeSchema.optional() })
export type HeadlineRequest = z.infer<typeof headlineRequestSchema>

/** Every figure carries the latest event time it counts, so a slide never shows a number without its moment. */
const figure = <Shape extends z.ZodRawShape>(shape: Shape) => z.object({ ...shape, asOf: z.string().nullable() })

export const headlineSchema = z.object({
  campaign: z.string(),
  /** The cutoff answered (ISO): the requested time, capped at the campaign's end. */
  cutoff: z.string(),
  gmv: figure({ cny: moneySchema, usd: moneySchema, usdRate: z.string() }),
  /** GMV against last year's at the same offset from its start; null when no last-year window is configured. */
  growth: figure({ lastYearGmv: moneySchema, percent: z.number().nullable() }).nullable(),
  peak: figure({ ordersPerSecond: z.number().int(), at: z.string().nullable() }),
  orders: figure({ count: z.number().int() }),
  /** Brands whose GMV reached the threshold. */
  brandsAboveThreshold: figure({ count: z.number().int(), threshold: moneySchema }),
  liveRoomsAboveThreshold: figure({ count: z.number().int(), threshold: moneySchema }),
  participatingBrands: figure({ count: z.number().int() }),
  overseasBrands: figure({ count: z.number().int() }),
  /** Present in the campaign, absent from last year's whole window; null without a last-year window. */
  firstTimeBrands: figure({ count: z.number().int() }).nullable(),
  topBrands: figure({ brands: z.array(topRowSchema) }),
})
export type Headline = z.infer<typeof headlineSchema>
