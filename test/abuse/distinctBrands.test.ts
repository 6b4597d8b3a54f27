/**
 * Attack: 200 sockets, each on a brand of its own, held open. Before the fix every distinct
 * filter was computed each tick in one sequence, the overview was 14 s stale and reads took
 * seconds. Now past LIVE_MAX_FILTERS a new filter is refused in the ack, and the overview is
 * computed first every tick whatever the others cost.
 */
import { expect, test } from 'vitest'
import { onlyTheWallWatched, ordersNow, shutsDownInTime, wallUnderAttack } from './lib/wallUnderAttack.ts'

const BRANDS = 400

test('200 sockets on distinct brands: admitted up to the cap and refused past it, the wall keeps up, all forgotten once gone', async () => {
  let watchedWhileHeld = 0
  const attack = await wallUnderAttack({
    orders: ordersNow(20_000, 2, BRANDS),
    attack: { name: 'crowd' },
    onHolding: (server) => {
      watchedWhileHeld = server.hub.stats.watchedFilters
    },
  })
  const { report } = attack
  // LIVE_MAX_FILTERS (64 by default) counts the wall's overview too: 63 brands admitted, 137 refused.
  expect(report.statuses).toEqual({ 200: 63, 429: 137 })
  expect(report.codes).toEqual(['rate_limited'])
  expect(watchedWhileHeld).toBe(64)
  await onlyTheWallWatched(attack.server)
  await shutsDownInTime(attack)
})
