import { makeBenchBatches } from './benchOrders.ts'

export type BodyFormat = 'ndjson' | 'json'

/**
 * The request bodies of an ingest run, byte for byte: an NDJSON line per order, or one JSON
 * array. The producer posts them and the engine's ceiling inserts the very same bytes.
 */
export function makeBenchBodies(options: {
  format: BodyFormat
  batchSize: number
  batches: number
  seed: number
}): string[] {
  return makeBenchBatches(options).map((orders) =>
    options.format === 'ndjson' ? orders.map((order) => JSON.stringify(order)).join('\n') : JSON.stringify(orders),
  )
}
