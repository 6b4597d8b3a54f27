import { formatSeconds, type Locale } from '@gmv-pulse/shared'
import type { Strings } from '../../app/i18n.ts'
import type { Freshness } from '../../data/freshness.ts'

export function freshnessText(state: Freshness, strings: Strings, locale: Locale): string {
  switch (state.kind) {
    case 'live':
      return strings.live
    case 'connecting':
      return strings.connecting
    case 'lag':
      return `${strings.lag} ${formatSeconds(state.seconds, locale)}`
    case 'reconnecting':
      return `${strings.reconnecting} · ${formatSeconds(state.sinceSeconds, locale)}`
    case 'stale':
      return `${strings.stale} · ${formatSeconds(state.seconds, locale)}`
  }
}

export function FreshnessBadge({
  state,
  strings,
  locale,
  frozen,
}: {
  state: Freshness
  strings: Strings
  locale: Locale
  frozen: boolean
}) {
  return (
    <div className={`badge badge-${frozen ? 'frozen' : state.kind}`} data-testid="freshness" data-state={state.kind}>
      <span className="badge-dot" />
      {frozen ? strings.frozen : freshnessText(state, strings, locale)}
    </div>
  )
}
