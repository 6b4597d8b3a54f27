import { orderIntakeObjects } from './orderIntake.ts'
import {
  type Column,
  renderCreateDatabase,
  renderStatements,
  type SchemaObject,
  type SchemaTarget,
  type TableSpec,
} from './schemaDdl.ts'

/**
 * Versioned schema. A migration runs once (recorded in schema_migrations) and every
 * statement is idempotent, so a start-up interrupted half-way simply runs it again.
 *
 * Layout (docs/storage.md has each table's size at festival scale): the raw `orders` table,
 * and rollups kept by materialized views whose row counts are set by time buckets × the
 * cardinality of what they group, never by the number of orders:
 * - orders_by_second: one row per second, unfiltered — orders/s, the peak, exact edges;
 * - orders_by_minute_key: per minute, unfiltered and per category, channel and region;
 * - orders_by_hour_pair: per hour, every pair of category, channel, region, brand origin;
 * - orders_by_day_cube, orders_by_brand_day, orders_by_live_room_day, and the campaign window
 *   as one bucket (cube_campaign, brand_campaign, live_room_campaign), last year's window per
 *   brand (brand_last_year): cut by the campaign's time zone or windows, so layout.ts keeps
 *   their views, not a migration.
 * Seconds, minutes and hours are kept in UTC; hour and day buckets in CAMPAIGN_TZ are taken
 * at query time from them (zones a whole number of hours from UTC).
 *
 * Every table that receives rows from an insert keeps a deduplication window: together
 * with insert_deduplication_token and deduplicate_blocks_in_dependent_materialized_views
 * a retried batch is dropped from the raw table and from every rollup alike.
 *
 * Each table is described once; schemaDdl.ts renders it for one node or for a cluster
 * (replicated `<name>_local` tables under Distributed tables of the plain names).
 */

/** The raw table's columns: one row per order as stored, amount in CNY. */
export const ORDERS_COLUMNS: readonly Column[] = [
  { name: 'order_id', type: 'String' },
  { name: 'ts', type: "DateTime64(3, 'UTC')" },
  { name: 'amount', type: 'Decimal(18, 2)', comment: 'CNY' },
  { name: 'original_amount', type: 'Decimal(18, 2)' },
  { name: 'currency', type: 'LowCardinality(String)' },
  { name: 'quantity', type: 'UInt32' },
  { name: 'brand', type: 'String' },
  { name: 'category', type: 'LowCardinality(String)' },
  { name: 'channel', type: 'LowCardinality(String)' },
  { name: 'live_room', type: 'String', comment: 'empty when not a livestream order' },
  { name: 'region', type: 'LowCardinality(String)' },
  {
    name: 'brand_origin',
    type: 'LowCardinality(String)',
    comment: 'domestic, overseas, or empty when unknown',
  },
  { name: 'buyer_id', type: 'String' },
]

export interface Migration {
  version: number
  name: string
  objects: readonly SchemaObject[]
}

/**
 * Sums per brand (with its category and origin) and second, kept by the engine inside every
 * part of `orders` (migration 11): a brand's reads below a day (figures/rollupLevels.ts).
 */
export const BRAND_SECONDS_PROJECTION = 'by_brand_second'

/**
 * Sums per brand (with its category and origin) and hour, kept likewise (migration 12; in
 * granules of 256 rows since migration 13): a brand's whole hours, which its seconds alone made
 * cost what share of the seconds it sells in.
 */
export const BRAND_HOURS_PROJECTION = 'by_brand_hour'
const BRAND_HOURS_SELECT = `SELECT brand, category, brand_origin, toStartOfHour(ts), sum(amount), count()
          GROUP BY brand, category, brand_origin, toStartOfHour(ts)`

/** The tables partitioned by month (toYYYYMM): the raw orders and the rollups keyed by time. */
const MONTH_PARTITIONED_TABLES = [
  'orders',
  'orders_by_second',
  'orders_by_minute_key',
  'orders_by_hour_pair',
  'orders_by_day_cube',
  'orders_by_brand_day',
  'orders_by_live_room_day',
]

/**
 * A month whose every part is this old takes no more inserts: the engine merges it into one
 * part (migration 14). A day: longer than any pause of a live ingest, short enough that the
 * month before a campaign's first day is merged on its second.
 */
export const CLOSED_MONTH_AGE_SECONDS = 86_400

/**
 * Rows spread over the shards by order: even load whatever the batch sizes, and a retried
 * batch splits exactly as the first attempt did, so each shard recognises its own share
 * under the batch's insert_deduplication_token (tokens are kept per shard, in that shard's
 * Keeper path). See deploy/clickhouse-cluster/README.md for why not a key per batch.
 */
export const ORDERS_SHARDING_KEY = 'cityHash64(order_id)'

/** Bookkeeping of applied migrations; created before any migration runs. */
export const SCHEMA_MIGRATIONS: SchemaObject = {
  kind: 'table',
  name: 'schema_migrations',
  columns: [
    { name: 'version', type: 'UInt32' },
    { name: 'name', type: 'String' },
    { name: 'applied_at', type: "DateTime('UTC')" },
  ],
  engine: 'ReplacingMergeTree',
  orderBy: 'version',
  dedupWindow: false,
  shardBy: 'version',
}

/** Every rollup sums the same three measures. */
const SUMS = [
  { name: 'gmv', type: 'Decimal(18, 2)' },
  { name: 'orders', type: 'UInt64' },
  { name: 'items', type: 'UInt64' },
] as const

/** The sums as a view selects them from raw rows. */
export const RAW_SUMS = 'sum(amount) AS gmv, count() AS orders, sum(quantity) AS items'

/** The sums as a view selects them from a stream of partial sums. */
export const STREAM_SUMS = 'sum(gmv) AS gmv, sum(orders) AS orders, sum(items) AS items'

// grouping() sets a bit for each column left out of the set; 7 − it is the bitmask of those kept.
const MINUTE_KEY_SELECT = `minute, toUInt8(7 - grouping(category, channel, region)) AS carried,
        category, channel, region, ${STREAM_SUMS}`
const MINUTE_KEY_GROUP_BY = 'GROUPING SETS ((minute), (minute, category), (minute, channel), (minute, region))'

/** The low-cardinality dimensions: ~40 categories × 7 channels × ~45 regions × 3 origins at most. */
export const CUBE_COLUMNS = ['category', 'channel', 'region', 'brand_origin'] as const

/**
 * One pass over each raw block: per minute × every low-cardinality dimension, into a Null
 * table that keeps nothing. The minute, hour and day rollups are views of that stream, so they
 * group the block's few thousand partial sums rather than its 100,000 orders each.
 */
/** A live room alone, with a category or with a region (the carried bits say which): both live-room rollups. */
const LIVE_ROOM_KEYS = [
  { name: 'carried', type: 'UInt8', comment: 'bitmask of the columns besides live_room: category 2, region 1' },
  { name: 'live_room', type: 'String' },
  { name: 'category', type: 'LowCardinality(String)' },
  { name: 'region', type: 'LowCardinality(String)' },
] as const

export const CUBE_STREAM = 'cube_by_minute_stream'
const CUBE_STREAM_SELECT = `toStartOfMinute(ts) AS minute, ${CUBE_COLUMNS.join(', ')}, ${RAW_SUMS}`
const CUBE_STREAM_GROUP_BY = `minute, ${CUBE_COLUMNS.join(', ')}`
/** What the stream would carry for every stored order: the backfills' source. */
export const cubeStreamOf = (db: string) =>
  `(SELECT ${CUBE_STREAM_SELECT} FROM ${db}.orders GROUP BY ${CUBE_STREAM_GROUP_BY})`

// Every pair of them per hour (≈ 2,400 rows an hour at most, where the whole cube would be
// ≈ 24,000): a single-dimension spotlight's splits and the map's origin × region flows. The
// whole cube is kept per day only (layout.ts). 15 − grouping() is the bitmask of the kept columns.
const HOUR_PAIR_SELECT = `toStartOfHour(minute) AS hour, toUInt8(15 - grouping(${CUBE_COLUMNS.join(', ')})) AS carried,
        ${CUBE_COLUMNS.join(', ')}, ${STREAM_SUMS}`
const HOUR_PAIR_GROUP_BY = `GROUPING SETS (${CUBE_COLUMNS.flatMap((a, i) =>
  CUBE_COLUMNS.slice(i + 1).map((b) => `(hour, ${a}, ${b})`),
).join(', ')})`

/**
 * A rollup kept from the minute cube stream: first filled with what the stream would have
 * carried for the orders already stored (once: only while it is still empty, so a migration run
 * again adds nothing), then kept by its view.
 */
function streamRollup(table: string, select: string, groupBy: string): SchemaObject[] {
  return [
    {
      kind: 'backfill',
      into: table,
      select: (db) => `SELECT ${select} FROM ${cubeStreamOf(db)}
      WHERE (SELECT count() FROM ${db}.${table}) = 0
      GROUP BY ${groupBy}`,
    },
    { kind: 'view', name: `${table}_mv`, from: CUBE_STREAM, to: table, select, groupBy },
  ]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orders and rollups',
    objects: [
      {
        kind: 'table',
        name: 'orders',
        columns: ORDERS_COLUMNS,
        engine: 'MergeTree',
        partitionBy: 'toYYYYMM(ts)',
        orderBy: 'ts',
        dedupWindow: true,
        shardBy: ORDERS_SHARDING_KEY,
      },
      {
        kind: 'table',
        name: 'orders_by_second',
        columns: [
          { name: 'second', type: "DateTime('UTC')" },
          { name: 'gmv', type: 'Decimal(18, 2)' },
          { name: 'orders', type: 'UInt64' },
          { name: 'items', type: 'UInt64' },
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(second)',
        orderBy: 'second',
        dedupWindow: true,
      },
      {
        kind: 'view',
        name: 'orders_by_second_mv',
        from: 'orders',
        to: 'orders_by_second',
        select: 'toStartOfSecond(ts) AS second, sum(amount) AS gmv, count() AS orders, sum(quantity) AS items',
        groupBy: 'second',
      },
      {
        kind: 'table',
        name: 'orders_by_minute',
        columns: [
          { name: 'minute', type: "DateTime('UTC')" },
          { name: 'brand', type: 'String' },
          { name: 'category', type: 'LowCardinality(String)' },
          { name: 'channel', type: 'LowCardinality(String)' },
          { name: 'live_room', type: 'String' },
          { name: 'region', type: 'LowCardinality(String)' },
          { name: 'brand_origin', type: 'LowCardinality(String)' },
          { name: 'gmv', type: 'Decimal(18, 2)' },
          { name: 'orders', type: 'UInt64' },
          { name: 'items', type: 'UInt64' },
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(minute)',
        orderBy: '(minute, brand, category, channel, region, live_room, brand_origin)',
        dedupWindow: true,
      },
      {
        kind: 'view',
        name: 'orders_by_minute_mv',
        from: 'orders',
        to: 'orders_by_minute',
        select: `toStartOfMinute(ts) AS minute, brand, category, channel, live_room, region, brand_origin,
        sum(amount) AS gmv, count() AS orders, sum(quantity) AS items`,
        groupBy: 'minute, brand, category, channel, live_room, region, brand_origin',
      },
      // Acknowledged batches by idempotency key: answers "duplicate" to a retry even after the
      // engine's block window has moved on, and is the ledger the fault tests check against.
      // Written with insert_deduplicate = 0, so it keeps no window. On a cluster a key's rows
      // all land on one shard, where ReplacingMergeTree can fold them.
      {
        kind: 'table',
        name: 'ingest_batches',
        columns: [
          { name: 'batch_key', type: 'String' },
          { name: 'orders', type: 'UInt32' },
          { name: 'gmv', type: 'Decimal(18, 2)' },
          { name: 'acknowledged_at', type: "DateTime64(3, 'UTC')" },
        ],
        engine: 'ReplacingMergeTree',
        orderBy: 'batch_key',
        dedupWindow: false,
        shardBy: 'cityHash64(batch_key)',
      },
    ],
  },
  {
    version: 2,
    name: 'brand totals for the brand search',
    // One row per brand (250,000 at the festival's scale): the typeahead scans this instead
    // of the minute rollup's tens of millions of rows. The backfill runs only into an empty
    // table and before the view exists, so a migration interrupted and run again counts
    // nothing twice (migrations run at start-up, before ingest opens). On a cluster each
    // shard's view adds its own orders, so a brand has a row per shard; the search sums them.
    objects: [
      {
        kind: 'table',
        name: 'brand_totals',
        columns: [
          { name: 'brand', type: 'String' },
          { name: 'gmv', type: 'Decimal(18, 2)' },
          { name: 'orders', type: 'UInt64' },
        ],
        engine: 'SummingMergeTree',
        orderBy: 'brand',
        dedupWindow: true,
        // Only the backfill writes through the Distributed table.
        shardBy: 'cityHash64(brand)',
      },
      {
        kind: 'backfill',
        into: 'brand_totals',
        select: (db) => `SELECT brand, sum(gmv) AS gmv, sum(orders) AS orders FROM ${db}.orders_by_minute
      WHERE (SELECT count() FROM ${db}.brand_totals) = 0
      GROUP BY brand`,
      },
      {
        kind: 'view',
        name: 'brand_totals_mv',
        from: 'orders',
        to: 'brand_totals',
        select: 'brand, sum(amount) AS gmv, count() AS orders',
        groupBy: 'brand',
      },
    ],
  },
  {
    version: 3,
    name: 'rollups sized by time buckets × cardinality',
    // See docs/storage.md. The minute × seven-dimension rollup held a row for nearly every
    // order at festival cardinality and halved the insert rate: it goes. In its place, rollups
    // whose row count is set by time buckets × the cardinality of what they group, never by the
    // number of orders. Views whose buckets depend on the campaign's time zone or window (day
    // grain, the campaign-window brand table) are kept by layout.ts, which rebuilds them when
    // that configuration changes; the ones here are cut in UTC and never need rebuilding.
    // Backfills read the raw table before their view exists (migrations run before ingest opens).
    objects: [
      { kind: 'drop', what: 'VIEW', name: 'orders_by_minute_mv' },
      { kind: 'drop', what: 'TABLE', name: 'orders_by_minute' },
      // The brand search reads brand_campaign (the campaign's own brands and GMV) instead.
      { kind: 'drop', what: 'VIEW', name: 'brand_totals_mv' },
      { kind: 'drop', what: 'TABLE', name: 'brand_totals' },
      {
        kind: 'table',
        name: CUBE_STREAM,
        columns: [
          { name: 'minute', type: "DateTime('UTC')" },
          ...CUBE_COLUMNS.map((column) => ({ name: column, type: 'LowCardinality(String)' })),
          ...SUMS,
        ],
        engine: 'Null',
        orderBy: '',
        dedupWindow: false,
      },
      {
        kind: 'table',
        name: 'orders_by_minute_key',
        columns: [
          { name: 'minute', type: "DateTime('UTC')" },
          {
            name: 'carried',
            type: 'UInt8',
            comment: 'bitmask of the columns this row is keyed by: category 4, channel 2, region 1',
          },
          { name: 'category', type: 'LowCardinality(String)' },
          { name: 'channel', type: 'LowCardinality(String)' },
          { name: 'region', type: 'LowCardinality(String)' },
          ...SUMS,
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(minute)',
        orderBy: '(carried, category, channel, region, minute)',
        dedupWindow: true,
        // Backfills write through the Distributed table on a cluster.
        shardBy: 'cityHash64(minute)',
      },
      ...streamRollup('orders_by_minute_key', MINUTE_KEY_SELECT, MINUTE_KEY_GROUP_BY),
      {
        kind: 'table',
        name: 'orders_by_hour_pair',
        columns: [
          { name: 'hour', type: "DateTime('UTC')" },
          {
            name: 'carried',
            type: 'UInt8',
            comment: 'bitmask of the two columns this row is keyed by: category 8, channel 4, region 2, brand_origin 1',
          },
          ...CUBE_COLUMNS.map((column) => ({ name: column, type: 'LowCardinality(String)' })),
          ...SUMS,
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(hour)',
        orderBy: `(carried, ${CUBE_COLUMNS.join(', ')}, hour)`,
        dedupWindow: true,
        // Backfills write through the Distributed table on a cluster.
        shardBy: 'cityHash64(hour)',
      },
      ...streamRollup('orders_by_hour_pair', HOUR_PAIR_SELECT, HOUR_PAIR_GROUP_BY),
      // Last, once every view of the stream exists: from here on each insert feeds them all.
      {
        kind: 'view',
        name: `${CUBE_STREAM}_mv`,
        from: 'orders',
        to: CUBE_STREAM,
        select: CUBE_STREAM_SELECT,
        groupBy: CUBE_STREAM_GROUP_BY,
      },
      {
        kind: 'table',
        name: 'orders_by_day_cube',
        columns: [
          { name: 'day', type: "DateTime('UTC')", comment: 'start of the day in the layout time zone' },
          ...CUBE_COLUMNS.map((column) => ({ name: column, type: 'LowCardinality(String)' })),
          ...SUMS,
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(day)',
        orderBy: `(day, ${CUBE_COLUMNS.join(', ')})`,
        dedupWindow: true,
        // Backfills write through the Distributed table on a cluster.
        shardBy: 'cityHash64(day)',
      },
      {
        kind: 'table',
        name: 'orders_by_brand_day',
        columns: [
          { name: 'day', type: "DateTime('UTC')", comment: 'start of the day in the layout time zone' },
          { name: 'brand', type: 'String' },
          { name: 'category', type: 'LowCardinality(String)' },
          { name: 'brand_origin', type: 'LowCardinality(String)' },
          ...SUMS,
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(day)',
        // Category first: a category's brand standings read its own brands; one brand is still a
        // narrow read, found in each category's range by the primary index's exclusion search.
        orderBy: '(category, brand, day, brand_origin)',
        dedupWindow: true,
        // Backfills write through the Distributed table on a cluster.
        shardBy: 'cityHash64(brand)',
      },
      {
        kind: 'table',
        name: 'orders_by_live_room_day',
        columns: [
          { name: 'day', type: "DateTime('UTC')", comment: 'start of the day in the layout time zone' },
          ...LIVE_ROOM_KEYS,
          ...SUMS,
        ],
        engine: 'SummingMergeTree',
        partitionBy: 'toYYYYMM(day)',
        orderBy: '(carried, live_room, category, region, day)',
        dedupWindow: true,
        // Backfills write through the Distributed table on a cluster.
        shardBy: 'cityHash64(live_room)',
      },
      brandWindowTable('brand_campaign'),
      // What layout.ts last built the time-zone and window dependent rollups for.
      {
        kind: 'table',
        name: 'rollup_layout',
        columns: [
          { name: 'id', type: 'UInt8' },
          { name: 'layout', type: 'String', comment: 'JSON of the layout the rollups were built for' },
          { name: 'built_at', type: "DateTime('UTC')" },
        ],
        engine: 'ReplacingMergeTree',
        orderBy: 'id',
        dedupWindow: false,
        shardBy: 'id',
      },
    ],
  },
  {
    version: 4,
    name: 'campaign-window rollups of the cube and of live rooms',
    // Beside brand_campaign, the campaign window as one bucket for the low-cardinality cube and for
    // live rooms: the wall's splits, totals and live-room club, and the campaign-so-far rankings,
    // read tens of thousands of rows instead of every day of the cube or of the room-day table.
    // layout.ts keeps their views (they are cut by the campaign window).
    objects: [
      {
        kind: 'table',
        name: 'cube_campaign',
        columns: [...CUBE_COLUMNS.map((column) => ({ name: column, type: 'LowCardinality(String)' })), ...SUMS],
        engine: 'SummingMergeTree',
        orderBy: `(${CUBE_COLUMNS.join(', ')})`,
        dedupWindow: true,
        shardBy: 'cityHash64(category)',
      },
      {
        kind: 'table',
        name: 'live_room_campaign',
        columns: [...LIVE_ROOM_KEYS, ...SUMS],
        engine: 'SummingMergeTree',
        orderBy: '(carried, live_room, category, region)',
        dedupWindow: true,
        shardBy: 'cityHash64(live_room)',
      },
    ],
  },
  {
    version: 5,
    name: "last year's window per brand",
    // The published "first-time brands" are those with no order in last year's whole window:
    // one row per brand of it instead of every day of last year's brand-day rows (2.75M at
    // festival scale). layout.ts keeps its view (it is cut by the last-year window).
    objects: [brandWindowTable('brand_last_year')],
  },
  {
    version: 6,
    name: 'last year so far per key, kept by the engine',
    // "Last year so far" ends inside a day, which no rollup keeps per brand or live room.
    // figures/lastYearSoFar.ts writes each question's sums per key here (a version per end) and
    // reads a version plus the raw seconds since, so a ranking by growth joins two tables of one
    // row per key instead of reading last year's day so far. Versions serve for minutes; the
    // TTL drops them half an hour after they were written.
    objects: [lastYearSoFarTable('String', 'String')],
  },
  {
    version: 7,
    name: 'a digest of each acknowledged batch',
    // A retry under a used Idempotency-Key must carry the same batch: the ledger keeps a digest of
    // the batch as stored (its canonical encoded rows), and another batch under the key is refused.
    // Batches acknowledged before have an empty digest and are answered as before.
    objects: [
      {
        kind: 'addColumn',
        table: 'ingest_batches',
        column: { name: 'digest', type: "String DEFAULT ''", comment: 'SHA-256 of the batch as stored, hex' },
      },
    ],
  },
  {
    version: 8,
    name: "one brand's orders side by side",
    // A brand's hours are kept by no rollup: brand × hour would be a fifth of the orders at
    // 125M (24.6M rows, measured) and more at festival size. So a brand's raw reads (an hourly
    // series, a range's ragged edges, a live snapshot's last minutes) read its own orders from
    // this copy kept in brand order, not every order in the range; no figure reads quantity raw,
    // so it is left out. Measured: one brand's hourly series over a day at 125M orders 400–550 ms
    // → 12–60 ms; over the campaign at 12.5M, 171–244 ms → 14 ms. It costs 10.3 bytes per order
    // on disk and its sort on every insert (insert ratio with every rollup 0.77, 0.78 without).
    objects: [
      {
        kind: 'addProjection',
        table: 'orders',
        name: 'by_brand',
        select: 'SELECT brand, ts, amount ORDER BY brand, ts',
      },
    ],
  },
  {
    version: 9,
    name: 'the engine parses and checks order batches',
    // JavaScript per order (parse, validate, encode) cost about 4 µs an order on the cores the
    // engine needs: ingest ran at 0.34–0.55 of the engine's own rate. orderIntake.ts has the why.
    objects: orderIntakeObjects(ORDERS_COLUMNS),
  },
  {
    version: 10,
    name: 'last year so far with a version found without comparing text',
    // A version was found by comparing the writer's and the question's text on each of its rows:
    // at 125M orders that was three fifths of reading a 250,000-key version (15 ms against 6 ms for
    // the keys and sums alone). A UUID and a LowCardinality question are compared once per
    // granule's dictionary, and granules of 1,024 rows make a lookup of the ten keys shown read
    // an eighth as much. Measured side by side at 125M: a version's top read 15.3 → 10.5 ms, ten keys
    // 9.9 → 7.0 ms. What the table holds lives half an hour, so it is made again, empty.
    objects: [
      { kind: 'drop', what: 'TABLE', name: 'last_year_so_far' },
      lastYearSoFarTable('UUID', 'LowCardinality(String)', 1024),
    ],
  },
  {
    version: 11,
    name: "one brand's seconds side by side",
    // by_brand kept every order of a brand, so a brand's hourly series cost what the brand sold:
    // the largest brand (2.5% of orders) read 2.2M orders at 125M and would read 25M at 1B. Kept
    // as sums per brand and second, a brand reads at most one row per second of its range,
    // however much it sells. Measured at 125M, that brand's hourly series over the campaign:
    // p95 60 → 30.5 ms (the raw read alone 269 → 79 granules, 26 → 10 ms). A brand has one
    // category and one origin, so keying by them too adds no rows and lets a brand's category
    // split read here. On disk about what by_brand took (8.6 bytes per order at 125M), and the
    // insert ratio with every rollup no lower (side by side on a copy of the 10M store, 0.72–0.74
    // with it, 0.62–0.72 with by_brand). Below a second, a range's edges read the raw table.
    objects: [
      { kind: 'dropProjection', table: 'orders', name: 'by_brand' },
      {
        kind: 'addProjection',
        table: 'orders',
        name: BRAND_SECONDS_PROJECTION,
        select: `SELECT brand, category, brand_origin, toStartOfSecond(ts), sum(amount), count()
          GROUP BY brand, category, brand_origin, toStartOfSecond(ts)`,
      },
    ],
  },
  {
    version: 12,
    name: "one brand's hours side by side",
    // Read from its seconds, a brand's hourly series grew with the seconds it sells in: the
    // largest brand's series over the campaign read 220,000 second rows at 12.5M orders and
    // 650,000 at 125M (p95 1.5–1.8× from 12.5M to 375M, in two runs). Its hours are at most 264
    // over the campaign, whatever it sells, and a range's edges inside a day read at most an hour
    // of seconds on each side. Brand × hour as a rollup table would be a fifth of the orders
    // (24.6M rows at 125M): kept inside each part instead, it is read only for one brand.
    // Measured, that series p95: 15.6 ms at 12.5M, 19.2 at 125M, 18.0 at 375M; 1.0 byte per order at 375M.
    objects: [
      {
        kind: 'addProjection',
        table: 'orders',
        name: BRAND_HOURS_PROJECTION,
        select: BRAND_HOURS_SELECT,
      },
    ],
  },
  {
    version: 13,
    name: "one brand's hours in small granules",
    // A brand's hours are a row, or a few dozen, in each part of `orders`, but a read takes a
    // whole granule: 8,192 rows of other brands' hours per part. So the largest brand's hourly
    // series read 75,000, 132,000 and 206,000 rows at 12.5M, 125M and 1.25B orders (9, 16 and 25
    // parts), and its p95 grew 1.54× (14.4 → 22.2 ms). In granules of 256 rows it reads about
    // 300 a part (3.4k, 5.1k, 7.4k) and its CPU per call is a fifth less at each size; what is
    // left of its growth is per part opened. The projection's index grows to a mark per 256 of
    // its rows (~0.3M at 1.25B). Rebuilt for the 1.25B store in 5.4 minutes.
    objects: [
      { kind: 'dropProjection', table: 'orders', name: BRAND_HOURS_PROJECTION },
      {
        kind: 'addProjection',
        table: 'orders',
        name: BRAND_HOURS_PROJECTION,
        select: BRAND_HOURS_SELECT,
        indexGranularity: 256,
      },
    ],
  },
  {
    version: 14,
    name: 'a closed month merged into one part',
    // The engine merges a partition's parts only while the merge pays for its writes, so a month
    // that takes no more orders keeps the parts it was left with: at 1.25B orders, 7 in last
    // year's October and 8 in this year's (the campaign's first eight hours, cut in UTC). Each
    // part is opened again by every read of its month: a brand's hourly series over both years'
    // windows opened 9, 16 and 25 parts at 12.5M, 125M and 1.25B orders. A month whose parts are
    // all a day old takes no orders, so the engine merges it into one part, once; the live month
    // always has parts younger than that and is left to the usual merges. The merge ignores the
    // size limit of ordinary merges and needs the month's size free on disk while it runs. At
    // 1.25B orders it took 121 s for last year's November and 39 s for this year's October, and
    // that series then opened 11 parts instead of 25.
    objects: MONTH_PARTITIONED_TABLES.map((table) => ({
      kind: 'modifySettings',
      table,
      settings: {
        min_age_to_force_merge_seconds: CLOSED_MONTH_AGE_SECONDS,
        min_age_to_force_merge_on_partition_only: 1,
      },
    })),
  },
]

/**
 * Sums per key kept for one question up to an end (figures/lastYearSoFar.ts). Migration 6 made it
 * with text identities; migration 10 made it again with cheaper ones.
 */
function lastYearSoFarTable(writer: string, question: string, indexGranularity?: number): TableSpec {
  return {
    kind: 'table',
    name: 'last_year_so_far',
    columns: [
      { name: 'writer', type: writer, comment: 'the server instance that wrote the version' },
      { name: 'question', type: question, comment: 'column, filter and start of last year asked' },
      { name: 'upto', type: 'Int64', comment: 'end of the version, epoch ms: sums of [start, upto)' },
      { name: 'key', type: 'String' },
      { name: 'gmv', type: 'Decimal(18, 2)' },
      { name: 'written', type: "DateTime('UTC') DEFAULT now()" },
    ],
    engine: 'MergeTree',
    orderBy: '(writer, question, upto, key)',
    dedupWindow: false,
    ttl: 'written + INTERVAL 30 MINUTE',
    // A version is one insert, so one part: whole parts expire, checked every ten minutes.
    settings: {
      ttl_only_drop_parts: 1,
      merge_with_ttl_timeout: 600,
      ...(indexGranularity ? { index_granularity: indexGranularity } : {}),
    },
    shardBy: 'cityHash64(key)',
  }
}

/**
 * One row per brand for a window as one bucket once merged, so FINAL reads 250,000 rows with
 * no GROUP BY; a brand counts as overseas if any of its orders says so.
 */
function brandWindowTable(name: string): TableSpec {
  return {
    kind: 'table',
    name,
    columns: [
      { name: 'brand', type: 'String' },
      { name: 'overseas', type: 'SimpleAggregateFunction(max, UInt8)' },
      ...SUMS,
    ],
    engine: 'SummingMergeTree',
    orderBy: 'brand',
    dedupWindow: true,
    shardBy: 'cityHash64(brand)',
  }
}

export interface VersionStatements {
  version: number
  name: string
  statements: string[]
}

/** Every migration's statements for one node (no cluster) or for a cluster. */
export function schemaStatements(target: SchemaTarget): VersionStatements[] {
  return MIGRATIONS.map((migration) => ({
    version: migration.version,
    name: migration.name,
    statements: renderStatements(migration.objects, target),
  }))
}

/** The database and the schema_migrations table, created before the migrations are read. */
export function bootstrapStatements(target: SchemaTarget): string[] {
  return [renderCreateDatabase(target), ...renderStatements([SCHEMA_MIGRATIONS], target)]
}
