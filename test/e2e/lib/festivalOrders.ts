/**
 * Orders in the simulator's own vocabulary (seed/src/catalog.ts: its categories, channels
 * and regions), stamped now, for the browser tests that read the wall as an executive would.
 * Deterministic, and weighted so that every category keeps its rank from tick to tick: the
 * shares are the catalog's, each 10% apart from the next, and each batch spreads its orders over
 * every category.
 */
import { CATEGORIES, CHANNELS, REGION_WEIGHTS } from '@gmv-pulse/seed'
import type { OrderInput } from '@gmv-pulse/shared'

const BRANDS = ['Apple', 'Haier', 'Nike', 'L’Oréal', 'Xiaomi', 'Midea', 'Estée Lauder', 'Huawei', 'Adidas', 'Lancôme']

/** Keys repeated in proportion to their weights: index n picks slot n mod the table's length. */
function slots(weights: readonly (readonly [string, number])[], size: number): string[] {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0)
  return weights.flatMap(([key, weight]) => Array<string>(Math.max(1, Math.round((weight / total) * size))).fill(key))
}

const byShare = [...CATEGORIES].sort((a, b) => b.share - a.share)
const CATEGORY_SLOTS = slots(
  byShare.map((category, rank) => [category.name, category.share * 1.1 ** (byShare.length - rank)] as const),
  997,
)
const CHANNEL_SLOTS = slots(
  CHANNELS.map((channel) => [channel.name, channel.share] as const),
  499,
)
const REGION_SLOTS = slots(Object.entries(REGION_WEIGHTS), 1009)

/** Every category, channel and region the simulator emits. */
export const FESTIVAL_KEYS = {
  category: CATEGORIES.map((category) => category.name),
  channel: CHANNELS.map((channel) => channel.name),
  region: Object.keys(REGION_WEIGHTS),
}

/**
 * `amountScale` multiplies every amount (up to 20,000, the largest order the API takes), so a
 * few thousand orders reach the festival's hundreds of billions and the screens' longest figures.
 */
export function makeFestivalOrders(batch: number, count: number, now = Date.now(), amountScale = 1): OrderInput[] {
  return Array.from({ length: count }, (_, index) => {
    const n = batch * count + index
    const channel = CHANNEL_SLOTS[(n * 7) % CHANNEL_SLOTS.length] as string
    return {
      orderId: `festival-${batch}-${index}`,
      ts: now - (index % 500),
      // The same mean amount in every category: GMV shares follow the order shares.
      amount: ((100 + ((n * 37) % 400) + (n % 100) / 100) * amountScale).toFixed(2),
      brand: BRANDS[(n * 3) % BRANDS.length] as string,
      category: CATEGORY_SLOTS[(n * 389) % CATEGORY_SLOTS.length] as string,
      channel,
      liveRoom: channel === 'livestream' ? `Jade Picks ${n % 4}` : undefined,
      region: REGION_SLOTS[(n * 13) % REGION_SLOTS.length] as string,
      brandOrigin: n % 4 === 0 ? 'overseas' : 'domestic',
    }
  })
}
