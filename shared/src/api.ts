import { z } from 'zod'
import { filterSchema, timeRangeSchema } from './filters.ts'

/** GET /api/v1/summary query: a filter and an optional time range. */
export const summaryRequestSchema = filterSchema.extend(timeRangeSchema.shape).strict()
export type SummaryRequest = z.infer<typeof summaryRequestSchema>

export const summarySchema = z.object({
  /** CNY, exact, two decimals. */
  gmv: z.string(),
  orders: z.number().int(),
  /** Latest event time counted (ISO), or null when nothing matched. */
  asOf: z.string().nullable(),
})
export type Summary = z.infer<typeof summarySchema>

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  clickhouse: z.object({
    mode: z.enum(['embedded', 'server']),
    version: z.string().nullable(),
    reachable: z.boolean(),
  }),
})
export type Health = z.infer<typeof healthSchema>
