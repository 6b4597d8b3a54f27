import { formatClock, type Headline, type Locale } from '@gmv-pulse/shared'
import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import type { PresenterStrings } from './strings.ts'

/**
 * The title and the cutoff: a chosen moment, or now (refreshing). Live, it offers to freeze
 * the cutoff on screen, so every export taken afterwards is of that one moment.
 */
export function PresentHeader({
  at,
  setAt,
  headline,
  campaignName,
  timeZone,
  locale,
  strings,
}: {
  at: number | null
  setAt: (at: number | null) => void
  headline: Headline | undefined
  campaignName: string
  timeZone: string
  locale: Locale
  strings: PresenterStrings
}) {
  return (
    <header className="analyst-head">
      <h1>
        GMV Pulse · {strings.title} <span className="muted">{campaignName}</span>
      </h1>
      <nav>
        <a href={`/explore?lang=${locale}`}>{strings.explorer}</a>
      </nav>
      <label className="field">
        <span>{strings.cutoff}</span>
        <div className="freeze">
          <input
            type="datetime-local"
            data-testid="cutoff"
            value={at === null ? '' : toLocalInput(at, timeZone)}
            onChange={(event) => {
              const ms = fromLocalInput(event.target.value, timeZone)
              if (ms !== null) setAt(ms)
            }}
          />
          <button type="button" data-testid="cutoff-now" disabled={at === null} onClick={() => setAt(null)}>
            {at === null ? strings.nowLive : strings.now}
          </button>
          {at === null && headline ? (
            <button type="button" data-testid="freeze-cutoff" onClick={() => setAt(Date.parse(headline.cutoff))}>
              {strings.freezeAt.replace('{time}', formatClock(headline.cutoff, timeZone))}
            </button>
          ) : null}
        </div>
      </label>
    </header>
  )
}
