import { z } from 'zod'

/** A CNY amount on the wire: exact decimal string with two places. */
export const moneySchema = z.string().regex(/^-?\d+\.\d{2}$/)

/** GET /api/v1/campaign: what the screens and the explorer need to frame every number. */
export const campaignSchema = z.object({
  name: z.string(),
  /** ISO instants; null for an open-ended campaign that counts every stored order. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  timeZone: z.string(),
  /** Last year's window, aligned to this one by campaign offset; null when not configured. */
  lastYear: z.object({ start: z.string(), end: z.string() }).nullable(),
  gmvTarget: moneySchema.nullable(),
  /** The simulator scale the thresholds were scaled by (1 in production). */
  scale: z.number().positive(),
  thresholds: z.object({
    /** A brand counts as a "RMB 100 million brand" above this GMV. */
    brandGmv: moneySchema,
    /** A live room counts as a "RMB 100 million live room" above this GMV. */
    liveRoomGmv: moneySchema,
  }),
  /** GMV milestones that raise a toast on the wall, ascending. */
  milestones: z.array(moneySchema),
  /** CNY per US dollar, for the USD figure beside every CNY one (from the server's FX rates). */
  usdRate: z.string().regex(/^\d+(\.\d{1,9})?$/),
  /** How often live snapshots are computed and pushed. */
  tickMs: z.number().int().positive(),
})
export type Campaign = z.infer<typeof campaignSchema>
