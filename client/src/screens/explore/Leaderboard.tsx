import {
  FILTER_DIMENSIONS,
  type FilterDimension,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatMoneyExact,
  formatShare,
  keyLabel,
  type Locale,
  type TopRequest,
  type TopSort,
  toCsv,
  topTable,
} from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { topQuery } from '../../data/analystQueries.ts'
import { downloadText, fileSafe } from '../../export/download.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import type { ExplorerStrings } from './strings.ts'

export function Leaderboard({
  request,
  compare,
  onDrill,
  onSort,
  onDimension,
  strings,
  locale,
}: {
  request: TopRequest
  compare: boolean
  onDrill: (dimension: FilterDimension, key: string) => void
  onSort: (sort: TopSort) => void
  onDimension: (dimension: FilterDimension) => void
  strings: ExplorerStrings
  locale: Locale
}) {
  const query = useQuery(topQuery(request))
  const top = query.data
  const { dimension } = request
  const header = (sort: TopSort | null, label: string, key: string) => (
    <th key={key} className="num" aria-sort={sort === request.sort ? 'descending' : undefined}>
      {sort ? (
        <button
          type="button"
          className={sort === request.sort ? 'sort sorted' : 'sort'}
          data-testid={`sort-${key}`}
          onClick={() => onSort(sort)}
        >
          {label}
          {sort === request.sort && key !== 'share' ? ' ▼' : ''}
        </button>
      ) : (
        label
      )}
    </th>
  )

  return (
    <section className="panel-a leaderboard" data-testid={`leaderboard-${dimension}`} data-dimension={dimension}>
      <header className="panel-a-head">
        <h2>
          {strings.leaderboard}{' '}
          <select
            aria-label={strings.leaderboard}
            data-testid={`leaderboard-dimension-${dimension}`}
            value={dimension}
            onChange={(event) => onDimension(event.target.value as FilterDimension)}
          >
            {FILTER_DIMENSIONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {strings[candidate]}
              </option>
            ))}
          </select>
        </h2>
        <span className="muted">{strings.drillHint}</span>
        <button
          type="button"
          data-testid={`csv-${dimension}`}
          disabled={!top}
          onClick={() =>
            top && downloadText(toCsv(topTable(top)), `top-${dimension}-${fileSafe(filterName(request))}.csv`)
          }
        >
          ⤓ {strings.downloadCsv}
        </button>
      </header>
      <ErrorNote error={query.error} label={strings.failed} onRetry={() => query.refetch()} />
      <div className={`table-wrap ${query.isPlaceholderData ? 'loading' : ''}`}>
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{strings[dimension]}</th>
              {header('gmv', strings.gmv, 'gmv')}
              {header('gmv', strings.share, 'share')}
              {header('orders', strings.orders, 'orders')}
              {compare ? header(null, strings.lastYear, 'last-year') : null}
              {compare ? header('growth', strings.yoy, 'growth') : null}
            </tr>
          </thead>
          <tbody>
            {top?.rows.map((row) => (
              <tr
                key={row.key}
                data-testid="leaderboard-row"
                data-key={row.key}
                data-gmv={row.gmv}
                data-orders={row.orders}
                className="drillable"
                onClick={() => onDrill(dimension, row.key)}
              >
                <td className="muted">{row.rank}</td>
                <td>
                  {/* The row takes the click; the button makes the drill reachable by keyboard. */}
                  <button type="button" className="link">
                    {keyLabel(dimension, row.key, locale)}
                  </button>
                </td>
                <td className="num" title={formatMoneyExact(row.gmv, locale)}>
                  {formatMoneyCompact(row.gmv, locale)}
                </td>
                <td className="num">
                  <span className="share-bar" style={{ width: `${Math.round(row.share * 60)}px` }} />
                  {formatShare(row.share, locale)}
                </td>
                <td className="num">{formatCount(row.orders, locale)}</td>
                {compare ? (
                  <td className="num muted">{row.lastYearGmv ? formatMoneyCompact(row.lastYearGmv, locale) : '—'}</td>
                ) : null}
                {compare ? (
                  <td className={`num ${(row.growthPercent ?? 0) >= 0 ? 'up' : 'down'}`}>
                    {formatGrowth(row.growthPercent, locale)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {top && top.rows.length === 0 ? <div className="muted empty-a">{strings.noRows}</div> : null}
        {!top && query.isPending && !query.error ? <div className="muted empty-a">{strings.loading}</div> : null}
      </div>
    </section>
  )
}

function filterName(request: TopRequest): string {
  return FILTER_DIMENSIONS.flatMap((dimension) => request[dimension] ?? []).join('-')
}
