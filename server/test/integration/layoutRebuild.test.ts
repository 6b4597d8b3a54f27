import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { insertCheckedRows } from '../../src/clickhouse/insertOrders.ts'
import { openStore, type Store } from '../../src/clickhouse/store.ts'
import { loadConfig } from '../../src/config.ts'
import { encodeOrderRows } from '../../src/ingest/encodeOrderRows.ts'
import { validateOrders } from '../../src/ingest/validateOrders.ts'
import { createLogger } from '../../src/logger.ts'
import { makeOrders } from '../orderFixtures.ts'
import { rollupMismatches } from '../rollupTotals.ts'

// A file of its own: it closes and opens one embedded data directory several times.
const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-layout-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

// The orders fall on Nov 10 16:00–16:10 UTC: the first ten minutes of Nov 11 in China.
const ordersStart = Date.UTC(2020, 10, 10, 16, 0, 0)
const orders = makeOrders(3_000, 23, ordersStart)
const iso = (ms: number) => new Date(ms).toISOString()
const day = 24 * 3_600_000

function open(env: Record<string, string>): Promise<Store> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CAMPAIGN_START: iso(ordersStart),
    CAMPAIGN_END: iso(ordersStart + day),
    CAMPAIGN_TZ: 'Asia/Shanghai',
    ...env,
  })
  return openStore(config.store, createLogger('silent'))
}

async function rawBetween(store: Store, fromMs: number, toMs: number): Promise<string> {
  const [row] = await store.select<{ gmv: string }>(
    `SELECT toString(sum(amount)) AS gmv FROM ${store.db}.orders
     WHERE ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`,
    { from: fromMs, to: toMs },
  )
  return row?.gmv ?? ''
}

async function lastYearGmv(store: Store): Promise<string> {
  const [row] = await store.select<{ gmv: string }>(`SELECT toString(sum(gmv)) AS gmv FROM ${store.db}.brand_last_year`)
  return row?.gmv ?? ''
}

/**
 * A row written straight into the day cube: it outlives a start only if that rollup is not
 * rebuilt. Not all zeros, which a SummingMergeTree merge would drop.
 */
async function markerRows(store: Store): Promise<number> {
  const [row] = await store.select<{ rows: number }>(
    `SELECT count() AS rows FROM ${store.db}.orders_by_day_cube WHERE category = 'layout-marker'`,
  )
  return Number(row?.rows)
}

describe('the rollups cut by the layout', () => {
  test('a new last-year window rebuilds only the last-year rollup; a new time zone rebuilds the day rollups', async () => {
    // Last year's window first on whole China days (summed from the brand-day rows), holding every order.
    const wholeDays = { LAST_YEAR_START: iso(ordersStart), LAST_YEAR_END: iso(ordersStart + day) }
    const first = await open(wholeDays)
    try {
      const valid = await validateOrders(
        { rows: orders, rowIndex: undefined },
        { maxOrders: 10_000, currencies: { CNY: '1' } },
      )
      await insertCheckedRows(first, (await encodeOrderRows(valid, { CNY: '1' })).rows, 'layout-batch')
      await first.command(
        `INSERT INTO ${first.db}.orders_by_day_cube (day, category, channel, region, brand_origin, gmv, orders, items)
         VALUES ('2020-01-01 00:00:00', 'layout-marker', 'search', 'CN-ZJ', '', 0.01, 1, 1)`,
      )
      expect(await lastYearGmv(first)).toBe(await rawBetween(first, ordersStart, ordersStart + day))
    } finally {
      await first.close()
    }

    // Then cut mid-day: three minutes of the ten, summed from raw orders.
    const cut = { fromMs: ordersStart + 300_000, toMs: ordersStart + 480_000 }
    const second = await open({ LAST_YEAR_START: iso(cut.fromMs), LAST_YEAR_END: iso(cut.toMs) })
    try {
      const expected = await rawBetween(second, cut.fromMs, cut.toMs)
      expect(expected).not.toBe(await rawBetween(second, ordersStart, ordersStart + day))
      expect(await lastYearGmv(second)).toBe(expected)
      expect(await markerRows(second)).toBe(1)
    } finally {
      await second.close()
    }

    // Opened again as it is: nothing rebuilt. Then in another zone: every day rollup rebuilt from raw.
    const same = await open({ LAST_YEAR_START: iso(cut.fromMs), LAST_YEAR_END: iso(cut.toMs) })
    try {
      expect(await markerRows(same)).toBe(1)
    } finally {
      await same.close()
    }
    const elsewhere = await open({ ...wholeDays, CAMPAIGN_TZ: 'UTC' })
    try {
      expect(await markerRows(elsewhere)).toBe(0)
      expect(await rollupMismatches(elsewhere)).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })
})
