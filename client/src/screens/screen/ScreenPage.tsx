import {
  campaignNow,
  filterKey,
  formatClock,
  formatCount,
  formatGrowth,
  formatMoment,
  formatMoneyCompact,
  formatShare,
  formatUsdFromCny,
  fromFen,
  keyLabel,
  type Locale,
  type Snapshot,
  thresholdLabel,
  type WallScene,
} from '@gmv-pulse/shared'
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import { categoriesOption } from '../../charts/categoriesOption.ts'
import { gmvCurveOption } from '../../charts/gmvCurveOption.ts'
import { ordersPerSecondOption } from '../../charts/ordersPerSecondOption.ts'
import { channelsOption } from '../../charts/sharesOptions.ts'
import { topBrandsOption } from '../../charts/topBrandsOption.ts'
import { freshness } from '../../data/freshness.ts'
import { withLiveTotal } from '../../data/liveCurve.ts'
import { useCampaignQuery, useCurveQuery, useSummaryQuery } from '../../data/queries.ts'
import { useLiveSocket, useLiveSubscription } from '../../data/useLiveSnapshot.ts'
import { FreshnessBadge } from '../../ui/FreshnessBadge.tsx'
import { useNow } from '../../ui/useNow.ts'
import { Counters } from './Counters.tsx'
import { GmvTicker } from './GmvTicker.tsx'
import { HeadlineCard } from './HeadlineCard.tsx'
import { MapPanel } from './MapPanel.tsx'
import { newlyReached } from './milestones.ts'
import { Panel } from './Panel.tsx'
import { commandOfState, INITIAL_SCENE, reduceScene, type SceneState, sceneFilter } from './scene.ts'
import { WALL_STRINGS } from './strings.ts'
import { Toasts } from './Toasts.tsx'
import { useToasts } from './useToasts.ts'
import { useWallLink } from './useWallLink.ts'
import './scene.css'

const DEFAULT_TICK_MS = 1000

export function ScreenPage({ locale }: { locale: Locale }) {
  const strings = WALL_STRINGS[locale]
  // The remote control (/control) drives the scene; one socket carries its commands and the snapshots.
  const socket = useLiveSocket()
  const [sceneState, dispatch] = useReducer(reduceScene, INITIAL_SCENE)
  const shown = useMemo(() => commandOfState(sceneState), [sceneState])
  const applyScene = useCallback((scene: WallScene) => dispatch({ type: 'apply', command: scene }), [])
  const roundTripMs = useWallLink(socket, locale, shown, applyScene)
  const filter = useMemo(() => sceneFilter(sceneState), [sceneState])
  const key = filterKey(filter)
  const campaign = useCampaignQuery().data
  const summaryQuery = useSummaryQuery(filter)
  // Another filter's figures must never stand under this scene's label, not even while loading.
  const summary = summaryQuery.isPlaceholderData ? undefined : summaryQuery.data
  const live = useLiveSubscription(socket, filter)
  // Freshness is on the wall clock; the clock shown, the peak's and milestones' day, on the campaign's.
  const now = useNow(500)
  const [toasts, pushToast] = useToasts()

  // Frozen: keep showing the snapshot that was on screen when the wall was frozen (or, after
  // a scene change while frozen, the new scene's first one).
  const frozenSnapshot = useRef<Snapshot | null>(null)
  const held = frozenSnapshot.current
  if (!sceneState.frozen || held === null || filterKey(held.filter) !== key) frozenSnapshot.current = live.snapshot
  const snapshot = sceneState.frozen ? frozenSnapshot.current : live.snapshot

  const timeZone = campaign?.timeZone ?? 'Asia/Shanghai'
  const campaignClock = campaignNow(campaign, now)
  const tickMs = snapshot?.tickMs ?? campaign?.tickMs ?? DEFAULT_TICK_MS
  const usdRate = campaign?.usdRate

  // Milestones belong to one filter: a new spotlight announces its own afresh.
  const previousMilestones = useRef<{ key: string; milestones: Snapshot['milestones'] } | null>(null)
  useEffect(() => {
    if (!snapshot) return
    const snapshotKey = filterKey(snapshot.filter)
    const previous = previousMilestones.current?.key === snapshotKey ? previousMilestones.current.milestones : null
    const clockNow = campaignNow(campaign)
    for (const milestone of newlyReached(previous, snapshot.milestones, clockNow, 60_000)) {
      const amount = formatMoneyCompact(milestone.threshold, locale, { fractionDigits: 0 })
      const at = milestone.reachedAt ? formatMoment(milestone.reachedAt, timeZone, locale, clockNow) : ''
      pushToast({ tone: 'milestone', text: `${amount} ${strings.reachedAt} ${at}` })
    }
    previousMilestones.current = { key: snapshotKey, milestones: snapshot.milestones }
  }, [snapshot, campaign, locale, timeZone, strings, pushToast])

  const onCorrection = useCallback(
    (fen: bigint) =>
      pushToast({ tone: 'correction', text: `${strings.correction}: −${formatMoneyCompact(fromFen(fen), locale)}` }),
    [pushToast, strings, locale],
  )

  const gmv = snapshot?.gmv ?? summary?.gmv ?? null
  const asOf = snapshot?.asOf ?? summary?.asOf ?? null
  const badge = freshness({
    connected: live.connected,
    lastReceivedAt: live.lastReceivedAt,
    now,
    tickMs,
    serverStale: snapshot?.stale ?? false,
    ageSeconds: snapshot?.ageSeconds ?? 0,
    roundTripMs,
  })

  const options = useMemo(() => {
    if (!snapshot) return null
    return {
      ordersPerSecond: ordersPerSecondOption(snapshot.ordersPerSecond, snapshot.peak, locale, timeZone),
      // A figure the store keeps no rollup for under this spotlight comes as null: say so.
      topBrands: snapshot.topBrands ? topBrandsOption(snapshot.topBrands, locale, strings.newEntry) : null,
      channels: snapshot.channels ? channelsOption(snapshot.channels, locale) : null,
      categories: snapshot.categories ? categoriesOption(snapshot.categories, locale) : null,
    }
  }, [snapshot, locale, strings, timeZone])
  // The whole campaign so far from the server, with this filter's live total as its newest point.
  const curveQuery = useCurveQuery(filter)
  const curveOption = useMemo(
    () =>
      gmvCurveOption(
        withLiveTotal(curveQuery.data, snapshot && filterKey(snapshot.filter) === key ? snapshot : null),
        locale,
        { thisYear: strings.thisYear, lastYear: strings.lastYear },
        timeZone,
      ),
    [curveQuery.data, snapshot, key, locale, strings, timeZone],
  )
  const livestream = snapshot?.channels?.find((channel) => channel.key === 'livestream')
  const panel = { timeZone, strings, asOf }
  // A new filter is a new number: count up from it, never down from the previous scene's.
  const ticker =
    gmv !== null ? (
      <GmvTicker key={key} target={gmv} tickMs={tickMs} locale={locale} onCorrection={onCorrection} />
    ) : (
      <div className="ticker ticker-empty">—</div>
    )
  const scene = sceneState.scene

  return (
    <div className="screen">
      <header className="screen-head">
        <div className="brand-mark">
          {strings.title} · {campaign?.name ?? '11.11'}
        </div>
        {scene.kind === 'spotlight' ? (
          <div className="spotlight-label" data-testid="spotlight" data-value={scene.value}>
            {strings.spotlight} · {strings[scene.dimension]}: {spotlightValue(sceneState, locale)}
          </div>
        ) : null}
        <div className="clock">{formatClock(campaignClock, timeZone)}</div>
        <FreshnessBadge state={badge} locale={locale} frozen={sceneState.frozen} />
      </header>

      {scene.kind === 'headline' ? (
        <HeadlineCard
          title={scene.title}
          body={scene.body}
          ticker={ticker}
          snapshot={snapshot}
          usdRate={usdRate}
          locale={locale}
          strings={strings}
          timeZone={timeZone}
        />
      ) : (
        <>
          <div className="col col-left">
            <Panel title={strings.topBrands} className="panel-brands" {...panel}>
              {options?.topBrands ? (
                <Chart option={options.topBrands} locale={locale} label={strings.topBrands} />
              ) : (
                <Empty text={options ? strings.notKept : strings.noData} />
              )}
            </Panel>
            <Panel title={strings.categories} className="panel-categories" {...panel}>
              {options?.categories ? (
                <Chart option={options.categories} locale={locale} label={strings.categories} />
              ) : (
                <Empty text={options ? strings.notKept : strings.noData} />
              )}
            </Panel>
          </div>

          <div className="col col-centre">
            <section className="hero">
              {/* Beside the title, as on every panel: the figures' line below keeps its width for them. */}
              <span className="as-of hero-as-of">
                {strings.asOf} {asOf ? formatClock(asOf, timeZone) : '—'}
              </span>
              <div className="hero-label">{strings.gmv}</div>
              {ticker}
              <div className="hero-sub">
                <span data-testid="gmv-compact">{gmv ? formatMoneyCompact(gmv, locale) : '—'}</span>
                <span className="usd">{gmv && usdRate ? `≈ ${formatUsdFromCny(gmv, usdRate, locale)}` : ''}</span>
                <span data-testid="hero-orders" data-value={snapshot?.orders ?? summary?.orders ?? ''}>
                  {strings.orders} {formatCount(snapshot?.orders ?? summary?.orders ?? 0, locale)}
                </span>
                <span
                  className={`growth ${(snapshot?.lastYear?.growthPercent ?? 0) >= 0 ? 'up' : 'down'}`}
                  data-testid="hero-growth"
                >
                  {strings.growth} {formatGrowth(snapshot?.lastYear?.growthPercent ?? null, locale)}
                </span>
              </div>
            </section>
            <Panel title={strings.map} className="panel-map" {...panel}>
              {snapshot && snapshot.regions === null ? (
                <Empty text={strings.notKept} />
              ) : (
                <MapPanel
                  regions={snapshot?.regions ?? []}
                  flows={snapshot?.flows ?? []}
                  locale={locale}
                  label={strings.map}
                  overseasTitle={strings.overseasBuyers}
                />
              )}
            </Panel>
          </div>

          <div className="col col-right">
            <Panel
              title={strings.ordersPerSecond}
              className="panel-ops"
              aside={
                <span className="peak" data-testid="peak">
                  {strings.peak} {snapshot?.peak ? formatCount(snapshot.peak.ordersPerSecond, locale) : '—'}
                  {snapshot?.peak?.at ? ` · ${formatMoment(snapshot.peak.at, timeZone, locale, campaignClock)}` : ''}
                </span>
              }
              {...panel}
            >
              {options ? (
                <Chart option={options.ordersPerSecond} locale={locale} label={strings.ordersPerSecond} />
              ) : (
                <Empty text={strings.noData} />
              )}
            </Panel>
            <Panel title={strings.curve} className="panel-curve" {...panel}>
              <Chart option={curveOption} locale={locale} label={strings.curve} />
            </Panel>
            <Panel
              title={strings.channels}
              className="panel-channels"
              aside={
                <span className="peak">
                  {strings.livestreamShare} {livestream ? formatShare(livestream.share, locale) : '—'}
                </span>
              }
              {...panel}
            >
              {options?.channels ? (
                <Chart option={options.channels} locale={locale} label={strings.channels} />
              ) : (
                <Empty text={options ? strings.notKept : strings.noData} />
              )}
            </Panel>
          </div>
        </>
      )}

      <footer className="screen-foot">
        <Counters
          locale={locale}
          counters={[
            {
              label: campaign ? thresholdLabel('liveRooms', campaign.thresholds.liveRoomGmv, locale) : '',
              value: snapshot ? snapshot.liveRoomsAboveThreshold : 0,
              testId: 'live-rooms',
            },
            {
              label: campaign ? thresholdLabel('brands', campaign.thresholds.brandGmv, locale) : '',
              value: snapshot ? snapshot.brandsAboveThreshold : 0,
              testId: 'brands-above',
            },
            {
              label: strings.participatingBrands,
              value: snapshot ? snapshot.participatingBrands : 0,
              testId: 'participating',
            },
            { label: strings.overseasBrands, value: snapshot ? snapshot.overseasBrands : 0, testId: 'overseas' },
          ]}
        />
      </footer>
      {sceneState.frozen && sceneState.message ? (
        <div className="freeze-banner" data-testid="freeze-banner" role="status">
          {sceneState.message}
        </div>
      ) : null}
      <Toasts toasts={toasts} />
    </div>
  )
}

/** A spotlighted value by its name on the wall (a province, a category); brands as sent. */
function spotlightValue(state: SceneState, locale: Locale): string {
  if (state.scene.kind !== 'spotlight') return ''
  return keyLabel(state.scene.dimension, state.scene.value, locale)
}

function Empty({ text }: { text: string }) {
  return <div className="empty">{text}</div>
}
