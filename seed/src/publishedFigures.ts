/**
 * Alibaba's public figures for the 2020 11.11 Global Shopping Festival (Nov 1–11, 2020),
 * the ground truth the simulator is calibrated against.
 */
export const PUBLISHED_2020 = {
  gmvCny: 498.2e9,
  gmvUsd: 74.1e9,
  growthVsLastYear: 0.26,
  peakOrdersPerSecond: 583_000,
  orders: 2.32e9,
  brands: 250_000,
  overseasBrands: 31_000,
  firstTimeOverseasBrands: 2_600,
  /** Published as "more than 470". */
  brandsAboveHundredMillion: 470,
  /** Published as "more than 30". */
  liveRoomsAboveHundredMillion: 30,
  emergingSubcategoryLeaders: 357,
  /** Published as "more than 1,800". */
  emergingBeatLastYear: 1_800,
  emergingBeatLastYearTenfold: 94,
  merchants: 1_200_000,
  factories: 300_000,
  industryClusters: 2_000,
} as const

/** The threshold of the "above RMB 100 million" figures, before scaling. */
export const HUNDRED_MILLION_CNY = 1e8

/**
 * 2019's peak order rate (Alibaba, 11.11 2019). Not in the 2020 table, but it is the
 * honest peak for last year's curve rather than 583,000 / 1.26.
 */
export const PEAK_ORDERS_PER_SECOND_2019 = 544_000

/**
 * A "more than N" figure is met by N + 1 at the least; the generator aims there, so the
 * statement stays true and the relative error against N stays small.
 */
export function moreThan(published: number): number {
  return published + 1
}
