import {
  type Campaign,
  campaignNow,
  filterKey,
  formatMoment,
  formatMoneyCompact,
  type Locale,
  type Snapshot,
} from '@gmv-pulse/shared'
import { useEffect, useRef } from 'react'
import { newlyReached } from './milestones.ts'
import type { Strings } from './strings.ts'
import type { Toast } from './Toasts.tsx'

/** A milestone reached within this long of the campaign clock is announced; an older one is history. */
const FRESH_MILESTONE_MS = 60_000

/** Announces each milestone as the snapshots reach it, once; a new spotlight announces its own afresh. */
export function useMilestoneToasts(
  snapshot: Snapshot | null,
  campaign: Campaign | undefined,
  locale: Locale,
  timeZone: string,
  strings: Strings,
  pushToast: (toast: Omit<Toast, 'id'>) => void,
): void {
  const previous = useRef<{ key: string; milestones: Snapshot['milestones'] } | null>(null)
  useEffect(() => {
    if (!snapshot) return
    const key = filterKey(snapshot.filter)
    const before = previous.current?.key === key ? previous.current.milestones : null
    const clockNow = campaignNow(campaign)
    for (const milestone of newlyReached(before, snapshot.milestones, clockNow, FRESH_MILESTONE_MS)) {
      const amount = formatMoneyCompact(milestone.threshold, locale, { fractionDigits: 0 })
      const at = milestone.reachedAt ? formatMoment(milestone.reachedAt, timeZone, locale, clockNow) : ''
      pushToast({ tone: 'milestone', text: `${amount} ${strings.reachedAt} ${at}` })
    }
    previous.current = { key, milestones: snapshot.milestones }
  }, [snapshot, campaign, locale, timeZone, strings, pushToast])
}
