import { filterKey, type Snapshot } from '@gmv-pulse/shared'
import { useRef } from 'react'

/**
 * The snapshot the wall shows. Frozen, it keeps the one that was on screen when the wall was
 * frozen (or, after a scene change while frozen, the new scene's first one); otherwise the latest.
 */
export function useShownSnapshot(latest: Snapshot | null, frozen: boolean, key: string): Snapshot | null {
  const held = useRef<Snapshot | null>(null)
  // Written during render on purpose: the held snapshot must change in the same render as the scene.
  if (!frozen || held.current === null || filterKey(held.current.filter) !== key) held.current = latest
  return frozen ? held.current : latest
}
