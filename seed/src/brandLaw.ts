/**
 * How GMV is spread over the festival's 250,000 brands by rank: the one definition the
 * simulator's brand table and the scale benchmark's engine-side generator both draw from.
 *
 * Three facts pin it down: the leaders' weight (on the real 11.11 the leading brands each
 * take 1–3 % of GMV and the top ten together around a tenth), "more than 470 brands above
 * RMB 100 million", and the total GMV. One Zipf law cannot meet all three: a head as heavy
 * as the leaders' runs on into a tail that sums to far more than the total. So the law has
 * two pieces that meet at the threshold:
 *   head (ranks 1 … k):  G(r) = top · ((1 + q) / (r + q))^α, α solved so that G(k + ½) is
 *                        the threshold, q flattening the first few ranks a little;
 *   tail (ranks > k):    G(r) = threshold · ((k + ½) / r)^β, β solved so that all ranks sum
 *                        to the total.
 */
import { HUNDRED_MILLION_CNY, moreThan, PUBLISHED_2020 } from './publishedFigures.ts'

/** The largest brand's share of GMV: mid-range of the 1–3 % the leaders took. */
export const TOP_BRAND_SHARE = 0.025
/** Flattens the head so the top ten hold ≈ 11 % rather than 9 % (q = 0). */
const HEAD_FLATTENING = 1

export interface BrandLaw {
  readonly ranks: number
  /** Ranks 1 … headRanks follow the head piece. */
  readonly headRanks: number
  readonly top: number
  readonly q: number
  readonly alpha: number
  readonly threshold: number
  readonly beta: number
}

export function solveBrandLaw(options: {
  ranks: number
  total: number
  threshold: number
  ranksAboveThreshold: number
  topShare: number
  q: number
}): BrandLaw {
  const { ranks, total, threshold, ranksAboveThreshold: k, topShare, q } = options
  const top = topShare * total
  const anchor = k + 0.5
  const alpha = Math.log(top / threshold) / Math.log((anchor + q) / (1 + q))
  let head = 0
  for (let r = 1; r <= k; r++) head += top * ((1 + q) / (r + q)) ** alpha
  const tailFor = (beta: number) => {
    let sum = 0
    for (let r = k + 1; r <= ranks; r++) sum += threshold * (anchor / r) ** beta
    return sum
  }
  // The tail's sum falls as β rises; bisect for the β that leaves exactly the rest of the total.
  const rest = total - head
  let low = 0.3
  let high = 3
  if (!(rest > 0 && tailFor(low) > rest && tailFor(high) < rest))
    throw new RangeError('no two-piece law fits these figures')
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2
    if (tailFor(mid) > rest) low = mid
    else high = mid
  }
  return { ranks, headRanks: k, top, q, alpha, threshold, beta: (low + high) / 2 }
}

/** GMV (CNY, scale 1) of the brand at a 1-based rank. */
export function brandGmvAt(law: BrandLaw, rank: number): number {
  return rank <= law.headRanks
    ? law.top * ((1 + law.q) / (rank + law.q)) ** law.alpha
    : law.threshold * ((law.headRanks + 0.5) / rank) ** law.beta
}

let festivalLaw: BrandLaw | undefined

/** The 2020 festival's law: 250,000 brands, RMB 498.2 billion, more than 470 above RMB 100 million. */
export function festivalBrandLaw(): BrandLaw {
  festivalLaw ??= solveBrandLaw({
    ranks: PUBLISHED_2020.brands,
    total: PUBLISHED_2020.gmvCny,
    threshold: HUNDRED_MILLION_CNY,
    ranksAboveThreshold: moreThan(PUBLISHED_2020.brandsAboveHundredMillion),
    topShare: TOP_BRAND_SHARE,
    q: HEAD_FLATTENING,
  })
  return festivalLaw
}

/** Each rank's share of GMV (index 0 = the largest brand); they sum to 1. */
export function festivalBrandShares(): Float64Array {
  const law = festivalBrandLaw()
  const shares = new Float64Array(law.ranks)
  let sum = 0
  for (let r = 0; r < law.ranks; r++) {
    shares[r] = brandGmvAt(law, r + 1)
    sum += shares[r] as number
  }
  for (let r = 0; r < law.ranks; r++) shares[r] = (shares[r] as number) / sum
  return shares
}
