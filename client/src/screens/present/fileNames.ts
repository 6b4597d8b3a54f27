import { CARD_SIZES, type CardFormat } from './cardLayout.ts'

/** What the presenter exports: the card in a format as PNG or PDF, the figures as CSV, the chart as PNG. */
export type HeadlineExport =
  | { kind: 'card'; format: CardFormat; type: 'png' | 'pdf' }
  | { kind: 'csv' }
  | { kind: 'chart' }

/**
 * The file name of an export: the cutoff it shows (so a download says which moment it is),
 * then the format's name and size, so no two exports of one cutoff share a name — the
 * slide's and the square's PDFs included.
 */
export function exportFileName(cutoffIso: string | undefined, what: HeadlineExport): string {
  const stem = cutoffIso ? `headline-${cutoffIso.replace(/[:.]/g, '-')}` : 'headline'
  switch (what.kind) {
    case 'card': {
      const { width, height } = CARD_SIZES[what.format]
      return `${stem}-${what.format}-${width}x${height}.${what.type}`
    }
    case 'csv':
      return `${stem}.csv`
    case 'chart':
      return `${stem}-top-brands.png`
  }
}
