import { type Campaign, topRequestSchema, topTable } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { sendTable } from '../http/csv.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { getTop } from '../queries/getTop.ts'

/** GET /api/v1/top(.csv): a ranking of one dimension with share and year-on-year growth. */
export function topRoute(store: Store, campaign: Campaign): Router {
  const router = Router()
  router.get(['/top', '/top.csv'], async (req, res) => {
    const { from, to, dimension, sort, limit, ...filter } = validateQuery(topRequestSchema, req.query)
    const top = await getTop(store, campaign, { filter, dimension, sort, limit, from, to })
    sendTable(req, res, `top-${dimension}.csv`, top, topTable)
  })
  return router
}
