import { ORDER_COLUMNS } from '../ingest/encodeOrderRows.ts'
import { expectedOrdersComment, LANDING_FORMAT_SETTINGS, ORDER_INTAKE, ORDER_LANDING } from './orderIntake.ts'
import type { Store } from './store.ts'

/** More rows than a batch may hold (INGEST_MAX_BATCH_ORDERS is checked against it at start). */
export const MAX_BLOCK_ROWS = 1_048_576
/** More bytes than a body may hold once encoded (INGEST_MAX_BODY_BYTES is 64 MiB by default). */
const MAX_BLOCK_BYTES = 4 * 1024 ** 3

/**
 * The settings of every batch. With a token, a retry of the same batch is dropped by the
 * engine in the raw table and in every rollup (each table keeps a deduplication window).
 */
export const INGEST_INSERT_SETTINGS = {
  insert_deduplicate: 1,
  deduplicate_blocks_in_dependent_materialized_views: 1,
  // The rollup views of a batch run side by side rather than one after the other: measured by
  // the scale benchmark, a batch with every rollup inserts about 45% faster on two cores.
  parallel_view_processing: 1,
  // Each view already groups its block by the rollup's key: summing the block again by that key
  // as it is written is a pass that finds nothing to merge (measured: mean ratio to the raw
  // table 0.51 → 0.60 over four alternating pairs; parts are still summed as they merge).
  optimize_on_insert: 0,
  // On a cluster, answer only once every shard holds its share (no effect on plain tables).
  distributed_foreground_insert: 1,
  // One block per batch, in the raw table and in every rollup: a batch is all-or-nothing, and
  // each table gets one part per batch. The engine parses a large body in chunks of about
  // 10 MB side by side, and a GROUPING SETS view emits a block per set; squashing up to more
  // than any batch holds joins them again. Measured: a 300k-order batch was 3 raw parts, and
  // the pair, minute-key and live-room views wrote 6, 4 and 3 parts per batch; now 1 each.
  // The intake's check that no orderId repeats in a batch relies on it too: it looks across one block.
  max_insert_block_size: String(MAX_BLOCK_ROWS),
  min_insert_block_size_rows: String(MAX_BLOCK_ROWS),
  min_insert_block_size_bytes: String(MAX_BLOCK_BYTES),
  min_insert_block_size_rows_for_materialized_views: String(MAX_BLOCK_ROWS),
  min_insert_block_size_bytes_for_materialized_views: String(MAX_BLOCK_BYTES),
} as const

/**
 * A producer's orders as it sent them (NDJSON, or a JSON array), parsed and checked by the
 * engine in the order landing (orderIntake.ts). Throws when the engine refuses any of them.
 */
export async function insertOrderBody(store: Store, body: Buffer, orders: number, token: string): Promise<void> {
  await store.insertRows(
    store.nodeTable(ORDER_LANDING),
    [],
    body,
    {
      ...INGEST_INSERT_SETTINGS,
      ...LANDING_FORMAT_SETTINGS,
      insert_deduplication_token: token,
      log_comment: expectedOrdersComment(orders),
    },
    'JSONEachRow',
  )
}

/** Orders already checked and converted by the server (encodeOrderRows), into the same intake past the landing. */
export async function insertCheckedRows(store: Store, rows: Buffer, token: string): Promise<void> {
  await store.insertRows(store.nodeTable(ORDER_INTAKE), ORDER_COLUMNS, rows, {
    ...INGEST_INSERT_SETTINGS,
    insert_deduplication_token: token,
  })
}
