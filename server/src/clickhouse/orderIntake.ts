import {
  AMOUNT_PATTERN,
  CHINA_PROVINCES,
  COUNTRY_CODES,
  LABEL_MAX_LENGTH,
  MAX_EVENT_TIME_MS,
  MAX_ORDER_AMOUNT,
  MAX_QUANTITY,
  MIN_EVENT_TIME_MS,
  ORDER_ID_PATTERN,
} from '@gmv-pulse/shared'
import type { Column, SchemaObject } from './schemaDdl.ts'

/**
 * Where order batches enter the store. The engine parses a producer's own JSON and enforces
 * the order contract itself, so no JavaScript runs per order on the way in:
 *
 *   order_landing (Null, the API's field names, a CHECK per rule)
 *     → order_landing_checked (no orderId twice, as many orders as the server counted; epoch ms → time)
 *       → order_intake (Null, the orders table's columns)
 *           → order_intake_stored → orders → every rollup view
 *           → order_intake_sums → ingest_batch_sums (count, GMV and digest per batch token)
 *
 * A batch the landing refuses is explained by the JavaScript validator, which names each row
 * and field; one it accepts after all (a form the landing does not read, such as an ISO time
 * or a foreign currency) is converted there and written to order_intake, the same funnel. So
 * every batch, by either road, is counted and digested by the same view.
 *
 * The checks are written from the same constants as the schema in shared/order.ts, and a
 * property test holds the landing against the schema on random and adversarial orders. They
 * are fixed when migration 9 runs: a change to a rule there changes migration 9's statements,
 * which the schema snapshot test (schemaDdl.test.ts) refuses, and needs a migration of its own.
 */

/** Table names, as queries and inserts see them. */
export const ORDER_LANDING = 'order_landing'
export const ORDER_INTAKE = 'order_intake'
export const INGEST_BATCH_SUMS = 'ingest_batch_sums'

/**
 * An insert token with this prefix computes a batch's digest and stores nothing: the intake
 * view to the orders table skips it. No batch key can carry '#' (IDEMPOTENCY_KEY_PATTERN).
 */
export const PROBE_TOKEN_PREFIX = '#probe#'
/** The token of a batch sent without a key: its own, so the intake counts it and nothing else drops it. */
export const ONCE_TOKEN_PREFIX = '#once#'

/**
 * Marks an optional field the producer left out. A field sent as "" or null must be refused
 * and one left out must not: the column default is the only way the engine tells them apart.
 * A byte that is not UTF-8 cannot come from a producer's field: a body that is not UTF-8 goes
 * to the validator, never to the landing.
 */
const ABSENT = String.raw`'\xFF'`

/** A string as a ClickHouse literal: backslashes and quotes escaped, so a regex reaches re2 as written. */
const literal = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`

/**
 * A label: valid UTF-8, 1 to `max` characters counted as the schema counts them (code points:
 * zod's max length counts a character above U+FFFF once), and no control character (\p{Cc}).
 */
function labelCheck(column: string, max: number): string {
  return `isValidUTF8(${column}) AND lengthUTF8(${column}) BETWEEN 1 AND ${max}
          AND NOT match(${column}, ${literal('[\\x{0}-\\x{1F}\\x{7F}-\\x{9F}]')})`
}

const optionalLabelCheck = (column: string, max: number) => `${column} = ${ABSENT} OR (${labelCheck(column, max)})`

/** An integer the way JSON and JavaScript read one: a double with no fraction, within bounds. */
const integerCheck = (column: string, min: number, maxExclusive: number) =>
  `${column} = floor(${column}) AND ${column} >= ${min} AND ${column} < ${maxExclusive}`

const REGION_CODES = [...Object.keys(CHINA_PROVINCES), ...COUNTRY_CODES].sort()

const LANDING_COLUMNS: readonly Column[] = [
  { name: 'orderId', type: 'String' },
  // Float64, as JSON numbers are in JavaScript: 2.0 and 2e0 are the integer 2, and a number
  // too large for 64 bits is refused by the bounds rather than wrapped round by an integer parse.
  { name: 'ts', type: 'Float64' },
  // A string only: a JSON number here is refused, and explained (or accepted) by the schema.
  { name: 'amount', type: 'String' },
  { name: 'currency', type: "String DEFAULT 'CNY'" },
  { name: 'quantity', type: 'Float64 DEFAULT 1' },
  { name: 'brand', type: 'String' },
  { name: 'category', type: 'String' },
  { name: 'channel', type: 'String' },
  { name: 'liveRoom', type: `Nullable(String) DEFAULT ${ABSENT}` },
  { name: 'region', type: 'String' },
  { name: 'brandOrigin', type: `Nullable(String) DEFAULT ${ABSENT}` },
  { name: 'buyerId', type: `Nullable(String) DEFAULT ${ABSENT}` },
]

const LANDING_CONSTRAINTS = [
  { name: 'order_id_ok', check: `match(orderId, ${literal(ORDER_ID_PATTERN.source)})` },
  { name: 'ts_ok', check: integerCheck('ts', MIN_EVENT_TIME_MS, MAX_EVENT_TIME_MS) },
  {
    name: 'amount_ok',
    check: `match(amount, ${literal(AMOUNT_PATTERN.source)})
          AND toDecimal64(amount, 2) > 0 AND toDecimal64(amount, 2) <= ${MAX_ORDER_AMOUNT}`,
  },
  // Other currencies are converted at the rates this server is configured with, by the schema's road.
  { name: 'currency_ok', check: `currency = 'CNY'` },
  { name: 'quantity_ok', check: integerCheck('quantity', 1, MAX_QUANTITY + 1) },
  { name: 'brand_ok', check: labelCheck('brand', LABEL_MAX_LENGTH.brand) },
  { name: 'category_ok', check: labelCheck('category', LABEL_MAX_LENGTH.category) },
  { name: 'channel_ok', check: labelCheck('channel', LABEL_MAX_LENGTH.channel) },
  { name: 'live_room_ok', check: optionalLabelCheck('liveRoom', LABEL_MAX_LENGTH.liveRoom) },
  { name: 'region_ok', check: `region IN (${REGION_CODES.map(literal).join(', ')})` },
  { name: 'brand_origin_ok', check: `brandOrigin IN (${ABSENT}, 'domestic', 'overseas')` },
  { name: 'buyer_id_ok', check: optionalLabelCheck('buyerId', LABEL_MAX_LENGTH.buyerId) },
]

/** The settings a batch is parsed under: JSON read as strictly as the schema reads it. */
export const LANDING_FORMAT_SETTINGS = {
  input_format_skip_unknown_fields: 0,
  // null is not "left out": a field sent as null is refused, as the schema refuses it.
  input_format_null_as_default: 0,
  input_format_json_read_numbers_as_strings: 0,
  input_format_json_read_bools_as_numbers: 0,
  input_format_json_read_bools_as_strings: 0,
  input_format_json_read_objects_as_strings: 0,
  input_format_json_read_arrays_as_strings: 0,
} as const

const TOKEN = "getSetting('insert_deduplication_token')"

/**
 * The number of orders the server counted in a body (one per NDJSON line, one per element of
 * the array), carried to the landing's view in the insert's log_comment, a free-text setting
 * that any server accepts (custom settings need a server's configuration). The view refuses a
 * batch whose rows are not that many: the engine's reader would take two orders on one line, or
 * one order over several lines, where the order contract and the validator take neither.
 */
export const expectedOrdersComment = (orders: number) => `orders:${orders}`
const EXPECTED_ORDERS = `toUInt64OrZero(extract(getSetting('log_comment'), ${literal('^orders:(\\d+)$')}))`

/** The columns a batch's digest covers: every column of the orders table, in its order. */
const DIGEST_COLUMNS =
  'order_id, ts, amount, original_amount, currency, quantity, brand, category, channel, live_room, region, brand_origin, buyer_id'

/**
 * The schema objects of the intake, given the orders table's columns (migration 9). The digest
 * is two independent 64-bit hashes of each order summed over the batch: the same for the same
 * orders in any order or encoding, since orderIds cannot repeat within a batch.
 */
export function orderIntakeObjects(orderColumns: readonly Column[]): SchemaObject[] {
  return [
    {
      kind: 'table',
      name: ORDER_LANDING,
      columns: LANDING_COLUMNS,
      constraints: LANDING_CONSTRAINTS,
      engine: 'Null',
      orderBy: 'tuple()',
      dedupWindow: false,
    },
    {
      kind: 'table',
      name: ORDER_INTAKE,
      columns: orderColumns,
      engine: 'Null',
      orderBy: 'tuple()',
      dedupWindow: false,
    },
    {
      kind: 'table',
      name: INGEST_BATCH_SUMS,
      columns: [
        { name: 'token', type: 'String' },
        { name: 'orders', type: 'UInt64' },
        { name: 'gmv', type: 'Decimal(18, 2)' },
        { name: 'hash_a', type: 'UInt64' },
        { name: 'hash_b', type: 'UInt64' },
        { name: 'written_at', type: 'DateTime DEFAULT now()' },
      ],
      engine: 'MergeTree',
      orderBy: 'token',
      // The ledger (ingest_batches) keeps what was acknowledged; these only bridge the insert and it.
      ttl: 'written_at + INTERVAL 1 DAY',
      dedupWindow: true,
    },
    {
      kind: 'view',
      name: 'order_landing_checked',
      from: ORDER_LANDING,
      to: ORDER_INTAKE,
      // A window over the whole insert (one block: INGEST_INSERT_SETTINGS squashes a batch into one).
      fromSelect: '*, count() OVER (PARTITION BY orderId) AS copies, count() OVER () AS batch_rows',
      select: `orderId AS order_id, fromUnixTimestamp64Milli(toInt64(ts), 'UTC') AS ts,
        toDecimal64(amount, 2) AS amount, toDecimal64(amount, 2) AS original_amount, currency,
        toUInt32(quantity) AS quantity, brand, category, channel,
        ifNull(nullIf(liveRoom, ${ABSENT}), '') AS live_room, region,
        ifNull(nullIf(brandOrigin, ${ABSENT}), '') AS brand_origin, ifNull(nullIf(buyerId, ${ABSENT}), '') AS buyer_id`,
      where: `throwIf(copies > 1, 'an orderId repeats within the batch') = 0
        AND throwIf(batch_rows != ${EXPECTED_ORDERS}, 'the batch holds other than the orders counted') = 0`,
    },
    {
      kind: 'view',
      name: 'order_intake_stored',
      from: ORDER_INTAKE,
      to: 'orders',
      into: 'routed',
      select: '*',
      where: `NOT startsWith(${TOKEN}, ${literal(PROBE_TOKEN_PREFIX)})`,
    },
    {
      kind: 'view',
      name: 'order_intake_sums',
      from: ORDER_INTAKE,
      to: INGEST_BATCH_SUMS,
      select: `${TOKEN} AS token, count() AS orders, sum(amount) AS gmv,
        sum(cityHash64(${DIGEST_COLUMNS})) AS hash_a, sum(sipHash64(${DIGEST_COLUMNS})) AS hash_b`,
      where: `${TOKEN} != ''`,
      groupBy: 'token',
    },
  ]
}

/** How a batch's digest reads from its sums, prefixed so it is never taken for an older kind. */
export const DIGEST_OF_SUMS = `concat('sums1:', hex(sum(hash_a)), hex(sum(hash_b)))`
export const DIGEST_PREFIX = 'sums1:'
