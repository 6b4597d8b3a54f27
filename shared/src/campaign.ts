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
    /**
     * A ranking by growth ranks, by growth, the keys whose last-year GMV at the same offset is at
     * least this; the others follow by GMV. A base of a few yuan would put noise on top (+191,996%
     * on ¥6.70 last year): analysts read growth of keys that sold something.
     */
    growthBase: moneySchema,
  }),
  /** GMV milestones that raise a toast on the wall, ascending. */
  milestones: z.array(moneySchema),
  /** CNY per US dollar, for the USD figure beside every CNY one (from the server's FX rates). */
  usdRate: z.string().regex(/^\d+(\.\d{1,9})?$/),
  /** How often live snapshots are computed and pushed. */
  tickMs: z.number().int().positive(),
  /**
   * A replay (the demo) runs its campaign this many ms behind the wall clock, so the festival
   * shows its own dates and times; 0 for a campaign happening now. See campaignNow.
   */
  clockShiftMs: z.number().int().min(0),
})
export type Campaign = z.infer<typeof campaignSchema>

/**
 * "Now" on the campaign's clock: the wall clock, less a replay's shift. Every figure capped at
 * now, every range ending now and every time a screen shows as now use it; how fresh data is
 * (seconds since a snapshot) stays on the wall clock.
 */
export function campaignNow(campaign: Pick<Campaign, 'clockShiftMs'> | undefined, wallMs: number = Date.now()): number {
  // Before a screen has the campaign, its clock is taken as live: no shift.
  return wallMs - (campaign?.clockShiftMs ?? 0)
}
