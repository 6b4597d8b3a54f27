import type { Locale } from '@gmv-pulse/shared'
import { GmvTicker } from './GmvTicker.tsx'
import { HeadlineCard } from './HeadlineCard.tsx'
import { Hero } from './Hero.tsx'
import { LeftColumn } from './LeftColumn.tsx'
import { MapColumnPanel } from './MapColumnPanel.tsx'
import { RightColumn } from './RightColumn.tsx'
import { Toasts } from './Toasts.tsx'
import { useWall } from './useWall.ts'
import { WallCounters } from './WallCounters.tsx'
import { WallHeader } from './WallHeader.tsx'
import './scene.css'

/** The war-room wall: the scene the remote control sets, over the live snapshots of its filter. */
export function ScreenPage({ locale }: { locale: Locale }) {
  const wall = useWall(locale)
  const { strings, snapshot, panelSnapshot, timeZone, gmv, asOf } = wall
  const panel = { timeZone, strings, asOf }
  const text = { locale, strings }
  // A new filter is a new number: count up from it, never down from the previous scene's.
  const ticker =
    gmv !== null ? (
      <GmvTicker key={wall.key} target={gmv} tickMs={wall.tickMs} locale={locale} onCorrection={wall.onCorrection} />
    ) : (
      <div className="ticker ticker-empty">—</div>
    )
  const { scene } = wall.sceneState

  return (
    <div className="screen">
      <WallHeader
        campaign={wall.campaign}
        sceneState={wall.sceneState}
        timeZone={timeZone}
        freshnessInput={wall.freshnessInput}
        {...text}
      />
      {scene.kind === 'headline' ? (
        <HeadlineCard
          title={scene.title}
          body={scene.body}
          ticker={ticker}
          snapshot={panelSnapshot}
          usdRate={wall.campaign?.usdRate}
          timeZone={timeZone}
          {...text}
        />
      ) : (
        <>
          <LeftColumn charts={wall.charts} panel={panel} {...text} />
          <div className="col col-centre">
            <Hero
              ticker={ticker}
              gmv={gmv}
              orders={snapshot?.orders ?? wall.summary?.orders ?? null}
              growthPercent={snapshot?.lastYear?.growthPercent ?? null}
              usdRate={wall.campaign?.usdRate}
              asOf={asOf}
              timeZone={timeZone}
              {...text}
            />
            <MapColumnPanel snapshot={panelSnapshot} panel={panel} {...text} />
          </div>
          <RightColumn
            snapshot={panelSnapshot}
            charts={wall.charts}
            curve={wall.curve}
            clock={wall.snapshotClock}
            panel={panel}
            {...text}
          />
        </>
      )}
      <WallCounters snapshot={panelSnapshot} campaign={wall.campaign} {...text} />
      {wall.sceneState.frozen && wall.sceneState.message ? (
        <div className="freeze-banner" data-testid="freeze-banner" role="status">
          {wall.sceneState.message}
        </div>
      ) : null}
      <Toasts toasts={wall.toasts} />
    </div>
  )
}
