import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Campaign } from '@gmv-pulse/shared'
import { openStore, type Store } from '../server/src/clickhouse/store.ts'
import { loadConfig } from '../server/src/config.ts'
import { createLogger } from '../server/src/logger.ts'
import { getHeadline } from '../server/src/queries/getHeadline.ts'
import { getSummary } from '../server/src/queries/getSummary.ts'
import { getTimeseries } from '../server/src/queries/getTimeseries.ts'
import { getTop } from '../server/src/queries/getTop.ts'
import { searchBrands } from '../server/src/queries/searchBrands.ts'
import { percentile, round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

const CAMPAIGN_START = Date.UTC(2020, 10, 10, 16, 0, 0)
const CAMPAIGN_END = Date.UTC(2020, 10, 11, 16, 0, 0)
const DAY_MS = CAMPAIGN_END - CAMPAIGN_START
const BRANDS = 250_000
const GOAL_P95_MS = 50
// Engine-side batches: 10M rows keep the views' per-block state well inside memory on a small machine.
const INSERT_CHUNK = 10_000_000

/**
 * Orders generated inside the engine (no parsing, no HTTP): a deterministic hash of the row
 * number drives every field, so runs are repeatable. 250,000 brands with a heavy tail (a few
 * brands take most orders, as at the festival), five channels, twelve regions, a tenth of
 * brands overseas, times spread evenly over the campaign day (or last year's).
 */
async function generate(store: Store, count: number, offset: number, startMs: number, prefix: string) {
  for (let done = 0; done < count; done += INSERT_CHUNK) {
    const size = Math.min(INSERT_CHUNK, count - done)
    await store.select(
      `INSERT INTO ${store.db}.orders
       SELECT
         concat({prefix:String}, toString(n)) AS order_id,
         fromUnixTimestamp64Milli(toInt64({startMs:Int64} + intDiv(toInt64(n - {offset:UInt64}) * {dayMs:Int64}, {count:UInt64})), 'UTC') AS ts,
         toDecimal64(1 + (h % 4000000) / 100, 2) AS amount,
         toDecimal64(1 + (h % 4000000) / 100, 2) AS original_amount,
         'CNY' AS currency,
         toUInt32(1 + (h % 3)) AS quantity,
         concat('Brand ', toString(b)) AS brand,
         ['Beauty', 'Apparel', 'Electronics', 'Home', 'Food', 'Baby', 'Sports', 'Luxury'][1 + b % 8] AS category,
         ['livestream', 'search', 'recommendation', 'venue', 'cart'][1 + bitShiftRight(h, 20) % 5] AS channel,
         if(channel = 'livestream', concat('Live room ', toString(b % 2000)), '') AS live_room,
         ['CN-ZJ', 'CN-GD', 'CN-JS', 'CN-SH', 'CN-BJ', 'CN-SD', 'CN-SC', 'CN-HB', 'SG', 'MY', 'VN', 'TH'][1 + bitShiftRight(h, 28) % 12] AS region,
         if(b % 10 = 0, 'overseas', 'domestic') AS brand_origin,
         '' AS buyer_id
       FROM (
         SELECT number + {offset:UInt64} + {done:UInt64} AS n, cityHash64(n) AS h,
           toUInt32(${BRANDS} * pow(bitShiftRight(h, 32) / 4294967296, 3)) AS b
         FROM numbers({size:UInt64})
       )`,
      { prefix, offset, done, size, count, startMs, dayMs: DAY_MS },
    )
    process.stderr.write(`queries: ${prefix} ${(done + size).toLocaleString('en')} / ${count.toLocaleString('en')}\n`)
  }
}

async function time(runs: number, query: () => Promise<unknown>): Promise<number[]> {
  await query() // warm caches and the query plan
  const latencies: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    await query()
    latencies.push(performance.now() - started)
  }
  return latencies
}

/**
 * p50 and p95 of the analyst queries over a campaign day of generated orders with 250,000
 * brands, through the same query functions the routes call, on an embedded store in this
 * process (no HTTP: the figure is the store's). Quick: 5M orders; full: 100M.
 */
export async function benchQueries({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  const orders = quick ? 5_000_000 : 100_000_000
  const lastYearOrders = Math.round(orders / 4)
  // Twenty runs give a p95 (the 19th); at 100M orders the slow queries take seconds each.
  const runs = 20
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-queries-'))
  const store = await openStore({ mode: 'embedded', dataDir, database: 'gmv_pulse' }, createLogger('silent'))
  const campaign: Campaign = loadConfig({
    CAMPAIGN_START: new Date(CAMPAIGN_START).toISOString(),
    CAMPAIGN_END: new Date(CAMPAIGN_END).toISOString(),
    LOG_LEVEL: 'silent',
  }).campaign
  try {
    const started = performance.now()
    await generate(store, orders, 0, CAMPAIGN_START, 'c')
    await generate(store, lastYearOrders, orders, Date.parse(campaign.lastYear?.start ?? ''), 'l')
    const insertSeconds = (performance.now() - started) / 1000
    const [rollup] = await store.select<{ minutes: number; brands: number }>(
      `SELECT (SELECT count() FROM ${store.db}.orders_by_minute) AS minutes, (SELECT count() FROM ${store.db}.brand_totals) AS brands`,
    )
    // The clock sits at the campaign's 18th hour: the series is cut there and the current bucket is partial.
    const now = CAMPAIGN_START + 18 * 3_600_000
    const range = { from: CAMPAIGN_START, to: now }
    const cases: [string, () => Promise<unknown>][] = [
      ['summary, campaign to date', () => getSummary(store, {}, range)],
      ['summary, one brand', () => getSummary(store, { brand: 'Brand 42' }, range)],
      ['timeseries auto, unfiltered', () => getTimeseries(store, campaign, { filter: {}, interval: 'auto' }, now)],
      [
        'timeseries auto, channel filter',
        () => getTimeseries(store, campaign, { filter: { channel: 'livestream' }, interval: 'auto' }, now),
      ],
      [
        'timeseries 1m, one brand',
        () => getTimeseries(store, campaign, { filter: { brand: 'Brand 7' }, interval: '1m' }, now),
      ],
      ['top 10 brands', () => getTop(store, campaign, { filter: {}, dimension: 'brand', sort: 'gmv', limit: 10 })],
      [
        'top 10 brands by growth',
        () => getTop(store, campaign, { filter: {}, dimension: 'brand', sort: 'growth', limit: 10 }),
      ],
      ['top categories', () => getTop(store, campaign, { filter: {}, dimension: 'category', sort: 'gmv', limit: 10 })],
      [
        'top regions, livestream only',
        () =>
          getTop(store, campaign, { filter: { channel: 'livestream' }, dimension: 'region', sort: 'gmv', limit: 10 }),
      ],
      ['brand search "and 12"', () => searchBrands(store, 'and 12', 10)],
      ['headline', () => getHeadline(store, campaign, { usdRate: '6.6', at: now })],
    ]
    const figures: BenchFigure[] = [
      {
        name: `queries: orders generated engine-side (campaign day + last year)`,
        value: orders + lastYearOrders,
        unit: 'orders',
      },
      {
        name: 'queries: engine-side insert with views',
        value: round((orders + lastYearOrders) / insertSeconds),
        unit: 'orders/s',
      },
      { name: 'queries: orders_by_minute rows', value: Number(rollup?.minutes ?? 0), unit: 'rows' },
      { name: 'queries: brand_totals rows', value: Number(rollup?.brands ?? 0), unit: 'rows' },
    ]
    for (const [label, query] of cases) {
      process.stderr.write(`queries: ${label}…\n`)
      const latencies = await time(runs, query)
      figures.push(
        { name: `query ${label}: p50`, value: round(percentile(latencies, 50), 1), unit: 'ms' },
        {
          name: `query ${label}: p95 over ${(orders / 1e6).toLocaleString('en')}M orders`,
          value: round(percentile(latencies, 95), 1),
          unit: 'ms',
          goal: `≤ ${GOAL_P95_MS} ms over ≥ 100M orders`,
        },
      )
    }
    return figures
  } finally {
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
