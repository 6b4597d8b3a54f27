import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import type { Config } from '../config.ts'
import { campaignRoute } from './campaign.ts'
import { summaryRoute } from './summary.ts'

export interface AnalystRouteDependencies {
  store: Store
  config: Config
}

/** Every read route for screens and analysts; mounted behind the viewer-token check. */
export function analystRoutes({ store, config }: AnalystRouteDependencies): Router {
  const router = Router()
  router.use(campaignRoute(config.campaign))
  router.use(summaryRoute(store))
  return router
}
