/**
 * Orders per second over the 11 days of a campaign, one value per campaign second.
 *
 * rate(t) = a·baseline(t) + A·surges(t)
 *   baseline: a daily rhythm in China time (quiet at 4 am, busy mid-morning, mid-afternoon
 *             and above all in the evening) times a weight per day: the first selling
 *             window Nov 1–3, a lull, and the climb to Nov 11.
 *   surges:   the midnight surge of Nov 11 (peak 3 s after 00:00, a fast decay over a
 *             half-minute, slower ones over ten minutes and two hours) and the smaller
 *             opening surge of Nov 1 with the same shape.
 * a and A are solved from two published facts: the peak second equals the peak rate, and
 * the sum over all seconds equals the order total. Both scale linearly, so one shape
 * serves every --scale.
 */
import { CAMPAIGN_SECONDS } from './campaignWindow.ts'

/** Seconds after midnight when the surge peaks (the press release: "seconds after midnight"). */
export const PEAK_SECOND_AFTER_MIDNIGHT = 3
const NOV_11_SECOND = 10 * 86_400
/** The Nov 1 opening surge relative to Nov 11's. */
const OPENING_SURGE_RATIO = 0.45
/** Nov 1 … Nov 11. */
const DAY_WEIGHTS = [2.2, 1.4, 1.1, 0.6, 0.55, 0.55, 0.6, 0.6, 0.65, 0.85, 3.0]

export interface RateProfile {
  /** Expected orders in each campaign second. */
  readonly perSecond: Float64Array
  /** cumulative[i] = expected orders before second i; cumulative[CAMPAIGN_SECONDS] = total. */
  readonly cumulative: Float64Array
  readonly totalOrders: number
  readonly peakOrdersPerSecond: number
  readonly peakSecond: number
}

const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2) / 2)

function dailyRhythm(hour: number): number {
  // The late-evening bump is mirrored past midnight so that 00:30 is still busy.
  return (
    0.12 +
    0.55 * bump(hour, 10.5, 1.8) +
    0.6 * bump(hour, 15, 2.2) +
    1.0 * bump(hour, 21.5, 1.6) +
    0.5 * bump(hour, -0.5, 1.2) +
    1.0 * bump(hour, 21.5 - 24, 1.6)
  )
}

/** Shape of a surge starting at second 0, 1 at its peak second. */
export function surgeShape(secondsSinceStart: number): number {
  const x = secondsSinceStart
  if (x < 0) return 0
  if (x < PEAK_SECOND_AFTER_MIDNIGHT) return (x + 1) / (PEAK_SECOND_AFTER_MIDNIGHT + 1)
  const after = x - PEAK_SECOND_AFTER_MIDNIGHT
  return 0.6 * Math.exp(-after / 30) + 0.3 * Math.exp(-after / 600) + 0.1 * Math.exp(-after / 7200)
}

function unitShapes() {
  const baseline = new Float64Array(CAMPAIGN_SECONDS)
  const surges = new Float64Array(CAMPAIGN_SECONDS)
  for (let t = 0; t < CAMPAIGN_SECONDS; t++) {
    const day = Math.floor(t / 86_400)
    baseline[t] = (DAY_WEIGHTS[day] as number) * dailyRhythm((t % 86_400) / 3600)
    surges[t] = surgeShape(t - NOV_11_SECOND) + OPENING_SURGE_RATIO * surgeShape(t)
  }
  return { baseline, surges }
}

let cachedShapes: ReturnType<typeof unitShapes> | undefined

export function createRateProfile(options: { totalOrders: number; peakOrdersPerSecond: number }): RateProfile {
  const { totalOrders, peakOrdersPerSecond } = options
  cachedShapes ??= unitShapes()
  const { baseline, surges } = cachedShapes
  let baselineSum = 0
  let surgeSum = 0
  for (let t = 0; t < CAMPAIGN_SECONDS; t++) {
    baselineSum += baseline[t] as number
    surgeSum += surges[t] as number
  }
  const peakSecond = NOV_11_SECOND + PEAK_SECOND_AFTER_MIDNIGHT
  const basePeak = baseline[peakSecond] as number
  const surgePeak = surges[peakSecond] as number
  // a·basePeak + A·surgePeak = peak;  a·baselineSum + A·surgeSum = total.
  const determinant = basePeak * surgeSum - surgePeak * baselineSum
  const a = (peakOrdersPerSecond * surgeSum - surgePeak * totalOrders) / determinant
  const amplitude = (basePeak * totalOrders - baselineSum * peakOrdersPerSecond) / determinant
  if (!(a > 0 && amplitude > 0)) throw new RangeError('the peak and the total cannot both be met by this shape')
  const perSecond = new Float64Array(CAMPAIGN_SECONDS)
  const cumulative = new Float64Array(CAMPAIGN_SECONDS + 1)
  for (let t = 0; t < CAMPAIGN_SECONDS; t++) {
    perSecond[t] = a * (baseline[t] as number) + amplitude * (surges[t] as number)
    cumulative[t + 1] = (cumulative[t] as number) + (perSecond[t] as number)
  }
  return { perSecond, cumulative, totalOrders, peakOrdersPerSecond, peakSecond }
}

/**
 * Whole orders in a campaign second: the difference of the rounded running total. Seconds
 * then add up to the rounded total exactly, any slice can be generated on its own, and no
 * randomness is spent on counts (the war room's rate line is the profile, not noise).
 */
export function ordersInSecond(profile: RateProfile, second: number): number {
  return Math.round(profile.cumulative[second + 1] as number) - Math.round(profile.cumulative[second] as number)
}
