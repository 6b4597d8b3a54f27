import {
  formatClock,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatMoneyExact,
  type Locale,
} from '@gmv-pulse/shared'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import type { ExplorerStrings } from './strings.ts'
import type { ExplorerData } from './useExplorerData.ts'

/** No base, no colour: a dash is not growth. */
const growthTone = (percent: number | null) => (percent === null ? '' : percent >= 0 ? 'up' : 'down')

/** The range's GMV to the fen, its orders, last year's change and how far the data reaches. */
export function KpiStrip({
  summary,
  yoy,
  compare,
  timeZone,
  locale,
  strings,
}: {
  summary: ExplorerData['summary']
  yoy: ExplorerData['yoy']
  compare: boolean
  timeZone: string
  locale: Locale
  strings: ExplorerStrings
}) {
  const gmv = summary.data?.gmv
  return (
    <section className="kpis">
      <div className="kpi">
        <div className="kpi-label">{strings.gmv}</div>
        <div className="kpi-value" data-testid="explore-gmv" data-value={gmv ?? ''}>
          {gmv ? formatMoneyExact(gmv, locale) : '—'}
        </div>
        <div className="muted">{gmv ? formatMoneyCompact(gmv, locale) : ''}</div>
      </div>
      <div className="kpi">
        <div className="kpi-label">{strings.orders}</div>
        <div className="kpi-value" data-testid="explore-orders" data-value={summary.data?.orders ?? ''}>
          {summary.data ? formatCount(summary.data.orders, locale) : '—'}
        </div>
      </div>
      {compare ? (
        <div className="kpi">
          <div className="kpi-label">{strings.yoy}</div>
          <div className={`kpi-value ${growthTone(yoy?.percent ?? null)}`} data-testid="explore-yoy">
            {formatGrowth(yoy?.percent ?? null, locale)}
          </div>
          <div className="muted">
            {strings.lastYear} {yoy ? formatMoneyCompact(yoy.lastYear, locale) : '—'}
          </div>
        </div>
      ) : null}
      <div className="kpi">
        <div className="kpi-label">{strings.asOf}</div>
        <div className="kpi-value small" data-testid="explore-as-of">
          {summary.data?.asOf ? formatClock(summary.data.asOf, timeZone) : '—'}
        </div>
      </div>
      <ErrorNote error={summary.error} label={strings.failed} onRetry={() => summary.refetch()} />
    </section>
  )
}
