import {
  type FilterDimension,
  formatCount,
  formatGrowth,
  formatMoneyCompact,
  formatMoneyExact,
  formatShare,
  keyLabel,
  type Locale,
  type TopRow,
} from '@gmv-pulse/shared'

/** One key of a leaderboard; a click (or the name's button, by keyboard) drills into it. */
export function LeaderboardRow({
  row,
  dimension,
  compare,
  onDrill,
  locale,
}: {
  row: TopRow
  dimension: FilterDimension
  compare: boolean
  onDrill: (dimension: FilterDimension, key: string) => void
  locale: Locale
}) {
  return (
    <tr
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
  )
}
