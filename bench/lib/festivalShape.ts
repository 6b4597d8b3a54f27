import { createRateProfile, festivalBrandShares, PUBLISHED_2020 } from '@gmv-pulse/seed'

/**
 * The shape of the 2020 11.11 festival for the scale benchmark, shared by the engine-side
 * generator (as query parameters) and the JS-side insert batches, so both draw the same market.
 * Every weighted choice is a lookup table: a uniform draw picks one of LOOKUP_SIZE slots,
 * which costs one array read per row in the engine and in JS alike.
 */

export const CAMPAIGN_START_MS = Date.parse('2020-11-01T00:00:00+08:00')
export const CAMPAIGN_END_MS = Date.parse('2020-11-12T00:00:00+08:00')
export const LAST_YEAR_START_MS = Date.parse('2019-11-01T00:00:00+08:00')
export const LAST_YEAR_END_MS = Date.parse('2019-11-12T00:00:00+08:00')
/** Day 11, evening: past both surges, with the evening still running — the festival so far. */
export const NOW_MS = Date.parse('2020-11-11T18:00:00+08:00')

/** Published: 250,000 brands took part. */
export const BRANDS = 250_000
/** "2,000+" live rooms sold during the festival; 2,400 gives a long tail past the famous few. */
export const LIVE_ROOMS = 2_400
/**
 * Points of the inverse CDF of brand rank, from the simulator's brand law (seed/src/brandLaw.ts:
 * the top brand ≈ 2.5 % of GMV, the top ten ≈ 11 %, 471 above RMB 100 million at scale 1).
 * Amounts here do not depend on the brand, so order shares are GMV shares. 65,536 points give
 * the top brand ≈ 1,600 of them and every rank down to ≈ 3,000 at least one, so the head is
 * exact and only the tail (each brand under 1/65,536 of orders) is interpolated.
 */
export const BRAND_QUANTILES = 65_536
/** Live rooms as concentrated as brands: the top room takes ≈ 7% of livestream orders. */
export const ROOM_EXPONENT = 3
/** One brand in ten is overseas (published: 31,000 of 250,000). Brands whose hash falls below this of 65,536. */
export const OVERSEAS_BELOW = 6_554
/** Amounts are log-normal: median ¥105 and σ 1.2 give a mean of ≈ ¥215 (498.2e9 CNY / 2.32e9 orders). */
export const AMOUNT_LOG_MEDIAN = Math.log(105)
export const AMOUNT_LOG_SIGMA = 1.2
/** A cap so one draw from the far tail cannot dwarf a brand: the dearest luxury orders. */
export const AMOUNT_MAX_FEN = 10_000_000
/** 4,096 slots resolve a share of 0.025%, finer than the smallest region's (Tibet, 0.1%). */
export const LOOKUP_SIZE = 4_096
/**
 * Points of the inverse CDF of event time. 16,384 put about four points in the peak
 * second of Nov 11 (≈ 2.5e-4 of all orders), so the spike keeps its height; measured: 10M
 * rows read it in about 0.15 s, a few percent of generating them.
 */
export const TIME_QUANTILES = 16_384

/** Skewed shares; livestream ≈ 15% as in 2020 reports. */
const CHANNELS: Record<string, number> = {
  search: 26,
  recommendation: 22,
  cart: 16,
  livestream: 15,
  venue: 12,
  'mini-program': 5,
  external: 4,
}

/** Every province-level division (ISO 3166-2), roughly by online spending, and eight markets abroad (≈ 3%). */
// biome-ignore format: a table reads better than one entry a line
const REGIONS: Record<string, number> = {
  'CN-GD': 12.5, 'CN-ZJ': 9.5, 'CN-JS': 9, 'CN-SH': 6.5, 'CN-BJ': 5.5, 'CN-SD': 5.5, 'CN-FJ': 4, 'CN-SC': 4,
  'CN-HA': 3.8, 'CN-HB': 3.4, 'CN-HN': 3, 'CN-HE': 3, 'CN-AH': 3, 'CN-LN': 2.2, 'CN-JX': 2, 'CN-GX': 1.9,
  'CN-CQ': 1.9, 'CN-SN': 1.9, 'CN-YN': 1.6, 'CN-SX': 1.5, 'CN-TJ': 1.5, 'CN-GZ': 1.3, 'CN-HL': 1.2, 'CN-JL': 0.9,
  'CN-NM': 0.9, 'CN-XJ': 0.8, 'CN-GS': 0.7, 'CN-HI': 0.6, 'CN-NX': 0.25, 'CN-QH': 0.2, 'CN-XZ': 0.1,
  'CN-HK': 0.6, 'CN-MO': 0.1, 'CN-TW': 0.3,
  SG: 0.6, MY: 0.6, US: 0.5, JP: 0.35, AU: 0.3, KR: 0.25, TH: 0.2, VN: 0.2,
}

/** Forty categories; a brand's share of them follows 1/(rank+3), so the big ones hold several times the small. */
// biome-ignore format: a table reads better than one entry a line
export const CATEGORIES = [
  'Womenswear', 'Menswear', 'Skincare', 'Makeup', 'Phones', 'Laptops', 'Home Appliances', 'Kitchen Appliances',
  'Snacks', 'Dairy', 'Baby Formula', 'Diapers', 'Toys', 'Sneakers', 'Handbags', 'Luggage', 'Furniture', 'Bedding',
  'Lighting', 'Storage', 'Fitness', 'Outdoor', 'Supplements', 'Personal Care', 'Pet Food', 'Pet Supplies', 'Watches',
  'Jewellery', 'Car Care', 'Books', 'Stationery', 'Wine & Spirits', 'Coffee & Tea', 'Fresh Food', 'Cleaning',
  'Paper Goods', 'Audio', 'Cameras', 'Wearables', 'Tablets',
]

/** LOOKUP_SIZE slots; slot i goes to the key whose stretch of the running weight holds its middle. */
export function lookupTable(weights: Record<string, number>): string[] {
  const entries = Object.entries(weights)
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  const table: string[] = []
  let key = 0
  let runningEnd = entries[0]?.[1] ?? 0
  for (let slot = 0; slot < LOOKUP_SIZE; slot++) {
    const middle = ((slot + 0.5) / LOOKUP_SIZE) * total
    while (middle > runningEnd && key < entries.length - 1) runningEnd += entries[++key]?.[1] ?? 0
    table.push(entries[key]?.[0] ?? '')
  }
  return table
}

export const channelLookup = () => lookupTable(CHANNELS)
export const regionLookup = () => lookupTable(REGIONS)
export const categoryLookup = () =>
  lookupTable(Object.fromEntries(CATEGORIES.map((name, rank) => [name, 1 / (rank + 3)])))

/** A brand's category slot and origin from its number: the same integer hash in SQL and JS, so a brand has one category. */
export const CATEGORY_SLOT_SQL = 'bitShiftRight(bitAnd(toUInt64(b) * 2654435761, 4294967295), 20)'
export const OVERSEAS_SQL = `bitShiftRight(bitAnd(toUInt64(b) * 2246822507, 4294967295), 16) < ${OVERSEAS_BELOW}`
export const categorySlot = (brand: number) => Math.imul(brand, 2654435761 | 0) >>> 20
export const isOverseas = (brand: number) => Math.imul(brand, 2246822507 | 0) >>> 16 < OVERSEAS_BELOW

/** Brand rank (0-based, fractional) at each of BRAND_QUANTILES + 1 evenly spaced fractions of orders. */
export function brandQuantiles(): number[] {
  const shares = festivalBrandShares()
  const points: number[] = [0]
  let rank = 0
  let before = 0
  for (let k = 1; k < BRAND_QUANTILES; k++) {
    const target = k / BRAND_QUANTILES
    while (rank < shares.length - 1 && before + (shares[rank] as number) < target) before += shares[rank++] as number
    points.push(rank + (target - before) / (shares[rank] as number))
  }
  points.push(shares.length)
  return points
}

/** The JS twin of the engine's brand draw: u in [0, 1) → a brand number, 0 the largest. */
export function brandAt(quantiles: readonly number[], u: number): number {
  const x = u * BRAND_QUANTILES
  const k = Math.floor(x)
  const from = quantiles[k] as number
  return Math.min(BRANDS - 1, Math.floor(from + (x - k) * ((quantiles[k + 1] as number) - from)))
}

/**
 * Seconds after a campaign's start at each of TIME_QUANTILES + 1 evenly spaced fractions of
 * the orders placed before `untilSecond`, from the simulator's per-second festival profile
 * (Nov 1–3 first selling window, the lull, the Nov 11 midnight surge, quiet nights). Between
 * two points orders arrive evenly, so a uniform draw u maps to a time by one interpolation.
 */
export function timeQuantiles(untilSecond: number): number[] {
  const { cumulative } = createRateProfile({
    totalOrders: PUBLISHED_2020.orders,
    peakOrdersPerSecond: PUBLISHED_2020.peakOrdersPerSecond,
  })
  const end = Math.min(untilSecond, cumulative.length - 1)
  const total = cumulative[end] as number
  const points: number[] = [0]
  let second = 0
  for (let k = 1; k < TIME_QUANTILES; k++) {
    const target = (k / TIME_QUANTILES) * total
    while ((cumulative[second + 1] as number) < target) second++
    const before = cumulative[second] as number
    const within = (cumulative[second + 1] as number) - before
    points.push(second + (within > 0 ? (target - before) / within : 0))
  }
  points.push(end)
  return points
}

/** The JS twin of the engine's interpolation: u in [0, 1) → epoch ms. */
export function timeAt(quantiles: readonly number[], startMs: number, u: number): number {
  const x = u * TIME_QUANTILES
  const k = Math.floor(x)
  const from = quantiles[k] as number
  return startMs + Math.floor(1000 * (from + (x - k) * ((quantiles[k + 1] as number) - from)))
}
