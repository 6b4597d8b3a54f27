import { describe, expect, test } from 'vitest'
import { makeOrders } from '../orderFixtures.ts'
import { rollupChecks } from '../rollupTotals.ts'
import { postOrders, startTestServer } from '../startTestServer.ts'

// A file of its own: one embedded data directory per process.
const orders = makeOrders(6_000, 7)

describe('a campaign window cut mid-day (as the demo shifts it)', () => {
  test('the campaign rollups, fed from finer rows, hold exactly the orders inside the window', async () => {
    // Five minutes into the orders' ten, for three minutes: orders fall before, inside and after it.
    const start = Date.UTC(2020, 10, 10, 16, 5, 0)
    const shifted = await startTestServer({
      CAMPAIGN_START: new Date(start).toISOString(),
      CAMPAIGN_END: new Date(start + 180_000).toISOString(),
      CAMPAIGN_TZ: 'Asia/Shanghai',
    })
    try {
      const response = await postOrders(shifted.url, JSON.stringify(orders), { idempotencyKey: 'shifted' })
      expect(response.status).toBe(200)
      const inside = orders.filter((order) => Number(order.ts) >= start && Number(order.ts) < start + 180_000)
      expect(inside.length).toBeGreaterThan(0)
      expect(inside.length).toBeLessThan(orders.length)
      const checks = rollupChecks(shifted.store)
      for (const table of ['cube_campaign', 'brand_campaign', 'live_room_campaign']) {
        expect(checks.map((check) => check.table)).toContain(table)
      }
      for (const check of checks) {
        const [rollup] = await shifted.store.select<{ gmv: string; orders: number }>(check.rollup)
        const [raw] = await shifted.store.select<{ gmv: string; orders: number }>(check.raw)
        expect(rollup, check.table).toEqual(raw)
      }
      const [cube] = await shifted.store.select<{ orders: number }>(
        `SELECT sum(orders) AS orders FROM ${shifted.store.db}.cube_campaign`,
      )
      expect(Number(cube?.orders)).toBe(inside.length)
    } finally {
      await shifted.close()
    }
  })
})
