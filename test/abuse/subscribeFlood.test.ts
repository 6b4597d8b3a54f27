/**
 * Attack: one socket sends 5,000 subscribes, each for another brand, as fast as it can.
 * Before the fix they queued 5,000 full snapshots, the tick walked a Map that kept growing
 * and never ended, the wall's numbers aged a second per second, and SIGTERM hit its deadline.
 */
import { expect, test } from 'vitest'
import { onlyTheWallWatched, shutsDownInTime, wallUnderAttack } from './lib/wallUnderAttack.ts'

const SUBSCRIBES = 5000

test('one socket sending 5,000 subscribes: refused past its budget, cut off past ten times it, the wall keeps up, nothing stays watched', async () => {
  const attack = await wallUnderAttack({ attack: { name: 'flood' } })
  const { report } = attack
  const statuses = report.statuses ?? {}
  // The subscribes within the per-second budget (5; a flood may straddle two seconds) were let
  // through, each answered (200) or superseded by the next (409), as their timing fell; the
  // rest were refused (429) until ten times the budget, when the server cut the socket off;
  // whatever it had not read by then was never answered.
  expect(report.cutOff).toBe(true)
  expect((statuses[200] ?? 0) + (statuses[409] ?? 0)).toBeLessThanOrEqual(2 * 5)
  expect(statuses[429]).toBeGreaterThanOrEqual(45)
  expect(Object.keys(statuses).every((status) => ['200', '409', '429'].includes(status))).toBe(true)
  expect(report.codes.every((code) => code === 'rate_limited' || code === 'bad_request')).toBe(true)
  expect(report.unanswered).toBeGreaterThan(SUBSCRIBES - 100)
  await onlyTheWallWatched(attack.server)
  await shutsDownInTime(attack)
})
