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
 * a retried batch is dropped from the raw table and from every rollup alike. 10,000
 * blocks is about half an hour of batches at the 583,000 orders/s peak in 100k batches.
 */

export interface Migration {
  version: number
  name: string
  statements: (db: string) => string[]
}

const DEDUP_WINDOW = 'non_replicated_deduplication_window = 10000'

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orders and rollups',
    statements: (db) => [
      `CREATE TABLE IF NOT EXISTS ${db}.orders (
        order_id String,
        ts DateTime64(3, 'UTC'),
        amount Decimal(18, 2) COMMENT 'CNY',
        original_amount Decimal(18, 2),
        currency LowCardinality(String),
        quantity UInt32,
        brand String,
        category LowCardinality(String),
        channel LowCardinality(String),
        live_room String COMMENT 'empty when not a livestream order',
        region LowCardinality(String),
        brand_origin LowCardinality(String) COMMENT 'domestic, overseas, or empty when unknown',
        buyer_id String
      ) ENGINE = MergeTree
      PARTITION BY toYYYYMM(ts)
      ORDER BY ts
      SETTINGS ${DEDUP_WINDOW}`,
      `CREATE TABLE IF NOT EXISTS ${db}.orders_by_second (
        second DateTime('UTC'),
        gmv Decimal(18, 2),
        orders UInt64,
        items UInt64
      ) ENGINE = SummingMergeTree
      PARTITION BY toYYYYMM(second)
      ORDER BY second
      SETTINGS ${DEDUP_WINDOW}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.orders_by_second_mv TO ${db}.orders_by_second AS
      SELECT toStartOfSecond(ts) AS second, sum(amount) AS gmv, count() AS orders, sum(quantity) AS items
      FROM ${db}.orders
      GROUP BY second`,
      `CREATE TABLE IF NOT EXISTS ${db}.orders_by_minute (
        minute DateTime('UTC'),
        brand String,
        category LowCardinality(String),
        channel LowCardinality(String),
        live_room String,
        region LowCardinality(String),
        brand_origin LowCardinality(String),
        gmv Decimal(18, 2),
        orders UInt64,
        items UInt64
      ) ENGINE = SummingMergeTree
      PARTITION BY toYYYYMM(minute)
      ORDER BY (minute, brand, category, channel, region, live_room, brand_origin)
      SETTINGS ${DEDUP_WINDOW}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.orders_by_minute_mv TO ${db}.orders_by_minute AS
      SELECT toStartOfMinute(ts) AS minute, brand, category, channel, live_room, region, brand_origin,
        sum(amount) AS gmv, count() AS orders, sum(quantity) AS items
      FROM ${db}.orders
      GROUP BY minute, brand, category, channel, live_room, region, brand_origin`,
      // Acknowledged batches by idempotency key: answers "duplicate" to a retry even after the
      // engine's block window has moved on, and is the ledger the fault tests check against.
      `CREATE TABLE IF NOT EXISTS ${db}.ingest_batches (
        batch_key String,
        orders UInt32,
        gmv Decimal(18, 2),
        acknowledged_at DateTime64(3, 'UTC')
      ) ENGINE = ReplacingMergeTree
      ORDER BY batch_key`,
    ],
  },
  {
    version: 2,
    name: 'brand totals for the brand search',
    // One row per brand (250,000 at the festival's scale): the typeahead scans this instead
    // of the minute rollup's tens of millions of rows. The backfill runs only into an empty
    // table and before the view exists, so a migration interrupted and run again counts
    // nothing twice (migrations run at start-up, before ingest opens).
    statements: (db) => [
      `CREATE TABLE IF NOT EXISTS ${db}.brand_totals (
        brand String,
        gmv Decimal(18, 2),
        orders UInt64
      ) ENGINE = SummingMergeTree
      ORDER BY brand
      SETTINGS ${DEDUP_WINDOW}`,
      `INSERT INTO ${db}.brand_totals
      SELECT brand, sum(gmv) AS gmv, sum(orders) AS orders FROM ${db}.orders_by_minute
      WHERE (SELECT count() FROM ${db}.brand_totals) = 0
      GROUP BY brand`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.brand_totals_mv TO ${db}.brand_totals AS
      SELECT brand, sum(amount) AS gmv, count() AS orders
      FROM ${db}.orders
      GROUP BY brand`,
    ],
  },
]
