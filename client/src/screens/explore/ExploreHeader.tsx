import { type Filter, formatClock, type Locale } from '@gmv-pulse/shared'
import { LiveFollower } from './LiveFollower.tsx'
import type { ExplorerStrings } from './strings.ts'

/** The title, the links to the other pages, and whether the view follows live or is frozen. */
export function ExploreHeader({
  campaignName,
  filter,
  frozenAt,
  timeZone,
  onAdvance,
  locale,
  strings,
}: {
  campaignName: string
  filter: Filter
  frozenAt: number | null
  timeZone: string
  onAdvance: () => void
  locale: Locale
  strings: ExplorerStrings
}) {
  return (
    <header className="analyst-head">
      <h1>
        GMV Pulse · {strings.title} <span className="muted">{campaignName}</span>
      </h1>
      <nav>
        <a href={`/present${window.location.search.includes('lang=') ? `?lang=${locale}` : ''}`}>{strings.present}</a>
        <a href={`/?lang=${locale}&kiosk=0`}>{strings.wall}</a>
      </nav>
      {frozenAt === null ? (
        <LiveFollower filter={filter} locale={locale} onAdvance={onAdvance} />
      ) : (
        <div className="badge badge-frozen" data-testid="freshness" data-state="frozen">
          <span className="badge-dot" />
          {strings.frozen} {formatClock(frozenAt, timeZone)}
        </div>
      )}
    </header>
  )
}
