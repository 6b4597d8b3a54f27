import {
  FILTER_DIMENSIONS,
  type Filter,
  type FilterDimension,
  formatClock,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatMoneyExact,
  growthPercent,
  type Locale,
  sumMoney,
} from '@gmv-pulse/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { rangeSummaryQuery, timeseriesQuery } from '../../data/analystQueries.ts'
import { useCampaignQuery } from '../../data/queries.ts'
import { useCampaignNow } from '../../data/useCampaignNow.ts'
import { fileSafe } from '../../export/download.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import { drill } from './explorerState.ts'
import { FilterBar } from './FilterBar.tsx'
import { Leaderboard } from './Leaderboard.tsx'
import { LiveFollower } from './LiveFollower.tsx'
import { SeriesPanel } from './SeriesPanel.tsx'
import { EXPLORER_STRINGS } from './strings.ts'
import { resolveRange } from './timeRange.ts'
import { useExplorerState } from './useExplorerState.ts'
import '../../ui/analyst.css'
import './explore.css'

/** Rows per leaderboard: a screenful; the CSV carries the same rows. */
const LEADERBOARD_ROWS = 20

export function ExplorePage({ locale }: { locale: Locale }) {
  const strings = EXPLORER_STRINGS[locale]
  const [state, navigate] = useExplorerState()
  const campaignQuery = useCampaignQuery()
  const campaign = campaignQuery.data
  const frame = useMemo(
    () => ({
      start: campaign?.start ?? null,
      end: campaign?.end ?? null,
      timeZone: campaign?.timeZone ?? 'Asia/Shanghai',
    }),
    [campaign],
  )
  // The last-hour preset moves with the minute; a coarser clock would leave it behind.
  const now = useCampaignNow(15_000)
  const range = resolveRange(state.range, frame, now, state.frozenAt)
  const filter: Filter = state.filter

  const summary = useQuery(rangeSummaryQuery({ ...filter, ...range }))
  const series = useQuery(timeseriesQuery({ ...filter, ...range, interval: 'auto' }))

  const queryClient = useQueryClient()
  const refresh = useCallback(() => {
    for (const resource of ['summary', 'timeseries', 'top']) queryClient.invalidateQueries({ queryKey: [resource] })
  }, [queryClient])

  const yoy = useMemo(() => {
    const points = series.data?.points ?? []
    if (!state.compare || points.length === 0 || points.some((point) => point.lastYear === null)) return null
    const lastYear = sumMoney(points.map((point) => point.lastYear?.gmv ?? '0.00'))
    return { lastYear, percent: growthPercent(sumMoney(points.map((point) => point.gmv)), lastYear) }
  }, [series.data, state.compare])

  const onDrill = (dimension: FilterDimension, key: string) => navigate(drill(state, dimension, key))
  const fileStem = fileSafe(FILTER_DIMENSIONS.flatMap((dimension) => filter[dimension] ?? []).join('-'))
  const gmv = summary.data?.gmv

  return (
    <div className="analyst explore" data-testid="explore">
      <header className="analyst-head">
        <h1>
          GMV Pulse · {strings.title} <span className="muted">{campaign?.name ?? ''}</span>
        </h1>
        <nav>
          <a href={`/present${window.location.search.includes('lang=') ? `?lang=${locale}` : ''}`}>{strings.present}</a>
          <a href={`/?lang=${locale}&kiosk=0`}>{strings.wall}</a>
        </nav>
        {state.frozenAt === null ? (
          <LiveFollower filter={filter} locale={locale} onAdvance={refresh} />
        ) : (
          <div className="badge badge-frozen" data-testid="freshness" data-state="frozen">
            <span className="badge-dot" />
            {strings.frozen} {formatClock(state.frozenAt, frame.timeZone)}
          </div>
        )}
      </header>
      <ErrorNote error={campaignQuery.error} label={strings.failed} onRetry={() => campaignQuery.refetch()} />
      <FilterBar state={state} onChange={navigate} campaign={frame} strings={strings} locale={locale} now={now} />

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
        {state.compare ? (
          <div className="kpi">
            <div className="kpi-label">{strings.yoy}</div>
            <div className={`kpi-value ${(yoy?.percent ?? 0) >= 0 ? 'up' : 'down'}`} data-testid="explore-yoy">
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
            {summary.data?.asOf ? formatClock(summary.data.asOf, frame.timeZone) : '—'}
          </div>
        </div>
        <ErrorNote error={summary.error} label={strings.failed} onRetry={() => summary.refetch()} />
      </section>

      <div className="series-grid">
        {(['gmv', 'orders'] as const).map((metric) => (
          <SeriesPanel
            key={metric}
            series={series.data}
            error={series.error}
            loading={series.isPlaceholderData}
            metric={metric}
            compare={state.compare}
            strings={strings}
            locale={locale}
            fileStem={fileStem}
          />
        ))}
      </div>

      <div className="leaderboards">
        {state.by.map((dimension, index) => (
          <Leaderboard
            key={dimension}
            request={{ ...filter, ...range, dimension, sort: state.sort, limit: LEADERBOARD_ROWS }}
            compare={state.compare}
            onDrill={onDrill}
            onSort={(sort) => navigate({ ...state, sort })}
            onDimension={(next) => navigate({ ...state, by: state.by.map((d, i) => (i === index ? next : d)) })}
            strings={strings}
            locale={locale}
          />
        ))}
      </div>
    </div>
  )
}
