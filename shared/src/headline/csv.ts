/** One cell of an exported table: money stays its exact decimal string; null is an empty cell. */
export type CsvCell = string | number | boolean | null

export interface CsvTable {
  header: readonly string[]
  rows: readonly (readonly CsvCell[])[]
}

// Text a spreadsheet would run as a formula (a brand named "=HYPERLINK(…)"), full-width forms included.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

function cell(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * RFC 4180 CSV with a header row, written the way the server's `.csv` answers are
 * (csv-stringify with escape_formulas, `\n` line ends): the same table gives the same bytes
 * whether a spreadsheet downloads it from the API or from the page.
 */
export function toCsv(table: CsvTable): string {
  return `${[table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\n')}\n`
}
