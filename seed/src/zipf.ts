/**
 * The heavy tail of brand GMV: a Zipf–Mandelbrot law G(r) = C·(r + q)^−β over ranks.
 *
 * Two published facts pin it down: the total GMV and "more than 470 brands above RMB 100
 * million". C is fixed by putting the threshold halfway between rank k and k + 1, and β
 * is solved so that the ranks sum to the total. q flattens the head so the largest brand
 * lands near RMB 1 billion rather than a tenth of the market.
 */
export interface ZipfLaw {
  readonly c: number
  readonly q: number
  readonly beta: number
}

export function solveZipfLaw(options: {
  ranks: number
  total: number
  threshold: number
  ranksAboveThreshold: number
  q: number
}): ZipfLaw {
  const { ranks, total, threshold, ranksAboveThreshold, q } = options
  const logs = new Float64Array(ranks)
  for (let r = 0; r < ranks; r++) logs[r] = Math.log(r + 1 + q)
  const logAnchor = Math.log(ranksAboveThreshold + 0.5 + q)
  const sumFor = (beta: number) => {
    let sum = 0
    for (let r = 0; r < ranks; r++) sum += Math.exp(beta * (logAnchor - (logs[r] as number)))
    return threshold * sum
  }
  // Over ranks the sum is U-shaped in β (a flat tail, then a towering head); the realistic
  // root is on the falling side, below β = 1.5, so bisect there and insist on a bracket.
  let low = 0.2
  let high = 1.5
  if (!(sumFor(low) > total && sumFor(high) < total)) throw new RangeError('no Zipf law fits these figures')
  for (let i = 0; i < 45; i++) {
    const mid = (low + high) / 2
    if (sumFor(mid) > total) low = mid
    else high = mid
  }
  const beta = (low + high) / 2
  return { c: threshold * Math.exp(beta * logAnchor), q, beta }
}

/** GMV of the brand at a 1-based rank. */
export function zipfValue(law: ZipfLaw, rank: number): number {
  return law.c * (rank + law.q) ** -law.beta
}
