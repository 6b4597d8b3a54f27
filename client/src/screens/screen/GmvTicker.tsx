import { formatMoneyExact, fromFen, type Locale, toFen } from '@gmv-pulse/shared'
import { useEffect, useRef } from 'react'
import { initialTicker, retarget, type TickerState, tickerValue } from '../../ticker/ticker.ts'

export interface GmvTickerProps {
  /** Campaign-to-date GMV, CNY decimal string. */
  target: string
  tickMs: number
  locale: Locale
  /** Called when a held-back correction is finally applied (fen the display went down by). */
  onCorrection: (fen: bigint) => void
}

/**
 * The centre-stage number. The count-up runs in requestAnimationFrame and writes the text
 * straight into the DOM only when it changes: React renders once per snapshot, not per frame.
 */
/** Ticker type size for a formatted amount of this many characters, in a column about 800 px wide. */
export function tickerFontPx(characters: number): number {
  // Tabular digits are about 0.6 em wide; the fraction part is smaller, hence the slack.
  return Math.min(104, Math.floor(800 / (characters * 0.56)))
}

export function GmvTicker({ target, tickMs, locale, onCorrection }: GmvTickerProps) {
  const whole = useRef<HTMLSpanElement>(null)
  const fraction = useRef<HTMLSpanElement>(null)
  const state = useRef<TickerState | null>(null)
  const correction = useRef(onCorrection)
  correction.current = onCorrection

  useEffect(() => {
    const now = performance.now()
    const fen = toFen(target)
    if (state.current === null) {
      state.current = initialTicker(fen, now)
      return
    }
    const next = retarget(state.current, fen, now, { durationMs: tickMs, correctionGraceMs: 2 * tickMs })
    state.current = next.state
    if (next.correction !== null) correction.current(next.correction)
  }, [target, tickMs])

  useEffect(() => {
    let frame = 0
    let shown = ''
    const draw = () => {
      const current = state.current
      if (current) {
        const value = fromFen(tickerValue(current, performance.now()))
        if (value !== shown) {
          shown = value
          const text = formatMoneyExact(value, locale)
          const point = text.lastIndexOf('.')
          if (whole.current) {
            whole.current.textContent = text.slice(0, point)
            const ticker = whole.current.parentElement
            ticker?.setAttribute('data-value', value)
            // Fit the centre column: ¥9,990,980 and ¥498,200,000,000 both fill it, neither spills.
            if (ticker && ticker.dataset.length !== String(text.length)) {
              ticker.dataset.length = String(text.length)
              ticker.style.fontSize = `${tickerFontPx(text.length)}px`
            }
          }
          if (fraction.current) fraction.current.textContent = text.slice(point)
        }
      }
      frame = requestAnimationFrame(draw)
    }
    // The first number is written now, in the commit that brought it, not a frame later: that
    // frame may be spent on the charts' first drawing.
    draw()
    return () => cancelAnimationFrame(frame)
  }, [locale])

  return (
    <div className="ticker" data-testid="gmv-ticker" aria-live="off">
      <span ref={whole} className="ticker-whole" />
      <span ref={fraction} className="ticker-fraction" />
    </div>
  )
}
