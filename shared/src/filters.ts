import { z } from 'zod'
import { regionSchema } from './order.ts'

/** The dimensions an analyst or a screen can filter by; each is an exact match. */
export const FILTER_DIMENSIONS = ['brand', 'category', 'channel', 'liveRoom', 'region'] as const
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number]

const filterValue = z.string().min(1).max(128)

export const filterSchema = z.strictObject({
  brand: filterValue.optional(),
  category: filterValue.optional(),
  channel: filterValue.optional(),
  liveRoom: filterValue.optional(),
  region: regionSchema.optional(),
})
export type Filter = z.infer<typeof filterSchema>

/** A time in a query string: ISO-8601 with an offset, or epoch milliseconds; parsed to epoch ms. */
export const queryTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.string().regex(/^\d{1,15}$/)], {
    error: 'must be an ISO-8601 time with an offset or epoch milliseconds',
  })
  .transform((value) => (/^\d+$/.test(value) ? Number(value) : Date.parse(value)))

/** A half-open event-time range [from, to); either end may be open. */
export const timeRangeSchema = z
  .object({ from: queryTimeSchema.optional(), to: queryTimeSchema.optional() })
  .refine((range) => range.from === undefined || range.to === undefined || range.from < range.to, {
    message: 'from must be before to',
    path: ['from'],
  })

/** Canonical key of a filter: the same filter always gives the same key, whatever the field order. */
export function filterKey(filter: Filter): string {
  const entries = FILTER_DIMENSIONS.flatMap((dimension) => {
    const value = filter[dimension]
    return value === undefined ? [] : [[dimension, value] as const]
  })
  return JSON.stringify(Object.fromEntries(entries))
}
