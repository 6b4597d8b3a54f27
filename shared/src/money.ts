/**
 * Exact money arithmetic on decimal strings with two places (fen).
 *
 * Hand-written on BigInt rather than taken from a decimal library: every amount in
 * GMV Pulse has exactly two decimals, so integer fen in a BigInt is the whole job,
 * and it runs unchanged in Node and in the browser without another dependency.
 */

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/

/** Parses a decimal string with at most two places into integer fen. */
export function toFen(decimal: string): bigint {
  const match = DECIMAL_PATTERN.exec(decimal)
  if (!match) throw new RangeError(`not a money amount: ${JSON.stringify(decimal)}`)
  const [, sign, whole, fraction = ''] = match
  const fen = BigInt(whole as string) * 100n + BigInt(fraction.padEnd(2, '0'))
  return sign === '-' ? -fen : fen
}

/** Formats integer fen as a decimal string with exactly two places ("4982.00"). */
export function fromFen(fen: bigint): string {
  const negative = fen < 0n
  const abs = negative ? -fen : fen
  const whole = abs / 100n
  const fraction = (abs % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/** Sums decimal strings exactly. */
export function sumMoney(amounts: Iterable<string>): string {
  let total = 0n
  for (const amount of amounts) total += toFen(amount)
  return fromFen(total)
}

/** Normalises a decimal string to exactly two places ("215.3" → "215.30"). */
export function normaliseMoney(decimal: string): string {
  return fromFen(toFen(decimal))
}

/** A rate as CNY per unit ("6.6", "0.00047"), as an integer and its decimal scale; > 0. */
function parseRate(rate: string): { scaled: bigint; scale: bigint } {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(rate)
  if (!match || /^0+(\.0+)?$/.test(rate)) throw new RangeError(`not an exchange rate: ${JSON.stringify(rate)}`)
  const [, whole, fraction = ''] = match
  const scale = 10n ** BigInt(fraction.length)
  return { scaled: BigInt(whole as string) * scale + BigInt(fraction || '0'), scale }
}

/** numerator / denominator rounded half away from zero, on BigInt. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n
  const abs = negative ? -numerator : numerator
  const rounded = (2n * abs + denominator) / (2n * denominator)
  return negative ? -rounded : rounded
}

/**
 * Converts an amount to CNY with a rate given as a decimal string (CNY per unit),
 * rounding half away from zero to the fen — the usual rule for settlement amounts.
 */
export function convertMoney(amount: string, rate: string): string {
  const { scaled, scale } = parseRate(rate)
  return fromFen(divideRounded(toFen(amount) * scaled, scale))
}

/**
 * Converts a CNY amount into a currency quoted as CNY per unit (USD at '6.6'), rounding
 * half away from zero to the cent: the USD figure beside every CNY one.
 */
export function convertFromCny(amount: string, cnyPerUnit: string): string {
  const { scaled, scale } = parseRate(cnyPerUnit)
  return fromFen(divideRounded(toFen(amount) * scale, scaled))
}

/** Growth is carried to this many places of a percent: a screen's 0.1 % is rounded from it once. */
const GROWTH_PLACES = 4n
const GROWTH_SCALE = 10n ** GROWTH_PLACES

/**
 * Growth in percent from a previous to a current amount, or null when there is no base: exact
 * from integer fen to 0.0001 %, rounded half away from zero there (31.17974… → 31.1797), so a
 * figure shown to 0.1 % or to a whole percent rounds from it as from the exact ratio.
 */
export function growthPercent(current: string, previous: string): number | null {
  const base = toFen(previous)
  if (base === 0n) return null
  const scaled = divideRounded((toFen(current) - base) * 100n * GROWTH_SCALE, base)
  return Number(scaled) / Number(GROWTH_SCALE)
}

/** part / whole rounded half up to 1e-6, from integer fen: exact until the one division. 0 with no whole. */
export function shareOf(partFen: bigint, wholeFen: bigint): number {
  if (wholeFen === 0n) return 0
  return Number((partFen * 2_000_000n + wholeFen) / (2n * wholeFen)) / 1_000_000
}
