import { z } from 'zod'
import { filterSchema, timeRangeSchema } from './filters.ts'

/** GET /api/v1/summary query: a filter and an optional time range. */
export const summaryRequestSchema = filterSchema
  .extend(timeRangeSchema.shape)
  .strict()
  .refine((range) => range.from === undefined || range.to === undefined || range.from < range.to, {
    message: 'from must be before to',
    path: ['from'],
  })
export type SummaryRequest = z.infer<typeof summaryRequestSchema>

export const summarySchema = z.object({
  /** CNY, exact, two decimals. */
  gmv: z.string(),
  orders: z.number().int(),
  /**
   * How far the data reaches: the latest event time stored in the range, whatever the filter
   * (the figure is complete up to it); null when nothing matched the filter.
   */
  asOf: z.string().nullable(),
})
export type Summary = z.infer<typeof summarySchema>

export const SERVER_ROLES = ['all', 'core', 'relay'] as const

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /** all: one process does everything; core: ingest, queries, snapshots; relay: viewer sockets only. */
  role: z.enum(SERVER_ROLES),
  /** null on a relay, which has no store. */
  clickhouse: z
    .object({
      mode: z.enum(['embedded', 'server']),
      version: z.string().nullable(),
      reachable: z.boolean(),
    })
    .nullable(),
})
export type Health = z.infer<typeof healthSchema>
