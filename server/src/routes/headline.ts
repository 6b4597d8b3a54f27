import { type Campaign, headlineRequestSchema, headlineTable } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { sendTable } from '../http/csv.ts'
import { validateQuery } from '../http/validateQuery.ts'
import type { ComputedOverview } from '../live/LiveHub.ts'
import { getHeadline } from '../queries/getHeadline.ts'

/**
 * GET /api/v1/headline(.csv)?at=: the presenter's figures at a cutoff (default now). Without a
 * cutoff, while the walls' overview is live, its snapshot supplies the figures the walls show.
 */
export function headlineRoute(
  store: Store,
  campaign: Campaign,
  usdRate: string,
  computedOverview: () => ComputedOverview | undefined,
): Router {
  const router = Router()
  router.get(['/headline', '/headline.csv'], async (req, res) => {
    const { at } = validateQuery(headlineRequestSchema, req.query)
    const headline = await getHeadline(store, campaign, { usdRate, at, live: computedOverview() })
    sendTable(req, res, 'headline.csv', headline, headlineTable)
  })
  return router
}
