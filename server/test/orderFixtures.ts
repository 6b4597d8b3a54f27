import { createRandom } from '@gmv-pulse/seed'
import type { OrderInput } from '@gmv-pulse/shared'

/**
 * A small seeded generator of valid orders for known-answer tests. The simulator in
 * seed/ models the festival; this one only needs variety that a test can sum itself.
 */
export function makeOrders(count: number, seed = 1, startMs = Date.UTC(2020, 10, 10, 16, 0, 0)): OrderInput[] {
  const next = createRandom(seed).next
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T
  const brands = ['Acme', 'Brand \\ Slash', "O'Neil", 'Lotus', '雅诗兰黛', 'Zeta']
  const categories = ['Beauty', 'Electronics', 'Apparel']
  const channels = ['livestream', 'search', 'recommendation', 'cart']
  const regions = ['CN-ZJ', 'CN-GD', 'CN-SH', 'SG', 'VN']
  return Array.from({ length: count }, (_, i) => {
    const channel = pick(channels)
    const fen = 1 + Math.floor(next() * 5_000_000)
    return {
      orderId: `s${seed}-o${i}`,
      // Spread over about 10 minutes with sub-second times, so minute and second edges matter.
      ts: startMs + Math.floor(next() * 600_000),
      amount: `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
      quantity: 1 + Math.floor(next() * 3),
      brand: pick(brands),
      category: pick(categories),
      channel,
      ...(channel === 'livestream' ? { liveRoom: pick(['Room A', 'Room B']) } : {}),
      region: pick(regions),
    }
  })
}
