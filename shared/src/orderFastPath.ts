import {
  canonicalAmount,
  isEventTimeInRange,
  LABEL_MAX_LENGTH,
  LABEL_PATTERN,
  MAX_QUANTITY,
  ORDER_ID_PATTERN,
  type Order,
} from './order.ts'
import { isRegionCode } from './regions.ts'

const KNOWN_KEYS = new Set([
  'orderId',
  'ts',
  'amount',
  'currency',
  'quantity',
  'brand',
  'category',
  'channel',
  'liveRoom',
  'region',
  'brandOrigin',
  'buyerId',
])
const CURRENCY_PATTERN = /^[A-Z]{3}$/

const isLabel = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= max && LABEL_PATTERN.test(value)

/**
 * The same contract as orderSchema, checked without zod, for the ingest hot path.
 *
 * Why by hand: zod spends about 6 µs per order here, which alone would cap ingest near
 * 150,000 orders/s on one core — a quarter of the 583,000/s peak. This returns the order
 * exactly as orderSchema.parse would, or undefined when anything is unusual; the caller
 * then asks orderSchema for the precise messages. It never accepts what the schema
 * refuses: it reuses the schema's own rules (patterns, amount canonicalisation, limits),
 * sends ISO time strings to the schema rather than re-implementing its date grammar, and
 * a property test checks the two agree on random and adversarial input.
 */
export function parseOrderFast(input: unknown): Order | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  const row = input as Record<string, unknown>
  for (const key in row) if (!KNOWN_KEYS.has(key)) return undefined
  const { orderId, ts, amount, currency, quantity, brand, category, channel, liveRoom, region, brandOrigin, buyerId } =
    row
  if (typeof orderId !== 'string' || !ORDER_ID_PATTERN.test(orderId)) return undefined
  if (typeof ts !== 'number' || !Number.isInteger(ts) || !isEventTimeInRange(ts)) return undefined
  const canonical = canonicalAmount(amount)
  if (!('amount' in canonical)) return undefined
  if (currency !== undefined && (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency))) return undefined
  if (
    quantity !== undefined &&
    (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
  ) {
    return undefined
  }
  if (!isLabel(brand, LABEL_MAX_LENGTH.brand)) return undefined
  if (!isLabel(category, LABEL_MAX_LENGTH.category)) return undefined
  if (!isLabel(channel, LABEL_MAX_LENGTH.channel)) return undefined
  if (liveRoom !== undefined && !isLabel(liveRoom, LABEL_MAX_LENGTH.liveRoom)) return undefined
  if (typeof region !== 'string' || !isRegionCode(region)) return undefined
  if (brandOrigin !== undefined && brandOrigin !== 'domestic' && brandOrigin !== 'overseas') return undefined
  if (buyerId !== undefined && !isLabel(buyerId, LABEL_MAX_LENGTH.buyerId)) return undefined
  const order: Order = {
    orderId,
    ts,
    amount: canonical.amount,
    currency: (currency as string | undefined) ?? 'CNY',
    quantity: (quantity as number | undefined) ?? 1,
    brand,
    category,
    channel,
    region,
  }
  if (liveRoom !== undefined) order.liveRoom = liveRoom
  if (brandOrigin !== undefined) order.brandOrigin = brandOrigin
  if (buyerId !== undefined) order.buyerId = buyerId
  return order
}
