/**
 * Turns drawn orders into OrderInput objects (for JSON bodies and tests); the fast NDJSON
 * path is ndjsonWriter.ts. Both read the same draws, so both describe the same orders.
 */
import type { OrderInput } from '@gmv-pulse/shared'
import type { CampaignModel } from './campaignModel.ts'
import type { OrderDraws } from './orderDraws.ts'

/** Maps campaign time onto another clock: to + (ms − from) / speed (replays, demos). */
export interface TimeMap {
  readonly fromMs: number
  readonly toMs: number
  readonly speed: number
}

export function mapTime(map: TimeMap | undefined, ms: number): number {
  return map ? map.toMs + Math.floor((ms - map.fromMs) / map.speed) : ms
}

const FEN_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`))
const BASE36 = Array.from({ length: 4096 }, (_, i) => i.toString(36))
const base36 = (n: number) => (n < 4096 ? (BASE36[n] as string) : n.toString(36))

/** Exact two-place decimal from integer fen. */
export function fenToDecimal(fen: number): string {
  return `${Math.floor(fen / 100)}.${FEN_DIGITS[fen % 100]}`
}

/** Order ids: producer tag (seed), year, campaign second and index, all base 36: unique and short. */
export function orderIdPrefix(seed: number, year: number): string {
  return `g${seed.toString(36)}.${year % 100}.`
}

export function renderOrders(
  model: CampaignModel,
  draws: OrderDraws,
  idPrefix: string,
  from: number,
  to: number,
  timeMap?: TimeMap,
): OrderInput[] {
  const { universe, rooms, channelNames, regionCodes, categoryNames } = model
  const orders: OrderInput[] = []
  const secondId = draws.second.toString(36)
  for (let k = from; k < to; k++) {
    const b = draws.brand[k] as number
    const r = draws.room[k] as number
    const order: OrderInput = {
      orderId: `${idPrefix}${secondId}.${base36(k)}`,
      ts: mapTime(timeMap, draws.ts[k] as number),
      amount: fenToDecimal(draws.amountFen[k] as number),
      quantity: draws.quantity[k] as number,
      brand: universe.names[b] as string,
      category: categoryNames[universe.category[b] as number] as string,
      brandOrigin: universe.overseas[b] ? 'overseas' : 'domestic',
      channel: channelNames[draws.channel[k] as number] as string,
      region: regionCodes[draws.region[k] as number] as string,
    }
    if (r >= 0) order.liveRoom = rooms.names[r] as string
    orders.push(order)
  }
  return orders
}
