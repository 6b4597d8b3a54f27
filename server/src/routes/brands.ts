import { brandSearchRequestSchema } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'
import { sendTable } from '../http/csv.ts'
import { validateQuery } from '../http/validateQuery.ts'
import { searchBrands } from '../queries/searchBrands.ts'

/** GET /api/v1/brands(.csv)?search=&limit=: the brand typeahead. */
export function brandsRoute(store: Store): Router {
  const router = Router()
  router.get(['/brands', '/brands.csv'], async (req, res) => {
    const { search, limit } = validateQuery(brandSearchRequestSchema, req.query)
    const brands = await searchBrands(store, search, limit)
    sendTable(req, res, 'brands.csv', { brands }, (body) => ({
      header: ['brand', 'gmv', 'orders', 'prefix'],
      rows: body.brands.map((brand) => [brand.brand, brand.gmv, brand.orders, brand.prefix]),
    }))
  })
  return router
}
