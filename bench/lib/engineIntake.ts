import { INGEST_INSERT_SETTINGS } from '../../server/src/clickhouse/insertOrders.ts'
import type { Store } from '../../server/src/clickhouse/store.ts'

/**
 * The engine doing alone what POST /api/v1/orders does, for the ingest benchmark's ceiling: it
 * parses the producer's own bodies (JSONEachRow reads an NDJSON line per order or one JSON
 * array of them) into a Null table named like the API's fields, and a view converts each order
 * into the orders table — epoch milliseconds to time, the decimal string to Decimal, the
 * optional fields to their defaults — from where every rollup view runs as for any batch. No
 * HTTP and no JavaScript per order. The bench's orders are in CNY, so no conversion of money
 * is needed; the checks the server makes are not repeated here, which only raises the ceiling.
 */
export async function createEngineIntake(store: Store): Promise<(body: Buffer, token: string) => Promise<void>> {
  const db = store.db
  await store.command(`CREATE TABLE IF NOT EXISTS ${db}.bench_order_intake (
      orderId String, ts Int64, amount String, currency String DEFAULT 'CNY', quantity UInt32 DEFAULT 1,
      brand String, category String, channel String, liveRoom String DEFAULT '', region String,
      brandOrigin String DEFAULT '', buyerId String DEFAULT ''
    ) ENGINE = Null`)
  await store.command(`CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.bench_order_intake_mv TO ${db}.orders AS
    SELECT orderId AS order_id, fromUnixTimestamp64Milli(ts, 'UTC') AS ts, toDecimal64(amount, 2) AS amount,
      toDecimal64(amount, 2) AS original_amount, currency, quantity, brand, category, channel,
      liveRoom AS live_room, region, brandOrigin AS brand_origin, buyerId AS buyer_id
    FROM ${db}.bench_order_intake`)
  return (body, token) =>
    store.insertRows(
      `${db}.bench_order_intake`,
      [],
      body,
      { ...INGEST_INSERT_SETTINGS, insert_deduplication_token: token, input_format_skip_unknown_fields: 0 },
      'JSONEachRow',
    )
}
