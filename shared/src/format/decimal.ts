import { fromFen, toFen } from '../money.ts'

/**
 * Moves the decimal point of an exact decimal string: shiftDecimal('498200000000.00', -8)
 * is '4982.0000000000'. Pure string work, so 亿 and billion units stay exact and
 * Intl.NumberFormat (which formats decimal strings exactly) does the final rounding.
 */
export function shiftDecimal(decimal: string, places: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal)
  if (!match) throw new RangeError(`not a decimal: ${JSON.stringify(decimal)}`)
  const [, sign = '', whole = '0', fraction = ''] = match
  let digits = whole + fraction
  let point = whole.length + places
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0')
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '')
  const fracPart = digits.slice(point)
  return `${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`
}

/**
 * Converts a CNY amount to a currency quoted as CNY per unit (USD at '6.6'), rounding half
 * away from zero to the cent. Exact: BigInt fen times the rate's scale, one division.
 */
export function convertFromCny(amount: string, cnyPerUnit: string): string {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(cnyPerUnit)
  if (!match || /^0+(\.0+)?$/.test(cnyPerUnit))
    throw new RangeError(`not an exchange rate: ${JSON.stringify(cnyPerUnit)}`)
  const [, whole = '0', fraction = ''] = match
  const scale = 10n ** BigInt(fraction.length)
  const rateScaled = BigInt(whole) * scale + BigInt(fraction || '0')
  const numerator = toFen(amount) * scale
  const negative = numerator < 0n
  const abs = negative ? -numerator : numerator
  const cents = (abs * 2n + rateScaled) / (rateScaled * 2n)
  return fromFen(negative ? -cents : cents)
}
