import { summaryRequestSchema } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { getSummary } from '../queries/getSummary.ts'

/** GET /api/v1/summary: GMV and orders under a filter and an optional time range. */
export function summaryRoute(store: Store): Router {
  const router = Router()
  router.get('/summary', async (req, res) => {
    const { from, to, ...filter } = validateQuery(summaryRequestSchema, req.query)
    res.json(await getSummary(store, filter, { from, to }))
  })
  return router
}
