/**
 * Calibration: generate a campaign at some scale and set every published figure beside
 * what the generator produced. Order-level figures are aggregated from the very draws
 * that become orders (drawSecond), without rendering them; brand-level figures are
 * counted in the brand table the orders are sampled from.
 */
import { CAMPAIGN_SECONDS, type CampaignYear } from './campaignWindow.ts'
import { createCampaignGenerator } from './generator.ts'
import { OrderDraws } from './orderDraws.ts'
import { HUNDRED_MILLION_CNY, moreThan, PUBLISHED_2020 } from './publishedFigures.ts'

export interface CalibrationRow {
  figure: string
  /** The published figure as stated. */
  published: string
  /** The published figure at this scale (what the generator aims at), or null when not modelled. */
  target: number | null
  generated: number | null
  /** (generated − target) / target. */
  relativeError: number | null
  /** Where the generated value comes from: 'orders', 'brand table', or why it is not modelled. */
  source: string
}

export interface YearTotals {
  orders: number
  gmvFen: number
  peakOrdersPerSecond: number
  peakSecond: number
  brandGmvFen: Float64Array
  roomGmvFen: Float64Array
}

/** Aggregates a whole campaign year straight from the draws. */
export function aggregateYear(seed: number, scale: number, year: CampaignYear): YearTotals {
  const generator = createCampaignGenerator({ seed, scale, year })
  const { universe, rooms } = generator.model
  const totals: YearTotals = {
    orders: 0,
    gmvFen: 0,
    peakOrdersPerSecond: 0,
    peakSecond: 0,
    brandGmvFen: new Float64Array(universe.size),
    roomGmvFen: new Float64Array(rooms.names.length),
  }
  const draws = new OrderDraws()
  for (let second = 0; second < CAMPAIGN_SECONDS; second++) {
    const count = generator.ordersInSecond(second)
    if (count === 0) continue
    if (count > totals.peakOrdersPerSecond) {
      totals.peakOrdersPerSecond = count
      totals.peakSecond = second
    }
    generator.drawSecond(second, draws)
    totals.orders += count
    for (let k = 0; k < count; k++) {
      const fen = draws.amountFen[k] as number
      totals.gmvFen += fen
      const brand = draws.brand[k] as number
      totals.brandGmvFen[brand] = (totals.brandGmvFen[brand] as number) + fen
      const room = draws.room[k] as number
      if (room >= 0) totals.roomGmvFen[room] = (totals.roomGmvFen[room] as number) + fen
    }
  }
  return totals
}

const countAbove = (values: Float64Array, threshold: number) => values.reduce((n, v) => (v > threshold ? n + 1 : n), 0)

function row(figure: string, published: string, target: number, generated: number, source: string): CalibrationRow {
  return { figure, published, target, generated, relativeError: (generated - target) / target, source }
}

function notModelled(figure: string, published: string, why: string): CalibrationRow {
  return { figure, published, target: null, generated: null, relativeError: null, source: `not modelled: ${why}` }
}

export function calibrate(options: { seed: number; scale: number }): CalibrationRow[] {
  const { seed, scale } = options
  const now = aggregateYear(seed, scale, 2020)
  const before = aggregateYear(seed, scale, 2019)
  const { universe } = createCampaignGenerator({ seed, scale }).model
  const p = PUBLISHED_2020
  const gmv = now.gmvFen / 100
  const usdPerCny = p.gmvUsd / p.gmvCny
  const thresholdFen = HUNDRED_MILLION_CNY * scale * 100

  let overseas = 0
  let firstTime = 0
  let beat = 0
  let tenfold = 0
  for (let i = 0; i < universe.size; i++) {
    overseas += universe.overseas[i] as number
    firstTime += universe.firstTime[i] as number
    if (universe.emerging[i]) {
      const growth = (universe.gmv2020[i] as number) / (universe.gmv2019[i] as number)
      if (growth > 1) beat++
      if (growth > 11) tenfold++
    }
  }
  // Subcategory leaders: the brand with the largest planned GMV in each subcategory.
  const leader = new Int32Array(universe.subcategoryNames.length).fill(-1)
  for (let i = 0; i < universe.size; i++) {
    const s = universe.subcategory[i] as number
    const current = leader[s] as number
    if (current < 0 || (universe.gmv2020[i] as number) > (universe.gmv2020[current] as number)) leader[s] = i
  }
  const emergingLeaders = leader.reduce((n, i) => (i >= 0 && universe.emerging[i] ? n + 1 : n), 0)

  const scaled = (label: string) => (scale === 1 ? label : `${label} × ${scale}`)
  return [
    row('GMV (CNY)', scaled('498.2 billion'), p.gmvCny * scale, gmv, 'orders'),
    row(
      'GMV (USD)',
      scaled('74.1 billion'),
      p.gmvUsd * scale,
      gmv * usdPerCny,
      'orders, at the published CNY/USD pair',
    ),
    row('Growth vs 2019', '+26%', p.growthVsLastYear, now.gmvFen / before.gmvFen - 1, 'orders of both years'),
    row('Peak orders per second', scaled('583,000'), p.peakOrdersPerSecond * scale, now.peakOrdersPerSecond, 'orders'),
    row('Orders (delivery orders)', scaled('2.32 billion'), p.orders * scale, now.orders, 'orders'),
    row('Mean order (CNY)', '≈ 215 (GMV / orders)', p.gmvCny / p.orders, gmv / now.orders, 'orders'),
    row('Participating brands', '250,000', p.brands, universe.size, 'brand table (does not scale)'),
    row('Overseas brands', '31,000', p.overseasBrands, overseas, 'brand table'),
    row('Overseas brands taking part for the first time', '2,600', p.firstTimeOverseasBrands, firstTime, 'brand table'),
    row(
      'Brands above RMB 100 million',
      `more than 470 (threshold ${scaled('1e8')})`,
      moreThan(p.brandsAboveHundredMillion),
      countAbove(now.brandGmvFen, thresholdFen),
      'orders',
    ),
    row(
      'Livestream rooms above RMB 100 million',
      `more than 30 (threshold ${scaled('1e8')})`,
      moreThan(p.liveRoomsAboveHundredMillion),
      countAbove(now.roomGmvFen, thresholdFen),
      'orders',
    ),
    row(
      'Emerging brands leading their subcategory',
      '357',
      p.emergingSubcategoryLeaders,
      emergingLeaders,
      'brand table (plan)',
    ),
    row(
      'Emerging brands above last year',
      'more than 1,800',
      moreThan(p.emergingBeatLastYear),
      beat,
      'brand table (plan)',
    ),
    row('… of them by more than 1,000%', '94', p.emergingBeatLastYearTenfold, tenfold, 'brand table (plan)'),
    notModelled('Merchants', '1.2 million', 'orders carry brands, not merchants'),
    notModelled('Factories', '300,000', 'no supply side'),
    notModelled('Industry clusters', '2,000+', 'no supply side'),
  ]
}
