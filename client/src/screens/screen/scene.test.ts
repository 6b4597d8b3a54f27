import { describe, expect, test } from 'vitest'
import { newlyReached } from './milestones.ts'
import { INITIAL_SCENE, reduceScene, sceneFilter } from './scene.ts'

describe('scene state', () => {
  test('starts on the overview, unfrozen, with no filter', () => {
    expect(INITIAL_SCENE).toEqual({ scene: { kind: 'overview' }, frozen: false })
    expect(sceneFilter(INITIAL_SCENE)).toEqual({})
  })
  test('a spotlight narrows the live filter to its dimension', () => {
    const state = reduceScene(INITIAL_SCENE, { type: 'spotlight', dimension: 'region', value: 'CN-ZJ' })
    expect(sceneFilter(state)).toEqual({ region: 'CN-ZJ' })
    expect(sceneFilter(reduceScene(state, { type: 'overview' }))).toEqual({})
  })
  test('freezing keeps the scene and unfreezing resumes it', () => {
    const headline = reduceScene(INITIAL_SCENE, { type: 'headline', title: 'Record', body: '¥4982亿' })
    const frozen = reduceScene(headline, { type: 'freeze' })
    expect(frozen).toEqual({ scene: headline.scene, frozen: true })
    expect(reduceScene(frozen, { type: 'unfreeze' }).frozen).toBe(false)
  })
})

describe('milestone toasts', () => {
  const reached = (threshold: string, reachedAt: string | null) => ({ label: threshold, threshold, reachedAt })
  const now = Date.parse('2020-11-10T16:10:00Z')
  test('announce a milestone the moment it is reached', () => {
    const before = [reached('100.00', null)]
    const after = [reached('100.00', '2020-11-10T16:09:59Z')]
    expect(newlyReached(before, after, now, 60_000)).toEqual(after)
    expect(newlyReached(after, after, now, 60_000)).toEqual([])
  })
  test('a reload announces only what was reached in the last minute', () => {
    const next = [reached('100.00', '2020-11-10T16:00:00Z'), reached('200.00', '2020-11-10T16:09:30Z')]
    expect(newlyReached(null, next, now, 60_000).map((m) => m.threshold)).toEqual(['200.00'])
  })
})
