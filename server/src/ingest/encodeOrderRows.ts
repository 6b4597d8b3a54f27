import { convertMoney, type Order } from '@gmv-pulse/shared'
import { giveTurn, ROWS_PER_TURN } from './eventLoopTurns.ts'

/** Column order of the encoded rows, matching the orders table. */
export const ORDER_COLUMNS = [
  'order_id',
  'ts',
  'amount',
  'original_amount',
  'currency',
  'quantity',
  'brand',
  'category',
  'channel',
  'live_room',
  'region',
  'brand_origin',
  'buyer_id',
] as const

export interface EncodedBatch {
  /** JSONCompactEachRow: one JSON array per order, in ORDER_COLUMNS order. */
  rows: Buffer
  /** CNY total of the batch in fen; below 2^53 for any batch the limits allow, so exact as a number. */
  gmvFen: number
}

/**
 * Encodes validated orders for the engine, converting to CNY. JSONCompactEachRow built
 * with JSON.stringify: V8's native serialiser escapes every string correctly and is about
 * three times faster here than assembling tab-separated lines by string concatenation,
 * and the engine parses it as fast as TSV.
 */
export async function encodeOrderRows(
  orders: readonly Order[],
  fxRates: Readonly<Record<string, string>>,
): Promise<EncodedBatch> {
  const lines: string[] = new Array(orders.length + 1)
  let gmvFen = 0
  for (let i = 0; i < orders.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await giveTurn()
    const order = orders[i] as Order
    const cny = order.currency === 'CNY' ? order.amount : convertMoney(order.amount, fxRates[order.currency] ?? '1')
    const dot = cny.indexOf('.')
    gmvFen += Number(cny.slice(0, dot)) * 100 + Number(cny.slice(dot + 1))
    // ts as epoch milliseconds: the engine reads an integer into DateTime64(3) as milliseconds.
    lines[i] = JSON.stringify([
      order.orderId,
      order.ts,
      cny,
      order.amount,
      order.currency,
      order.quantity,
      order.brand,
      order.category,
      order.channel,
      order.liveRoom ?? '',
      order.region,
      order.brandOrigin ?? '',
      order.buyerId ?? '',
    ])
  }
  lines[orders.length] = ''
  return { rows: Buffer.from(lines.join('\n'), 'utf8'), gmvFen }
}
