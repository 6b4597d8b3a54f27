import {
  formatClock,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatUsdFromCny,
  type Locale,
  type Snapshot,
} from '@gmv-pulse/shared'
import type { ReactNode } from 'react'
import type { Strings } from './strings.ts'

/**
 * The headline scene: one card across the wall for the moment everyone looks up — the
 * control's title and line above the live GMV, with orders, growth and the peak beneath.
 */
export function HeadlineCard({
  title,
  body,
  ticker,
  snapshot,
  usdRate,
  locale,
  strings,
  timeZone,
}: {
  title: string
  body: string
  /** The same count-up as the overview's, so the number never jumps when the scene changes. */
  ticker: ReactNode
  snapshot: Snapshot | null
  usdRate: string | undefined
  locale: Locale
  strings: Strings
  timeZone: string
}) {
  const gmv = snapshot?.gmv ?? null
  const growth = snapshot?.lastYear?.growthPercent ?? null
  return (
    <section className="headline-card" data-testid="headline-card">
      <h1 className="headline-title">{title || strings.gmv}</h1>
      {body ? <p className="headline-body">{body}</p> : null}
      <div className="headline-ticker">{ticker}</div>
      <div className="headline-compact">
        {gmv ? formatMoneyCompact(gmv, locale) : '—'}
        <span className="usd">{gmv && usdRate ? ` ≈ ${formatUsdFromCny(gmv, usdRate, locale)}` : ''}</span>
      </div>
      <dl className="headline-figures">
        <div>
          <dt>{strings.orders}</dt>
          <dd>{formatCount(snapshot?.orders ?? 0, locale)}</dd>
        </div>
        <div>
          <dt>{strings.growth}</dt>
          <dd className={`growth ${(growth ?? 0) >= 0 ? 'up' : 'down'}`}>{formatGrowth(growth, locale)}</dd>
        </div>
        <div>
          <dt>{strings.peakOrders}</dt>
          <dd>{snapshot?.peak ? formatCount(snapshot.peak.ordersPerSecond, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{strings.asOf}</dt>
          <dd>{snapshot?.asOf ? formatClock(snapshot.asOf, timeZone) : '—'}</dd>
        </div>
      </dl>
    </section>
  )
}
