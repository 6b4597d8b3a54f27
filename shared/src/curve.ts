import { z } from 'zod'
import { INTERVALS } from './analyst.ts'
import { moneySchema } from './campaign.ts'
import { filterSchema } from './filters.ts'

/**
 * GET /api/v1/curve: the campaign curve a wall draws beside its ticker — GMV so far, summed up
 * to the end of each bucket, this year and last year at the same campaign offset. Computed by
 * the server so a wall opened at any moment draws the whole campaign so far; the wall adds its
 * live total as the newest point.
 */
export const curveRequestSchema = filterSchema.strict()
export type CurveRequest = z.infer<typeof curveRequestSchema>

/** GMV summed from the campaign start up to `t` (ISO), exact. */
export const campaignCurvePointSchema = z.object({ t: z.string(), gmv: moneySchema })
export type CampaignCurvePoint = z.infer<typeof campaignCurvePointSchema>

export const campaignCurveSchema = z.object({
  timeZone: z.string(),
  /** Hours, or days where no rollup keeps the filter by the hour (a brand, a live room). */
  interval: z.enum(INTERVALS),
  /** This year so far: from zero at the campaign start to the server's clock. */
  thisYear: z.array(campaignCurvePointSchema),
  /** Last year over its whole window, on this year's clock (moved by the campaign offset); empty with no last-year window. */
  lastYear: z.array(campaignCurvePointSchema),
})
export type CampaignCurve = z.infer<typeof campaignCurveSchema>
