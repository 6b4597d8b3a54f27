import { createRandom } from '@gmv-pulse/seed'
import type { OrderInput } from '@gmv-pulse/shared'

/**
 * Batches for the ingest benchmark: 20,000 brands with a heavy tail, the festival's
 * channels and regions, epoch-ms times a few minutes apart — the shape the simulator
 * sends, produced fast and the same for every run.
 */
export function makeBenchBatches(options: { batchSize: number; batches: number; seed: number }): OrderInput[][] {
  const random = createRandom(options.seed).next
  const channels = ['livestream', 'search', 'recommendation', 'venue', 'cart']
  const categories = ['Beauty', 'Apparel', 'Electronics', 'Home', 'Food', 'Baby', 'Sports', 'Luxury']
  const regions = ['CN-ZJ', 'CN-GD', 'CN-JS', 'CN-SH', 'CN-BJ', 'CN-SD', 'CN-SC', 'CN-HB', 'SG', 'MY', 'VN', 'TH']
  const start = Date.UTC(2020, 10, 10, 16, 0, 0)
  let sequence = 0
  return Array.from({ length: options.batches }, (_, batch) =>
    Array.from({ length: options.batchSize }, () => {
      const brand = Math.floor(20_000 * random() ** 3)
      const channel = channels[Math.floor(random() * channels.length)] as string
      const fen = 100 + Math.floor(random() * 40_000)
      return {
        orderId: `b${options.seed}-${sequence++}`,
        ts: start + batch * 1000 + Math.floor(random() * 1000),
        amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
        quantity: 1 + Math.floor(random() * 3),
        brand: `Brand ${brand}`,
        category: categories[brand % categories.length] as string,
        channel,
        ...(channel === 'livestream' ? { liveRoom: `Live room ${brand % 60}` } : {}),
        region: regions[Math.floor(random() * regions.length)] as string,
      }
    }),
  )
}
