import {
  formatClock,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatUsdFromCny,
  type Locale,
} from '@gmv-pulse/shared'
import type { ReactNode } from 'react'
import type { Strings } from './strings.ts'

/** The wall's centre: the live GMV with its compact reading, US$ value, orders and growth. */
export function Hero({
  ticker,
  gmv,
  orders,
  growthPercent,
  usdRate,
  asOf,
  timeZone,
  locale,
  strings,
}: {
  ticker: ReactNode
  gmv: string | null
  orders: number | null
  growthPercent: number | null
  usdRate: string | undefined
  asOf: string | null
  timeZone: string
  locale: Locale
  strings: Strings
}) {
  return (
    <section className="hero">
      {/* Beside the title, as on every panel: the figures' line below keeps its width for them. */}
      <span className="as-of hero-as-of">
        {strings.asOf} {asOf ? formatClock(asOf, timeZone) : '—'}
      </span>
      <div className="hero-label">{strings.gmv}</div>
      {ticker}
      <div className="hero-sub">
        <span data-testid="gmv-compact">{gmv ? formatMoneyCompact(gmv, locale) : '—'}</span>
        <span className="usd">{gmv && usdRate ? `≈ ${formatUsdFromCny(gmv, usdRate, locale)}` : ''}</span>
        <span data-testid="hero-orders" data-value={orders ?? ''}>
          {strings.orders} {formatCount(orders ?? 0, locale)}
        </span>
        <span className={`growth ${(growthPercent ?? 0) >= 0 ? 'up' : 'down'}`} data-testid="hero-growth">
          {strings.growth} {formatGrowth(growthPercent, locale)}
        </span>
      </div>
    </section>
  )
}
