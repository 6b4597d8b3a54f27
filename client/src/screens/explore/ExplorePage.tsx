import { FILTER_DIMENSIONS, type FilterDimension, type Locale } from '@gmv-pulse/shared'
import { fileSafe } from '../../export/download.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import { ExploreHeader } from './ExploreHeader.tsx'
import { drill } from './explorerState.ts'
import { FilterBar } from './FilterBar.tsx'
import { KpiStrip } from './KpiStrip.tsx'
import { Leaderboard } from './Leaderboard.tsx'
import { SeriesPanel } from './SeriesPanel.tsx'
import { EXPLORER_STRINGS } from './strings.ts'
import { useExplorerData } from './useExplorerData.ts'
import { useExplorerState } from './useExplorerState.ts'
import '../../ui/analyst.css'
import './explore.css'

/** Rows per leaderboard: a screenful; the CSV carries the same rows. */
const LEADERBOARD_ROWS = 20

/** The explorer: a filter and a range (all in the URL), their figures, series and leaderboards. */
export function ExplorePage({ locale }: { locale: Locale }) {
  const strings = EXPLORER_STRINGS[locale]
  const [state, navigate] = useExplorerState()
  const data = useExplorerData(state)
  const { filter } = state
  const onDrill = (dimension: FilterDimension, key: string) => navigate(drill(state, dimension, key))
  const fileStem = fileSafe(FILTER_DIMENSIONS.flatMap((dimension) => filter[dimension] ?? []).join('-'))

  return (
    <div className="analyst explore" data-testid="explore">
      <ExploreHeader
        campaignName={data.campaignName}
        filter={filter}
        frozenAt={state.frozenAt}
        timeZone={data.frame.timeZone}
        onAdvance={data.refresh}
        locale={locale}
        strings={strings}
      />
      <ErrorNote error={data.campaignQuery.error} label={strings.failed} onRetry={() => data.campaignQuery.refetch()} />
      <FilterBar
        state={state}
        onChange={navigate}
        campaign={data.frame}
        intervals={{ options: data.intervals, fellBack: data.intervalFellBack, chosen: data.series.data?.interval }}
        now={data.now}
        locale={locale}
        strings={strings}
      />
      <KpiStrip
        summary={data.summary}
        yoy={data.yoy}
        compare={state.compare}
        timeZone={data.frame.timeZone}
        locale={locale}
        strings={strings}
      />
      <div className="series-grid">
        {(['gmv', 'orders'] as const).map((metric) => (
          <SeriesPanel
            key={metric}
            series={data.series.data}
            error={data.series.error}
            loading={data.series.isPlaceholderData}
            metric={metric}
            compare={state.compare}
            strings={strings}
            locale={locale}
            filter={filter}
            fileStem={fileStem}
          />
        ))}
      </div>
      <div className="leaderboards">
        {state.by.map((dimension, index) => (
          <Leaderboard
            key={dimension}
            request={{ ...filter, ...data.range, dimension, sort: state.sort, limit: LEADERBOARD_ROWS }}
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
