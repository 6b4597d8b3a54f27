import type { Filter, Locale } from '@gmv-pulse/shared'
import { useEffect, useRef } from 'react'
import { freshness } from '../../data/freshness.ts'
import { useLiveSnapshot } from '../../data/useLiveSnapshot.ts'
import { FreshnessBadge } from '../../ui/FreshnessBadge.tsx'
import { useNow } from '../../ui/useNow.ts'

/**
 * An analyst's REST views follow live at this pace: each refresh runs the filtered queries
 * again, and a chart of minutes or hours does not need a new point every one-second tick.
 */
export const LIVE_REFRESH_MS = 5000

/**
 * Follows the campaign live: a socket subscription with the explorer's filter (the wall's
 * hook), whose snapshots tell when new orders have been counted; the views are refreshed at
 * most every LIVE_REFRESH_MS when they have.
 */
export function LiveFollower({ filter, locale, onAdvance }: { filter: Filter; locale: Locale; onAdvance: () => void }) {
  const live = useLiveSnapshot(filter)
  const now = useNow(1000)
  const lastAsOf = useRef<string | null>(null)
  const pending = useRef(false)
  const asOf = live.snapshot?.asOf ?? null

  useEffect(() => {
    if (asOf === null || asOf === lastAsOf.current) return
    // The first snapshot only tells what the page has just loaded.
    if (lastAsOf.current !== null) pending.current = true
    lastAsOf.current = asOf
  }, [asOf])

  useEffect(() => {
    const timer = setInterval(() => {
      if (!pending.current) return
      pending.current = false
      onAdvance()
    }, LIVE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [onAdvance])

  const state = freshness({
    connected: live.connected,
    lastReceivedAt: live.lastReceivedAt,
    now,
    tickMs: live.snapshot?.tickMs ?? 1000,
    serverStale: live.snapshot?.stale ?? false,
    ageSeconds: live.snapshot?.ageSeconds ?? 0,
    // The explorer keeps no heartbeat: its badge allows no round trip beyond the ticks.
    roundTripMs: null,
  })
  return <FreshnessBadge state={state} locale={locale} frozen={false} />
}
