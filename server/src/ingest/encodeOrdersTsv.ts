import { convertMoney, type Order } from '@gmv-pulse/shared'

/** Column order of the TSV rows, matching the orders table. */
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
  tsv: Buffer
  /** CNY total of the batch in fen; below 2^53 for any batch the limits allow, so exact as a number. */
  gmvFen: number
}

// TabSeparated escapes: labels carry no control characters (the contract refuses them),
// but a backslash must still be doubled or the engine would read an escape sequence.
const escapeTsv = (value: string) => (value.includes('\\') ? value.replaceAll('\\', '\\\\') : value)

/**
 * Encodes validated orders as TSV for the engine, converting to CNY. Hand-built rather
 * than via client.insert's JSON: the engine parses TSV fastest, and the one escape rule
 * needed is the line above.
 */
export function encodeOrdersTsv(orders: readonly Order[], fxRates: Readonly<Record<string, string>>): EncodedBatch {
  let text = ''
  let gmvFen = 0
  for (const order of orders) {
    const rate = fxRates[order.currency] ?? '1'
    const cny = order.currency === 'CNY' ? order.amount : convertMoney(order.amount, rate)
    const dot = cny.indexOf('.')
    gmvFen += Number(cny.slice(0, dot)) * 100 + Number(cny.slice(dot + 1))
    // ts as epoch milliseconds: the engine reads an integer into DateTime64(3) as milliseconds.
    text += `${order.orderId}\t${order.ts}\t${cny}\t${order.amount}\t${order.currency}\t${order.quantity}\t${escapeTsv(
      order.brand,
    )}\t${escapeTsv(order.category)}\t${escapeTsv(order.channel)}\t${escapeTsv(order.liveRoom ?? '')}\t${
      order.region
    }\t${order.brandOrigin ?? ''}\t${escapeTsv(order.buyerId ?? '')}\n`
  }
  return { tsv: Buffer.from(text, 'utf8'), gmvFen }
}
