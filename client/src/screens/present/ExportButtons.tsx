import { CARD_SIZES, type CardFormat } from './cardLayout.ts'
import type { PresenterStrings } from './strings.ts'
import type { HeadlineExports } from './useHeadlineExports.ts'

const FORMATS = Object.keys(CARD_SIZES) as CardFormat[]
const size = (format: CardFormat) => `${CARD_SIZES[format].width}×${CARD_SIZES[format].height}`

/** One button per export: the card as PNG and PDF in each format, the CSV, the image to the clipboard. */
export function ExportButtons({
  exports,
  format,
  ready,
  strings,
}: {
  exports: HeadlineExports
  /** The format on screen: the one the clipboard gets. */
  format: CardFormat
  ready: boolean
  strings: PresenterStrings
}) {
  return (
    <div className="exports">
      <span className="muted">{strings.exports}</span>
      {FORMATS.map((option) => (
        <button
          key={`png-${option}`}
          type="button"
          data-testid={`png-${option}`}
          disabled={!ready}
          onClick={exports.png(option)}
        >
          {strings.png} {size(option)}
        </button>
      ))}
      {FORMATS.map((option) => (
        <button
          key={`pdf-${option}`}
          type="button"
          data-testid={`pdf-${option}`}
          disabled={!ready}
          onClick={exports.pdf(option)}
        >
          {strings.pdf} {size(option)}
        </button>
      ))}
      <button type="button" data-testid="csv" disabled={!ready} onClick={exports.csv}>
        {strings.csv}
      </button>
      <button type="button" data-testid="copy-image" disabled={!ready} onClick={exports.copyImage(format)}>
        {strings.copyImage}
      </button>
    </div>
  )
}
