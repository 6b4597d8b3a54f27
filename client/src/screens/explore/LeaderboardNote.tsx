import { formatMoneyCompact, type Locale, type TopSort } from '@gmv-pulse/shared'
import { useCampaignQuery } from '../../data/queries.ts'
import type { ExplorerStrings } from './strings.ts'

/**
 * Beside the leaderboard's title: how to drill down or, ranked by growth, which keys that order
 * covers (those with the campaign's growth base last year; the rest follow by GMV).
 */
export function LeaderboardNote({
  sort,
  strings,
  locale,
}: {
  sort: TopSort
  strings: ExplorerStrings
  locale: Locale
}) {
  const growthBase = useCampaignQuery().data?.thresholds.growthBase
  const text =
    sort === 'growth' && growthBase
      ? strings.growthBaseNote.replace('{base}', formatMoneyCompact(growthBase, locale))
      : strings.drillHint
  return (
    <span className="muted" data-testid="leaderboard-note">
      {text}
    </span>
  )
}
