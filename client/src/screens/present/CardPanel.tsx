import { useEffect, useRef, useState } from 'react'
import { CARD_SIZES, type CardFormat } from './cardLayout.ts'
import { drawCard } from './drawCard.ts'
import { ExportButtons } from './ExportButtons.tsx'
import type { PresenterStrings } from './strings.ts'
import type { HeadlineExports } from './useHeadlineExports.ts'

const FORMATS = Object.keys(CARD_SIZES) as CardFormat[]

/** The headline card as it exports, its format, and every export of it. */
export function CardPanel({
  exports,
  ready,
  live,
  ariaLabel,
  strings,
}: {
  exports: HeadlineExports
  ready: boolean
  live: boolean
  ariaLabel: string
  strings: PresenterStrings
}) {
  const [format, setFormat] = useState<CardFormat>('slide')
  const canvas = useRef<HTMLCanvasElement>(null)
  const { cardItems } = exports

  useEffect(() => {
    const target = canvas.current
    if (!target) return
    let cancelled = false
    // Text is measured with the page's fonts: wait for them, or the first card is laid out in a fallback.
    document.fonts.ready.then(() => {
      const items = cancelled ? null : cardItems(format)
      if (items) drawCard(target, items, format)
    })
    return () => {
      cancelled = true
    }
  }, [cardItems, format])

  return (
    <section className="panel-a card-panel">
      <header className="panel-a-head">
        <h2>{strings.card}</h2>
        <select
          data-testid="card-format"
          value={format}
          onChange={(event) => setFormat(event.target.value as CardFormat)}
        >
          {FORMATS.map((option) => (
            <option key={option} value={option}>
              {strings[option]}
            </option>
          ))}
        </select>
        {exports.status ? (
          <span className="status" role="status" data-testid="export-status">
            {exports.status}
          </span>
        ) : null}
      </header>
      <ExportButtons exports={exports} format={format} ready={ready} strings={strings} />
      <p className="muted export-note" data-testid="export-note">
        {live ? strings.liveNote : strings.frozenNote}
      </p>
      <canvas
        ref={canvas}
        className={`card-canvas card-${format}`}
        data-testid="card-canvas"
        role="img"
        aria-label={ariaLabel}
      />
    </section>
  )
}
