import { performance } from 'node:perf_hooks'
import { createRandom, PUBLISHED_2020 } from '@gmv-pulse/seed'
import { INGEST_INSERT_SETTINGS } from '../../server/src/clickhouse/insertOrders.ts'
import { MIGRATIONS } from '../../server/src/clickhouse/migrations.ts'
import type { Store } from '../../server/src/clickhouse/store.ts'
import {
  AMOUNT_LOG_MEDIAN,
  AMOUNT_LOG_SIGMA,
  AMOUNT_MAX_FEN,
  brandAt,
  brandQuantiles,
  CAMPAIGN_START_MS,
  categoryLookup,
  categorySlot,
  channelLookup,
  isOverseas,
  LIVE_ROOMS,
  LOOKUP_SIZE,
  ROOM_EXPONENT,
  regionLookup,
  timeAt,
} from './festivalShape.ts'
import { insertableColumns } from './generateFestival.ts'

/** The batch size for ingest: 100,000 orders per request. */
const BATCH_ORDERS = 100_000
/**
 * Twelve of each, alternating, so a merge or a cache warming up lands on both sides alike.
 * Single runs of six pairs ranged from 0.68 to 0.85 on one store of this shared machine;
 * pooled, the pairs' ratios settled within ±0.02.
 */
const BATCHES_EACH = 12
/** A separate database: no materialized view reads its `orders`. */
const RAW_DB = 'bench_raw'
/** Another: its `orders` keeps the brand projections, and no view reads it. */
const PROJECTED_DB = 'bench_projected'

/** Columns encodeBatch fills; any other column of the table is left to its default. */
const DRAWN_COLUMNS: ReadonlySet<string> = new Set(
  'order_id ts amount original_amount currency quantity brand category channel live_room region brand_origin buyer_id'.split(
    ' ',
  ),
)

const fenText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/**
 * One JSONCompactEachRow batch drawn like the engine-side generator draws (same lookups,
 * same brand → category and origin), in the table's column order. A live batch of 100k
 * orders covers as much event time as 100k of the festival's 2.32 billion orders: a
 * fraction of a second at the surge, seconds at night. So each batch takes one such
 * stretch of the festival at a random place in it, as live ingest would deliver it.
 */
function encodeBatch(columns: readonly string[], quantiles: readonly number[], seed: number, prefix: string): Buffer {
  const random = createRandom(seed).next
  const [channels, regions, categories] = [channelLookup(), regionLookup(), categoryLookup()]
  const brands = brandQuantiles()
  const width = BATCH_ORDERS / PUBLISHED_2020.orders
  const stretchStart = random() * (1 - width)
  const lines: string[] = []
  for (let i = 0; i < BATCH_ORDERS; i++) {
    const brand = brandAt(brands, random())
    const channel = channels[Math.floor(random() * LOOKUP_SIZE)] as string
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
    const fen = Math.min(
      AMOUNT_MAX_FEN,
      Math.max(1, Math.round(100 * Math.exp(AMOUNT_LOG_MEDIAN + AMOUNT_LOG_SIGMA * z))),
    )
    const values: Record<string, string | number> = {
      order_id: `${prefix}${i}`,
      ts: timeAt(quantiles, CAMPAIGN_START_MS, stretchStart + random() * width),
      amount: fenText(fen),
      original_amount: fenText(fen),
      currency: 'CNY',
      quantity: 1 + Math.floor(5 * random() ** 2),
      brand: `Brand ${brand}`,
      category: categories[categorySlot(brand)] as string,
      channel,
      live_room: channel === 'livestream' ? `Live room ${Math.floor(LIVE_ROOMS * random() ** ROOM_EXPONENT)}` : '',
      region: regions[Math.floor(random() * LOOKUP_SIZE)] as string,
      brand_origin: isOverseas(brand) ? 'overseas' : 'domestic',
      buyer_id: '',
    }
    lines.push(JSON.stringify(columns.map((column) => values[column])))
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8')
}

export interface InsertRates {
  /** Rows/s of each batch into the real table, every rollup view and projection on. */
  rollups: number[]
  /**
   * Rows/s of each batch into a copy that keeps the table's projections (a brand's seconds and
   * hours) and feeds no view: what any layout keeping them inside `orders` pays on the insert
   * path, with every rollup view taken off it.
   */
  projected: number[]
  /** Rows/s of each batch into a bare copy of it: no view reads it, no projection. */
  raw: number[]
  /**
   * Each batch's rate over the raw batch that follows it: drift in the machine's speed over the
   * run (merges, a neighbour's load) cancels within a pair.
   */
  pairRatios: { rollups: number[]; projected: number[] }
}

/**
 * The engine's insert rate with every rollup on, and with the projections alone, each beside the
 * raw table alone, in one store: batches go round every rollup, raw, projections, raw.
 */
export async function measureInsertRates(store: Store, quantiles: readonly number[]): Promise<InsertRates> {
  const table = `${store.db}.orders`
  const projectionNames = new Set(
    MIGRATIONS.flatMap((migration) => migration.objects).flatMap((object) =>
      object.kind === 'addProjection' && object.table === 'orders' ? [object.name] : [],
    ),
  )
  for (const db of [RAW_DB, PROJECTED_DB]) {
    await store.command(`CREATE DATABASE IF NOT EXISTS ${db}`)
    // The copy takes the table's projections with it, and no view reads it.
    await store.command(`CREATE TABLE IF NOT EXISTS ${db}.orders AS ${table}`)
  }
  for (const name of projectionNames)
    await store.command(`ALTER TABLE ${RAW_DB}.orders DROP PROJECTION IF EXISTS ${name}`)
  const columns = (await insertableColumns(store, table)).filter((column) => DRAWN_COLUMNS.has(column))
  const batches = Array.from({ length: 4 * BATCHES_EACH }, (_, i) =>
    encodeBatch(columns, quantiles, 9000 + i, `insert-rate-${i}-`),
  )
  const rates: InsertRates = { rollups: [], projected: [], raw: [], pairRatios: { rollups: [], projected: [] } }
  let pending: { side: 'rollups' | 'projected'; rate: number } | undefined
  for (const [i, rows] of batches.entries()) {
    const side = i % 2 === 1 ? 'raw' : i % 4 === 0 ? 'rollups' : 'projected'
    const target = { rollups: table, projected: `${PROJECTED_DB}.orders`, raw: `${RAW_DB}.orders` }[side]
    const started = performance.now()
    // With a token the engine names each block (and each view's block) after it instead of
    // hashing the rows, as it does for every real batch.
    const settings = side === 'raw' ? {} : { ...INGEST_INSERT_SETTINGS, insert_deduplication_token: `insert-rate-${i}` }
    await store.insertRows(target, columns, rows, settings)
    const rate = BATCH_ORDERS / ((performance.now() - started) / 1000)
    rates[side].push(rate)
    if (side !== 'raw') pending = { side, rate }
    else if (pending) rates.pairRatios[pending.side].push(pending.rate / rate)
  }
  return rates
}
