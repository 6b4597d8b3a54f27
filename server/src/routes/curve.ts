import { type Campaign, type CampaignCurve, type CurveRequest, curveRequestSchema, filterKey } from '@gmv-pulse/shared'
import { Router } from 'express'
import { LRUCache } from 'lru-cache'
import type { Store } from '../clickhouse/store.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { getCampaignCurve } from '../queries/getCampaignCurve.ts'

/**
 * Every wall asks for its curve, and a war room may run thousands of them on a few filters:
 * one answer per filter serves them all for CURVE_FRESH_MS (the walls add their live total as
 * the newest point), and walls asking at once share one read. Bounded in filters kept.
 */
const CURVE_FRESH_MS = 30_000
const CURVES_KEPT = 256

/** GET /api/v1/curve: the campaign curve under a filter, this year so far and last year (shared/curve.ts). */
export function curveRoute(store: Store, campaign: Campaign): Router {
  const curves = new LRUCache<string, CampaignCurve, CurveRequestContext>({
    max: CURVES_KEPT,
    ttl: CURVE_FRESH_MS,
    fetchMethod: (_key, _stale, { context }) => getCampaignCurve(store, campaign, context.filter),
  })
  const router = Router()
  router.get('/curve', async (req, res) => {
    const filter = validateQuery(curveRequestSchema, req.query)
    res.json(await curves.fetch(filterKey(filter), { context: { filter } }))
  })
  return router
}

interface CurveRequestContext {
  filter: CurveRequest
}
