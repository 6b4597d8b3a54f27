import { type Campaign, summaryRequestSchema } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { resolveRange } from '../figures/timeRange.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { getSummary } from '../queries/getSummary.ts'

/** GET /api/v1/summary: GMV and orders under a filter in a range; without one, the campaign so far. */
export function summaryRoute(store: Store, campaign: Campaign): Router {
  const router = Router()
  router.get('/summary', async (req, res) => {
    const { from, to, ...filter } = validateQuery(summaryRequestSchema, req.query)
    res.json(await getSummary(store, filter, resolveRange(campaign, { from, to })))
  })
  return router
}
