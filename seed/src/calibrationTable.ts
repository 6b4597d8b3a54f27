/** Formats calibration rows as an aligned text table for the terminal. */
import type { CalibrationRow } from './calibrate.ts'

function formatValue(value: number | null): string {
  if (value === null) return '—'
  if (Math.abs(value) < 10 && !Number.isInteger(value)) return value.toFixed(4)
  if (Math.abs(value) < 1000 && !Number.isInteger(value)) return value.toFixed(2)
  return Math.round(value).toLocaleString('en-US')
}

export function formatCalibrationTable(rows: readonly CalibrationRow[], scale: number): string {
  const header = ['figure', 'published', `target at ${scale}`, 'generated', 'error', 'source']
  const body = rows.map((row) => [
    row.figure,
    row.published,
    formatValue(row.target),
    formatValue(row.generated),
    row.relativeError === null
      ? 'not modelled'
      : `${row.relativeError >= 0 ? '+' : ''}${(row.relativeError * 100).toFixed(2)}%`,
    row.source,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] as string).length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
