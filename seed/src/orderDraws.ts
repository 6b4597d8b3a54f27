/**
 * The random decisions behind one campaign second's orders, drawn into typed arrays.
 * Both renderers (objects and NDJSON) and the calibration read these arrays, so all
 * three see the very same orders. Each second has its own PRNG stream, derived from
 * (seed, year, second): any slice of a campaign is generated alone and still matches the
 * whole run byte for byte.
 */
import { QUANTITY_TABLE, SKUS_PER_BRAND } from './brandUniverse.ts'
import type { CampaignModel } from './campaignModel.ts'
import type { CampaignYear } from './campaignWindow.ts'
import { createRandom, deriveSeed } from './random.ts'

export class OrderDraws {
  count = 0
  second = 0
  brand = new Int32Array(0)
  amountFen = new Int32Array(0)
  quantity = new Uint8Array(0)
  channel = new Uint8Array(0)
  /** -1 when the order did not come through a live room. */
  room = new Int32Array(0)
  region = new Uint8Array(0)
  /** Epoch milliseconds of the event, ascending within the second. */
  ts = new Float64Array(0)

  reserve(count: number): void {
    if (this.brand.length >= count) return
    const capacity = Math.max(count, this.brand.length * 2, 1024)
    this.brand = new Int32Array(capacity)
    this.amountFen = new Int32Array(capacity)
    this.quantity = new Uint8Array(capacity)
    this.channel = new Uint8Array(capacity)
    this.room = new Int32Array(capacity)
    this.region = new Uint8Array(capacity)
    this.ts = new Float64Array(capacity)
  }
}

/** Fills `draws` with the `count` orders of one campaign second starting at `secondStartMs`. */
export function drawSecond(
  model: CampaignModel,
  year: CampaignYear,
  seed: number,
  second: number,
  secondStartMs: number,
  count: number,
  draws: OrderDraws,
): void {
  draws.reserve(count)
  draws.count = count
  draws.second = second
  const random = createRandom(deriveSeed(seed, year, second)).nextUint32
  const brands = model.brandTables[year]
  const brandSize = brands.size
  const brandThreshold = brands.threshold
  const brandAlias = brands.alias
  const channels = model.channelTable
  const rooms = model.roomTable
  const regions = model.regionTable
  const livestream = model.livestreamChannel
  const prices = model.universe.skuPriceFen
  const { brand, amountFen, quantity, channel, room, region, ts } = draws
  const msPerOrder = 1000 / count
  for (let k = 0; k < count; k++) {
    // Brand: alias sampling inline (this loop runs a million times a second).
    let x = (random() / 0x100000000) * brandSize
    let column = x | 0
    const b = x - column < (brandThreshold[column] as number) ? column : (brandAlias[column] as number)
    brand[k] = b
    // One draw gives the SKU (2 bits), the quantity (8 bits) and the millisecond jitter (22 bits).
    const bits = random()
    const q = QUANTITY_TABLE[(bits >>> 2) & 255] as number
    quantity[k] = q
    amountFen[k] = (prices[b * SKUS_PER_BRAND + (bits & 3)] as number) * q
    ts[k] = secondStartMs + Math.floor((k + (bits >>> 10) / 4_194_304) * msPerOrder)
    x = (random() / 0x100000000) * channels.size
    column = x | 0
    const c = x - column < (channels.threshold[column] as number) ? column : (channels.alias[column] as number)
    channel[k] = c
    if (c === livestream) {
      x = (random() / 0x100000000) * rooms.size
      column = x | 0
      room[k] = x - column < (rooms.threshold[column] as number) ? column : (rooms.alias[column] as number)
    } else room[k] = -1
    x = (random() / 0x100000000) * regions.size
    column = x | 0
    region[k] = x - column < (regions.threshold[column] as number) ? column : (regions.alias[column] as number)
  }
}
