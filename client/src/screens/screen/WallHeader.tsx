import { type Campaign, campaignNow, formatClock, keyLabel, type Locale } from '@gmv-pulse/shared'
import { type FreshnessInput, freshness } from '../../data/freshness.ts'
import { FreshnessBadge } from '../../ui/FreshnessBadge.tsx'
import { useNow } from '../../ui/useNow.ts'
import type { SceneState } from './scene.ts'
import type { Strings } from './strings.ts'

/**
 * The wall's top line: the campaign, what the spotlight shows, the campaign clock and freshness.
 * The one part of the wall that changes between snapshots, so the only one the clock re-renders
 * twice a second: freshness is on the wall clock, the clock shown on the campaign's.
 */
export function WallHeader({
  campaign,
  sceneState,
  timeZone,
  freshnessInput,
  locale,
  strings,
}: {
  campaign: Campaign | undefined
  sceneState: SceneState
  timeZone: string
  freshnessInput: Omit<FreshnessInput, 'now'>
  locale: Locale
  strings: Strings
}) {
  const now = useNow(500)
  const badge = freshness({ ...freshnessInput, now })
  const { scene } = sceneState
  return (
    <header className="screen-head">
      <div className="brand-mark">
        {strings.title} · {campaign?.name ?? '11.11'}
      </div>
      {scene.kind === 'spotlight' ? (
        <div className="spotlight-label" data-testid="spotlight" data-value={scene.value}>
          {/* A spotlighted value by its name on the wall, in the page's script (a province, a category, a brand). */}
          {strings.spotlight} · {strings[scene.dimension]}: {keyLabel(scene.dimension, scene.value, locale)}
        </div>
      ) : null}
      <div className="clock">{formatClock(campaignNow(campaign, now), timeZone)}</div>
      <FreshnessBadge state={badge} locale={locale} frozen={sceneState.frozen} />
    </header>
  )
}
