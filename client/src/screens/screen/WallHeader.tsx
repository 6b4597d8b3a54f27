import { formatClock, keyLabel, type Locale } from '@gmv-pulse/shared'
import type { Freshness } from '../../data/freshness.ts'
import { FreshnessBadge } from '../../ui/FreshnessBadge.tsx'
import type { SceneState } from './scene.ts'
import type { Strings } from './strings.ts'

/** The wall's top line: the campaign, what the spotlight shows, the campaign clock and freshness. */
export function WallHeader({
  campaignName,
  sceneState,
  clock,
  timeZone,
  badge,
  locale,
  strings,
}: {
  campaignName: string
  sceneState: SceneState
  clock: number
  timeZone: string
  badge: Freshness
  locale: Locale
  strings: Strings
}) {
  const { scene } = sceneState
  return (
    <header className="screen-head">
      <div className="brand-mark">
        {strings.title} · {campaignName}
      </div>
      {scene.kind === 'spotlight' ? (
        <div className="spotlight-label" data-testid="spotlight" data-value={scene.value}>
          {/* A spotlighted value by its name on the wall, in the page's script (a province, a category, a brand). */}
          {strings.spotlight} · {strings[scene.dimension]}: {keyLabel(scene.dimension, scene.value, locale)}
        </div>
      ) : null}
      <div className="clock">{formatClock(clock, timeZone)}</div>
      <FreshnessBadge state={badge} locale={locale} frozen={sceneState.frozen} />
    </header>
  )
}
