import { type Campaign, timeseriesRequestSchema, timeseriesTable } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { ApiError } from '../http/ApiError.ts'
import { sendTable } from '../http/csv.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { getTimeseries, TooManyPointsError } from '../queries/getTimeseries.ts'

/** GET /api/v1/timeseries(.csv): GMV and orders per bucket, with last year's aligned bucket. */
export function timeseriesRoute(store: Store, campaign: Campaign): Router {
  const router = Router()
  router.get(['/timeseries', '/timeseries.csv'], async (req, res) => {
    const { from, to, interval, ...filter } = validateQuery(timeseriesRequestSchema, req.query)
    const series = await getTimeseries(store, campaign, { filter, from, to, interval }).catch((error: unknown) => {
      if (error instanceof TooManyPointsError) {
        throw new ApiError(400, 'bad_request', error.message, [{ field: 'interval', message: error.message }])
      }
      throw error
    })
    sendTable(req, res, 'timeseries.csv', series, timeseriesTable)
  })
  return router
}
