import { campaignNow, filterKey, formatMoneyCompact, fromFen, type Locale, type WallScene } from '@gmv-pulse/shared'
import { useCallback, useDeferredValue, useMemo, useReducer } from 'react'
import type { FreshnessInput } from '../../data/freshness.ts'
import { useCampaignQuery, useSummaryQuery } from '../../data/queries.ts'
import { useLiveSocket, useLiveSubscription } from '../../data/useLiveSnapshot.ts'
import { commandOfState, INITIAL_SCENE, reduceScene, sceneFilter } from './scene.ts'
import { WALL_STRINGS } from './strings.ts'
import { useMilestoneToasts } from './useMilestoneToasts.ts'
import { useShownSnapshot } from './useShownSnapshot.ts'
import { useToasts } from './useToasts.ts'
import { useCurveHistory, useSnapshotCharts } from './useWallCharts.ts'
import { useWallLink } from './useWallLink.ts'

const DEFAULT_TICK_MS = 1000

/**
 * Everything the wall shows, in one place: the scene the remote control set, the live
 * snapshot of its filter (held while frozen), the charts, the freshness, the toasts.
 */
export function useWall(locale: Locale) {
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
  const [toasts, pushToast] = useToasts()
  const snapshot = useShownSnapshot(live.snapshot, sceneState.frozen, key)
  // The panels follow a render behind the number: React commits the centre figure first, then
  // builds every chart's option and panel from the same snapshot in a render of their own. On
  // a fresh page that first render of every panel held the first number back by 400 ms.
  const panelSnapshot = useDeferredValue(snapshot)
  const timeZone = campaign?.timeZone ?? 'Asia/Shanghai'
  // The campaign clock when the numbers shown were computed: the day a peak's time is told
  // against. The running clock and the freshness badge live in the header (WallHeader), the
  // one part of the wall that re-renders between snapshots.
  const computedAt = panelSnapshot?.computedAt
  const snapshotClock = campaignNow(campaign, computedAt ? Date.parse(computedAt) : undefined)
  const tickMs = snapshot?.tickMs ?? campaign?.tickMs ?? DEFAULT_TICK_MS
  useMilestoneToasts(snapshot, campaign, locale, timeZone, strings, pushToast)
  const onCorrection = useCallback(
    (fen: bigint) =>
      pushToast({ tone: 'correction', text: `${strings.correction}: −${formatMoneyCompact(fromFen(fen), locale)}` }),
    [pushToast, strings, locale],
  )
  const charts = useSnapshotCharts(panelSnapshot, locale, strings, timeZone)
  const curve = useCurveHistory(filter, panelSnapshot, locale, strings, timeZone)

  const gmv = snapshot?.gmv ?? summary?.gmv ?? null
  const asOf = snapshot?.asOf ?? summary?.asOf ?? null
  const freshnessInput: Omit<FreshnessInput, 'now'> = useMemo(
    () => ({
      connected: live.connected,
      lastReceivedAt: live.lastReceivedAt,
      tickMs,
      serverStale: snapshot?.stale ?? false,
      ageSeconds: snapshot?.ageSeconds ?? 0,
      roundTripMs,
    }),
    [live.connected, live.lastReceivedAt, tickMs, snapshot?.stale, snapshot?.ageSeconds, roundTripMs],
  )
  return {
    strings,
    sceneState,
    key,
    campaign,
    summary,
    snapshot,
    panelSnapshot,
    timeZone,
    snapshotClock,
    tickMs,
    onCorrection,
    charts,
    curve,
    gmv,
    asOf,
    freshnessInput,
    toasts,
  }
}
