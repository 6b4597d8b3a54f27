import { type Campaign, campaignSchema } from '@gmv-pulse/shared'
import { Router } from 'express'

/** GET /api/v1/campaign: the configured campaign, or an open-ended one that counts every stored order. */
export function campaignRoute(campaign: Campaign): Router {
  const router = Router()
  const body = campaignSchema.parse(campaign)
  router.get('/campaign', (_req, res) => {
    res.json(body)
  })
  return router
}
