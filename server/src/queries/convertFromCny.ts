import { fromFen, toFen } from '@gmv-pulse/shared'

/**
 * A CNY amount in another currency, given the rate as CNY per unit (config.fxRates):
 * exact integer arithmetic on fen, rounded half away from zero to the cent, so the USD
 * figure on a slide never carries a float's last-digit noise.
 */
export function convertFromCny(cny: string, cnyPerUnit: string): string {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(cnyPerUnit)
  if (!match || /^0*(\.0*)?$/.test(cnyPerUnit))
    throw new RangeError(`not an exchange rate: ${JSON.stringify(cnyPerUnit)}`)
  const [, whole, fraction = ''] = match
  const scale = 10n ** BigInt(fraction.length)
  const rateScaled = BigInt(whole as string) * scale + BigInt(fraction || '0')
  const numerator = toFen(cny) * scale
  const negative = numerator < 0n
  const abs = negative ? -numerator : numerator
  const rounded = (2n * abs + rateScaled) / (2n * rateScaled)
  return fromFen(negative ? -rounded : rounded)
}
