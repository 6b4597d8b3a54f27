import {
  FILTER_DIMENSIONS,
  type FilterDimension,
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
import { LeaderboardHead } from './LeaderboardHead.tsx'
import { LeaderboardNote } from './LeaderboardNote.tsx'
import { LeaderboardRow } from './LeaderboardRow.tsx'
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
        <LeaderboardNote sort={request.sort} strings={strings} locale={locale} />
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
          <LeaderboardHead
            dimension={dimension}
            sort={request.sort}
            compare={compare}
            onSort={onSort}
            strings={strings}
          />
          <tbody>
            {top?.rows.map((row) => (
              <LeaderboardRow
                key={row.key}
                row={row}
                dimension={dimension}
                compare={compare}
                onDrill={onDrill}
                locale={locale}
              />
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
