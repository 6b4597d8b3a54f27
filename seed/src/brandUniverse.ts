/**
 * The brand universe: every participating brand with its category, subcategory, origin,
 * prices and planned GMV for both campaigns.
 *
 * The universe does not scale: it always holds 250,000 brands, and --scale thins the
 * orders, not the brands. Shrinking the universe would either drop the top of the
 * distribution (the brands a war room watches) or make each remaining tail brand carry
 * the GMV of the dropped ones, which lifts the tail over the RMB 100 million line and
 * breaks the "more than 470" count. A 250,000-row typed table costs a few MB and about a
 * second to build, so there is no reason to pay either price. With orders thinned by s
 * and the threshold scaled to 1e8·s, the count of brands above it stays near 470 at any
 * scale large enough for a brand near the line to get a few hundred orders (s ≥ 1e-3).
 */

import { brandGmvAt, festivalBrandLaw } from './brandLaw.ts'
import { createBrandNamer } from './brandNames.ts'
import { CATEGORIES } from './catalog.ts'
import { moreThan, PUBLISHED_2020 } from './publishedFigures.ts'
import { createRandom, deriveSeed, nextNormal, type Random } from './random.ts'
import { createSubcategoryPlanner } from './subcategories.ts'

/** Order quantities 1–5 as a 256-entry lookup: one byte of a draw picks a quantity. */
export const QUANTITY_TABLE: Uint8Array = (() => {
  const counts = [184, 44, 15, 8, 5] // ≈ 72 %, 17 %, 6 %, 3 %, 2 %
  const table = new Uint8Array(256)
  let at = 0
  counts.forEach((count, index) => {
    table.fill(index + 1, at, at + count)
    at += count
  })
  return table
})()
export const MEAN_QUANTITY = QUANTITY_TABLE.reduce((sum, q) => sum + q, 0) / 256

/** Four price points per brand around its mean unit price; they average to 1. */
export const SKU_PRICE_FACTORS = [0.6, 0.85, 1.1, 1.45] as const
export const SKUS_PER_BRAND = SKU_PRICE_FACTORS.length

/**
 * Emerging brands with last-year history. Alibaba published how many of them led a
 * subcategory or beat last year, not how many there were; 2,500 is an assumption.
 */
export const EMERGING_BRANDS = 2_500
/** Emerging brands sit below the giants and above the long tail. */
const EMERGING_RANKS = { from: 300, to: 15_000 }
/**
 * A brand joins only a category whose GMV still to place is at least this many times its
 * own: the leaders land in the big categories (as phones, appliances and beauty led the
 * real 11.11), and no small category is filled by one giant and left without a tail.
 */
const CATEGORY_ROOM = 4
const MIN_UNIT_PRICE_FEN = 100

export interface BrandUniverse {
  readonly size: number
  readonly names: readonly string[]
  readonly category: Uint8Array
  readonly subcategory: Int32Array
  readonly subcategoryNames: readonly string[]
  readonly overseas: Uint8Array
  /** Overseas brands taking part for the first time (no 2019 sales). */
  readonly firstTime: Uint8Array
  readonly emerging: Uint8Array
  /** Planned GMV in CNY at scale 1. */
  readonly gmv2020: Float64Array
  readonly gmv2019: Float64Array
  /** SKUS_PER_BRAND unit prices per brand, in fen. */
  readonly skuPriceFen: Int32Array
  /** Expected order value in CNY, exact from the rounded prices and the quantity table. */
  readonly meanOrder: Float64Array
}

function pickDistinct(random: Random, from: number, to: number, count: number, allowed: (i: number) => boolean) {
  const picked = new Set<number>()
  while (picked.size < count) {
    const i = from + Math.floor(random.next() * (to - from))
    if (allowed(i)) picked.add(i)
  }
  return picked
}

function plannedGrowth(random: Random, emergingClass: number): number {
  const between = (low: number, high: number) => low * (high / low) ** random.next()
  if (emergingClass === 3) return between(12, 40) // grew by more than 1,000 %
  if (emergingClass === 2) return between(1.15, 9)
  return between(0.45, 0.9) // emerging, but below last year
}

/** A category for a brand of this GMV: by GMV still to place, among those with room for it (or the roomiest). */
function pickCategory(random: Random, room: readonly number[], gmv: number): number {
  let open = 0
  for (const left of room) if (left >= CATEGORY_ROOM * gmv) open += left
  if (open === 0) return room.indexOf(Math.max(...room))
  let pick = random.next() * open
  let last = 0
  for (let c = 0; c < room.length; c++) {
    const left = room[c] as number
    if (left < CATEGORY_ROOM * gmv) continue
    last = c
    if (pick < left) return c
    pick -= left
  }
  return last
}

export function buildBrandUniverse(seed: number): BrandUniverse {
  const random = createRandom(deriveSeed(seed, 0xb4a4d))
  const size = PUBLISHED_2020.brands
  const law = festivalBrandLaw()

  const overseas = new Uint8Array(size)
  const firstTime = new Uint8Array(size)
  const emerging = new Uint8Array(size)
  for (const i of pickDistinct(random, 0, size, PUBLISHED_2020.overseasBrands, () => true)) overseas[i] = 1
  const overseasIndices = [...overseas.keys()].filter((i) => overseas[i] === 1)
  for (let k = 0; k < PUBLISHED_2020.firstTimeOverseasBrands; k++) {
    const j = k + Math.floor(random.next() * (overseasIndices.length - k))
    ;[overseasIndices[k], overseasIndices[j]] = [overseasIndices[j] as number, overseasIndices[k] as number]
    firstTime[overseasIndices[k] as number] = 1
  }
  // Emerging classes: 1 below last year, 2 beat last year, 3 beat it by more than 1,000 %.
  const emergingPicks = [
    ...pickDistinct(random, EMERGING_RANKS.from, EMERGING_RANKS.to, EMERGING_BRANDS, (i) => overseas[i] === 0),
  ]
  const beat = moreThan(PUBLISHED_2020.emergingBeatLastYear)
  emergingPicks.forEach((i, k) => {
    emerging[i] = k < PUBLISHED_2020.emergingBeatLastYearTenfold ? 3 : k < beat ? 2 : 1
  })
  const leaders = new Set(
    [...pickDistinct(random, 0, emergingPicks.length, PUBLISHED_2020.emergingSubcategoryLeaders, () => true)].map(
      (k) => emergingPicks[k] as number,
    ),
  )

  const names: string[] = new Array(size)
  const namer = createBrandNamer(random)
  const category = new Uint8Array(size)
  const shareTotal = CATEGORIES.reduce((sum, c) => sum + c.share, 0)
  /** GMV each category has still to place, from its share of the total. */
  const room = CATEGORIES.map((c) => (c.share / shareTotal) * PUBLISHED_2020.gmvCny)
  const named = new Int32Array(CATEGORIES.length)
  const planner = createSubcategoryPlanner(random)
  const subcategory = new Int32Array(size)
  const gmv2020 = new Float64Array(size)
  const gmv2019 = new Float64Array(size)
  const ordinaryNoise = new Float64Array(size)
  const rawMeanOrder = new Float64Array(size)
  let overseasCount = 0
  for (let i = 0; i < size; i++) {
    gmv2020[i] = brandGmvAt(law, i + 1)
    const c = pickCategory(random, room, gmv2020[i] as number)
    room[c] = (room[c] as number) - (gmv2020[i] as number)
    category[i] = c
    const categoryName = (CATEGORIES[c] as (typeof CATEGORIES)[number]).name
    names[i] = overseas[i]
      ? namer.name('overseas', categoryName, overseasCount++)
      : namer.name('domestic', categoryName, (named[c] as number)++)
    subcategory[i] = planner.place(c, emerging[i] !== 0, leaders.has(i))
    ordinaryNoise[i] = Math.exp(0.3 * nextNormal(random))
    const typical = (CATEGORIES[c] as (typeof CATEGORIES)[number]).typicalOrder
    rawMeanOrder[i] = typical * Math.exp(0.4 * nextNormal(random) - 0.08)
  }
  // Last year: emerging brands follow their class, first-timers had nothing, and the
  // ordinary brands share whatever is left of 2019's GMV (2020 / 1.26) with some noise.
  const target2019 = PUBLISHED_2020.gmvCny / (1 + PUBLISHED_2020.growthVsLastYear)
  let planned2019 = 0
  let ordinaryShape = 0
  for (let i = 0; i < size; i++) {
    if (emerging[i]) {
      gmv2019[i] = (gmv2020[i] as number) / plannedGrowth(random, emerging[i] as number)
      planned2019 += gmv2019[i] as number
    } else if (!firstTime[i]) ordinaryShape += (gmv2020[i] as number) / (ordinaryNoise[i] as number)
  }
  const ordinaryScale = (target2019 - planned2019) / ordinaryShape
  for (let i = 0; i < size; i++) {
    if (!emerging[i] && !firstTime[i])
      gmv2019[i] = ((gmv2020[i] as number) / (ordinaryNoise[i] as number)) * ordinaryScale
  }

  // Prices: one global factor brings the expected order value to the published mean
  // (GMV / orders ≈ RMB 214.74); prices are then rounded to the fen and the exact
  // expected order value is recomputed from the rounded prices.
  let ordersAtRawPrices = 0
  for (let i = 0; i < size; i++) ordersAtRawPrices += (gmv2020[i] as number) / (rawMeanOrder[i] as number)
  const priceFactor = ordersAtRawPrices / PUBLISHED_2020.orders
  const skuPriceFen = new Int32Array(size * SKUS_PER_BRAND)
  const meanOrder = new Float64Array(size)
  for (let i = 0; i < size; i++) {
    const unitMean = ((rawMeanOrder[i] as number) * priceFactor * 100) / MEAN_QUANTITY
    let sum = 0
    for (let s = 0; s < SKUS_PER_BRAND; s++) {
      const fen = Math.max(MIN_UNIT_PRICE_FEN, Math.round(unitMean * (SKU_PRICE_FACTORS[s] as number)))
      skuPriceFen[i * SKUS_PER_BRAND + s] = fen
      sum += fen
    }
    meanOrder[i] = ((sum / SKUS_PER_BRAND) * MEAN_QUANTITY) / 100
  }

  return {
    size,
    names,
    category,
    subcategory,
    subcategoryNames: planner.names,
    overseas,
    firstTime,
    emerging,
    gmv2020,
    gmv2019,
    skuPriceFen,
    meanOrder,
  }
}
