import { performance } from 'node:perf_hooks'
import type { Store } from '../../server/src/clickhouse/store.ts'
import {
  AMOUNT_LOG_MEDIAN,
  AMOUNT_LOG_SIGMA,
  AMOUNT_MAX_FEN,
  BRAND_QUANTILES,
  BRANDS,
  brandQuantiles,
  CATEGORY_SLOT_SQL,
  categoryLookup,
  channelLookup,
  LIVE_ROOMS,
  LOOKUP_SIZE,
  OVERSEAS_SQL,
  ROOM_EXPONENT,
  regionLookup,
  TIME_QUANTILES,
} from './festivalShape.ts'

/** 10M rows per INSERT … SELECT keep every view's per-block state well inside memory on a small machine. */
const INSERT_CHUNK = 10_000_000

/** Columns of `orders` a row must be given (no DEFAULT, MATERIALIZED or ALIAS), in table order. */
export async function insertableColumns(store: Store, table: string): Promise<string[]> {
  const rows = await store.select<{ name: string; default_type: string }>(`DESCRIBE TABLE ${table}`)
  return rows.filter((row) => row.default_type === '').map((row) => row.name)
}

/**
 * Per-row draws, all from three hashes of the row number (so every run is the same):
 * h1 → where the row sits within its time slot and its live room; h2 → brand (by the brand law's quantiles), channel,
 * region, quantity; h3 → the two uniforms of a log-normal amount. Row i of `count` takes
 * the time at fraction (i + jitter) / count of the festival's orders, so rows arrive in
 * time order, chunk after chunk, as they would from live ingest (parts cover short spans).
 */
const DRAWS = `
  number + {done:UInt64} AS i,
  i + {offset:UInt64} AS n,
  cityHash64(n) AS h1, cityHash64(n, 1) AS h2, cityHash64(n, 2) AS h3,
  (i + bitShiftRight(h1, 44) / 1048576) / {count:UInt64} * ${TIME_QUANTILES} AS x,
  toUInt32(floor(x)) AS k,
  bitShiftRight(h2, 32) / 4294967296 * ${BRAND_QUANTILES} AS y,
  toUInt32(floor(y)) AS j,
  least(${BRANDS - 1}, toUInt32(floor({brands:Array(Float64)}[j + 1]
    + (y - j) * ({brands:Array(Float64)}[j + 2] - {brands:Array(Float64)}[j + 1])))) AS b,
  {channels:Array(String)}[1 + bitAnd(h2, ${LOOKUP_SIZE - 1})] AS channel_v,
  toUInt32(floor(${LIVE_ROOMS} * pow(bitAnd(h1, 4294967295) / 4294967296, ${ROOM_EXPONENT}))) AS room,
  sqrt(-2 * log((bitShiftRight(h3, 38) + 1) / 67108864)) * cos(2 * pi() * bitAnd(bitShiftRight(h3, 12), 67108863) / 67108864) AS z,
  least(${AMOUNT_MAX_FEN}, greatest(1, toUInt64(round(100 * exp(${AMOUNT_LOG_MEDIAN} + ${AMOUNT_LOG_SIGMA} * z))))) AS fen,
  toDecimal64(fen, 2) / 100 AS amount_v`

/** What the generator puts in each column it knows; a column it does not know is left to its type's default. */
const EXPRESSIONS: Readonly<Record<string, string>> = {
  order_id: 'concat({prefix:String}, toString(n))',
  ts: `fromUnixTimestamp64Milli(toInt64({startMs:Int64} + floor(1000 * ({quantiles:Array(Float64)}[k + 1]
    + (x - k) * ({quantiles:Array(Float64)}[k + 2] - {quantiles:Array(Float64)}[k + 1])))), 'UTC')`,
  amount: 'amount_v',
  original_amount: 'amount_v',
  currency: "'CNY'",
  quantity: 'toUInt32(1 + floor(5 * pow(bitAnd(bitShiftRight(h2, 24), 255) / 256, 2)))',
  brand: "concat('Brand ', toString(b))",
  category: `{categories:Array(String)}[1 + ${CATEGORY_SLOT_SQL}]`,
  channel: 'channel_v',
  live_room: "if(channel_v = 'livestream', concat('Live room ', toString(room)), '')",
  region: `{regions:Array(String)}[1 + bitAnd(bitShiftRight(h2, 12), ${LOOKUP_SIZE - 1})]`,
  brand_origin: `if(${OVERSEAS_SQL}, 'overseas', 'domestic')`,
  buyer_id: "''",
}

export interface GenerateOptions {
  /** Orders of this campaign year. */
  count: number
  /** Global number of this year's first row, so order ids never repeat across years. */
  offset: number
  startMs: number
  /** From timeQuantiles(): this year's event-time inverse CDF. */
  quantiles: readonly number[]
  /** Order id prefix, per year. */
  prefix: string
  /** Rows of this year already stored (a kept store whose generation stopped): generation goes on from there. */
  resumeAt?: number
  progress: (done: number, seconds: number) => void
}

/**
 * Generates one campaign year inside the engine with INSERT … SELECT FROM numbers(): no
 * parsing, no network, and every materialized view fills as it does on live ingest.
 */
export async function generateYear(store: Store, options: GenerateOptions): Promise<void> {
  const table = `${store.db}.orders`
  const columns = (await insertableColumns(store, table)).filter((column) => column in EXPRESSIONS)
  const started = performance.now()
  for (let done = options.resumeAt ?? 0; done < options.count; done += INSERT_CHUNK) {
    const size = Math.min(INSERT_CHUNK, options.count - done)
    await store.select(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.map((column) => `${EXPRESSIONS[column]} AS ${column}`).join(',\n  ')}
       FROM (SELECT ${DRAWS} FROM numbers({size:UInt64}))`,
      {
        done,
        size,
        count: options.count,
        offset: options.offset,
        startMs: options.startMs,
        prefix: options.prefix,
        quantiles: options.quantiles,
        brands: brandQuantiles(),
        channels: channelLookup(),
        regions: regionLookup(),
        categories: categoryLookup(),
      },
    )
    options.progress(done + size, (performance.now() - started) / 1000)
  }
}

/** Columns of `orders` the generator leaves to their defaults (a schema change it has not learnt). */
export async function unknownColumns(store: Store): Promise<string[]> {
  return (await insertableColumns(store, `${store.db}.orders`)).filter((column) => !(column in EXPRESSIONS))
}
