import type { FilterDimension, TopSort } from '@gmv-pulse/shared'
import type { ExplorerStrings } from './strings.ts'

/** The leaderboard's columns; those it can be sorted by are buttons, the current sort marked. */
export function LeaderboardHead({
  dimension,
  sort,
  compare,
  onSort,
  strings,
}: {
  dimension: FilterDimension
  sort: TopSort
  compare: boolean
  onSort: (sort: TopSort) => void
  strings: ExplorerStrings
}) {
  const header = (by: TopSort | null, label: string, key: string) => (
    <th key={key} className="num" aria-sort={by === sort ? 'descending' : undefined}>
      {by ? (
        <button
          type="button"
          className={by === sort ? 'sort sorted' : 'sort'}
          data-testid={`sort-${key}`}
          onClick={() => onSort(by)}
        >
          {label}
          {by === sort && key !== 'share' ? ' ▼' : ''}
        </button>
      ) : (
        label
      )}
    </th>
  )
  return (
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
  )
}
