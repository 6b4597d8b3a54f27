import { type Health, healthSchema } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'

/** GET /api/v1/health: open to load balancers; says whether the store answers, nothing more. */
export function healthRoute(store: Store): Router {
  const router = Router()
  let version: string | null = null
  router.get('/health', async (_req, res) => {
    const reachable = await store.ping().catch(() => false)
    if (reachable && version === null) version = await store.version().catch(() => null)
    const body: Health = {
      status: reachable ? 'ok' : 'degraded',
      clickhouse: { mode: store.mode, version, reachable },
    }
    res.status(reachable ? 200 : 503).json(healthSchema.parse(body))
  })
  return router
}
