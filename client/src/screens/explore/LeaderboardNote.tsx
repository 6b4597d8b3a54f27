import { type Locale, type TopSort, thresholdAmount } from '@gmv-pulse/shared'
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
  const campaign = useCampaignQuery().data
  // With no last-year window there is no growth to order by: the rows fall back to GMV.
  const text =
    sort === 'growth' && campaign?.lastYear
      ? strings.growthBaseNote.replace('{base}', thresholdAmount(campaign.thresholds.growthBase, locale))
      : strings.drillHint
  return (
    <span className="muted" data-testid="leaderboard-note">
      {text}
    </span>
  )
}
