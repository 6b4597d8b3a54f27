import { renderCreateDatabase, renderStatements, type SchemaObject, type SchemaTarget } from './schemaDdl.ts'

/**
 * Versioned schema. A migration runs once (recorded in schema_migrations) and every
 * statement is idempotent, so a start-up interrupted half-way simply runs it again.
 *
 * Layout: the raw `orders` table and two rollups kept by materialized views.
 * - orders_by_second: one row per second, unfiltered — the live ticker, orders/s, the
 *   peak and the 5-minute line read a few hundred rows instead of millions.
 * - orders_by_minute: one row per minute × brand × category × channel × live room ×
 *   region × brand origin — every filtered total, breakdown, ranking and time series.
 *   Minutes are kept in UTC; hour and day buckets in CAMPAIGN_TZ are taken at query
 *   time, so a change of campaign time zone needs no rebuild.
 *
 * Every table that receives rows from an insert keeps a deduplication window: together
 * with insert_deduplication_token and deduplicate_blocks_in_dependent_materialized_views
 * a retried batch is dropped from the raw table and from every rollup alike.
 *
 * Each table is described once; schemaDdl.ts renders it for one node or for a cluster
 * (replicated `<name>_local` tables under Distributed tables of the plain names).
 */

export interface Migration {
  version: number
  name: string
  objects: readonly SchemaObject[]
}

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

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orders and rollups',
    objects: [
      {
        kind: 'table',
        name: 'orders',
        columns: [
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
        ],
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
]

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
