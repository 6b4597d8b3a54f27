/**
 * How fast one core generates orders AND serialises them to NDJSON — the work the
 * ingest benchmark's producer does. The mark is 2 × 583,000 orders/s: a producer twice
 * as fast as the real peak can drive a server to its limit without being the limit.
 *
 * Measured on the Nov 11 surge at scale 1 (hundreds of thousands of orders a second),
 * where per-order cost dominates, exactly as in an ingest benchmark at full rate.
 */
import { pathToFileURL } from 'node:url'
import { createCampaignGenerator } from '../generator.ts'

export interface GeneratorThroughput {
  ordersPerSecond: number
  ndjsonBytesPerOrder: number
}

const NOV_11 = 10 * 86_400

export async function measureGeneratorThroughput(opts: { seconds?: number } = {}): Promise<GeneratorThroughput> {
  const seconds = opts.seconds ?? 3
  const generator = createCampaignGenerator({ seed: 1111, scale: 1 })
  // Warm-up: let V8 optimise the hot loops before the clock starts.
  for (const _ of generator.ndjsonBatches({ fromSecond: NOV_11, toSecond: NOV_11 + 2, maxOrders: 100_000 })) {
    // discard
  }
  let orders = 0
  let bytes = 0
  const startedAt = performance.now()
  const deadline = startedAt + seconds * 1000
  let second = NOV_11
  while (performance.now() < deadline) {
    for (const batch of generator.ndjsonBatches({ fromSecond: second, toSecond: second + 1, maxOrders: 100_000 })) {
      orders += batch.orderCount
      bytes += batch.ndjson.length
    }
    // Stay within the busy first hour of Nov 11.
    second = second + 1 < NOV_11 + 3600 ? second + 1 : NOV_11
    await Promise.resolve()
  }
  const elapsed = (performance.now() - startedAt) / 1000
  return { ordersPerSecond: orders / elapsed, ndjsonBytesPerOrder: bytes / orders }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureGeneratorThroughput({ seconds: Number(process.argv[2] ?? 5) })
  process.stdout.write(
    `${Math.round(result.ordersPerSecond).toLocaleString('en-US')} orders/s on one core, ` +
      `${result.ndjsonBytesPerOrder.toFixed(1)} NDJSON bytes per order (mark: 1,166,000 orders/s)\n`,
  )
}
