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
