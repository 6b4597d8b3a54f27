import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** One measured figure, beside its goal and, where one exists, the ceiling measured in the same run. */
export interface BenchFigure {
  name: string
  value: number
  unit: string
  goal?: string
  /** The engine's (or the platform's) best for the same work, measured in the same run. */
  ceiling?: number
  ratio?: number
}

export interface BenchReport {
  startedAt: string
  quick: boolean
  machine: Record<string, unknown>
  figures: BenchFigure[]
}

export function toMarkdown(report: BenchReport): string {
  const machine = Object.entries(report.machine)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(' / ') : value}`)
    .join('; ')
  const rows = report.figures.map(
    (figure) =>
      `| ${figure.name} | ${figure.value.toLocaleString('en')} ${figure.unit} | ${figure.goal ?? ''} | ${
        figure.ceiling === undefined ? '' : `${figure.ceiling.toLocaleString('en')} ${figure.unit}`
      } | ${figure.ratio === undefined ? '' : figure.ratio} |`,
  )
  return [
    `# GMV Pulse benchmark${report.quick ? ' (--quick)' : ''}, ${report.startedAt}`,
    '',
    `Machine: ${machine}`,
    '',
    '| figure | measured | goal | ceiling (same run) | ratio |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

export function writeReport(report: BenchReport, directory: string): string {
  mkdirSync(directory, { recursive: true })
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)
  const markdown = toMarkdown(report)
  writeFileSync(join(directory, 'latest.md'), markdown)
  return markdown
}
