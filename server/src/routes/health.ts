import { type Health, healthSchema } from '@gmv-pulse/shared'
import { Router } from 'express'
import type { Store } from '../clickhouse/store.ts'

/**
 * Health for load balancers, open (it says nothing about the data):
 * - GET /api/v1/health — the store's state (a relay has none);
 * - GET /api/v1/health/live — the process answers (restart it if not);
 * - GET /api/v1/health/ready — send traffic here: the store answers (on a relay, always).
 * Readiness is false while migrations run simply because the server listens only after them.
 */
export function healthRoute({ store, role }: { store: Store | undefined; role: Health['role'] }): Router {
  const router = Router()
  let version: string | null = null
  const check = async (): Promise<Health> => {
    if (!store) return { status: 'ok', role, clickhouse: null }
    const reachable = await store.ping().catch(() => false)
    if (reachable && version === null) version = await store.version().catch(() => null)
    return { status: reachable ? 'ok' : 'degraded', role, clickhouse: { mode: store.mode, version, reachable } }
  }
  router.get('/health', async (_req, res) => {
    const body = await check()
    res.status(body.status === 'ok' ? 200 : 503).json(healthSchema.parse(body))
  })
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/health/ready', async (_req, res) => {
    const body = await check()
    res.status(body.status === 'ok' ? 200 : 503).json({ ready: body.status === 'ok' })
  })
  return router
}
