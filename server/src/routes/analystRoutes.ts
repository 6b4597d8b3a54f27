import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import type { Config } from '../config.ts'
import { ReadPool, readPoolGate } from '../http/readPool.ts'
import type { ComputedOverview } from '../live/LiveHub.ts'
import { brandsRoute } from './brands.ts'
import { campaignRoute } from './campaign.ts'
import { curveRoute } from './curve.ts'
import { headlineRoute } from './headline.ts'
import { summaryRoute } from './summary.ts'
import { timeseriesRoute } from './timeseries.ts'
import { topRoute } from './top.ts'

export interface AnalystRouteDependencies {
  store: Store
  config: Config
  /** The walls' overview while this instance computes it live (LiveHub.computedOverview). */
  computedOverview: () => ComputedOverview | undefined
}

/**
 * Every read route for screens and analysts; mounted behind the viewer-token check. What the walls
 * read (the campaign, its curve, shared by every wall per filter for 30 s) reads in the live lane;
 * the analysts' reads wait for the bounded pool, and get 503 + Retry-After when it is saturated.
 */
export function analystRoutes({ store, config, computedOverview }: AnalystRouteDependencies): Router {
  const router = Router()
  router.use(campaignRoute(config.campaign))
  router.use(curveRoute(store.live, config.campaign))
  router.use(readPoolGate(new ReadPool(config.readPool.size, config.readPool.queue), config.readPool.maxWaitMs))
  router.use(summaryRoute(store, config.campaign))
  router.use(timeseriesRoute(store, config.campaign))
  router.use(topRoute(store, config.campaign))
  router.use(brandsRoute(store))
  router.use(headlineRoute(store, config.campaign, usdRate(config), computedOverview))
  return router
}

/** CNY per USD for the headline; the config always carries one (FX_RATES or the reference default). */
function usdRate(config: Config): string {
  const rate = config.fxRates.USD
  if (!rate) throw new Error('config.fxRates has no USD rate')
  return rate
}
