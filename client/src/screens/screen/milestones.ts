import type { Milestone } from '@gmv-pulse/shared'

/**
 * Milestones to announce: those reached since the previous snapshot. On the first snapshot
 * (a screen opened mid-campaign) only a milestone reached within `recentMs` is announced,
 * so a reload does not replay the night's toasts.
 */
export function newlyReached(
  previous: readonly Milestone[] | null,
  next: readonly Milestone[],
  now: number,
  recentMs: number,
): Milestone[] {
  if (previous === null) {
    return next.filter((milestone) => milestone.reachedAt !== null && now - Date.parse(milestone.reachedAt) <= recentMs)
  }
  const reachedBefore = new Set(previous.filter((m) => m.reachedAt !== null).map((m) => m.threshold))
  return next.filter((milestone) => milestone.reachedAt !== null && !reachedBefore.has(milestone.threshold))
}
