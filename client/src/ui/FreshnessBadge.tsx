import { formatSeconds, type Locale } from '@gmv-pulse/shared'
import type { Freshness } from '../data/freshness.ts'

/** The badge's words: the wall and the explorer say the same thing about the same state. */
const FRESHNESS_STRINGS = {
  en: {
    live: 'LIVE',
    lag: 'LAG',
    reconnecting: 'RECONNECTING',
    stale: 'STALE',
    connecting: 'CONNECTING',
    frozen: 'FROZEN',
  },
  'zh-CN': {
    live: '实时',
    lag: '延迟',
    reconnecting: '重新连接中',
    stale: '数据停滞',
    connecting: '连接中',
    frozen: '已冻结',
  },
} as const satisfies Record<Locale, Record<string, string>>

export function freshnessText(state: Freshness, locale: Locale): string {
  const strings = FRESHNESS_STRINGS[locale]
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

export function FreshnessBadge({ state, locale, frozen }: { state: Freshness; locale: Locale; frozen: boolean }) {
  return (
    <div className={`badge badge-${frozen ? 'frozen' : state.kind}`} data-testid="freshness" data-state={state.kind}>
      <span className="badge-dot" />
      {frozen ? FRESHNESS_STRINGS[locale].frozen : freshnessText(state, locale)}
    </div>
  )
}
