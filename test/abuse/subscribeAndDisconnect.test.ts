/**
 * Attack: sockets that subscribe and disconnect before the answer, twenty at a time, again
 * and again. Before the fix each left its filter watched forever (the room joined after the
 * socket had gone), and twenty of them kept six computations a second running for nobody.
 */
import { expect, test } from 'vitest'
import { onlyTheWallWatched, shutsDownInTime, wallUnderAttack } from './lib/wallUnderAttack.ts'

test('twenty subscribe-and-disconnect sockets, wave after wave: the wall keeps up, nothing stays watched, shutdown is on time', async () => {
  const attack = await wallUnderAttack({ attack: { name: 'leakers' } })
  expect(attack.report.rounds).toBeGreaterThan(5)
  await onlyTheWallWatched(attack.server)
  await shutsDownInTime(attack)
})
