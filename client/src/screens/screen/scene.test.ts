import { type SceneCommand, sceneCommandSchema } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { newlyReached } from './milestones.ts'
import { commandOfState, INITIAL_SCENE, reduceScene, sceneFilter } from './scene.ts'

describe('scene state', () => {
  test('starts on the overview, unfrozen, with no filter', () => {
    expect(INITIAL_SCENE).toEqual({ scene: { kind: 'overview' }, frozen: false, message: '' })
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
    expect(frozen).toEqual({ scene: headline.scene, frozen: true, message: '' })
    expect(reduceScene(frozen, { type: 'unfreeze' }).frozen).toBe(false)
    const announced = reduceScene(headline, { type: 'freeze', message: 'Press conference' })
    expect(announced.message).toBe('Press conference')
    expect(reduceScene(announced, { type: 'unfreeze' })).toEqual({ ...headline, message: '' })
  })
  test('a command from the remote control replaces the whole scene, freeze and banner included', () => {
    const command = (input: unknown): SceneCommand => sceneCommandSchema.parse(input)
    const frozenBrand = reduceScene(INITIAL_SCENE, {
      type: 'apply',
      command: command({ scene: 'spotlight', dimension: 'brand', value: 'Nike', frozen: true, message: 'Hold on' }),
    })
    expect(frozenBrand).toEqual({
      scene: { kind: 'spotlight', dimension: 'brand', value: 'Nike' },
      frozen: true,
      message: 'Hold on',
    })
    expect(sceneFilter(frozenBrand)).toEqual({ brand: 'Nike' })
    const released = reduceScene(frozenBrand, { type: 'apply', command: command({ scene: 'overview' }) })
    expect(released).toEqual(INITIAL_SCENE)
    const headline = reduceScene(released, { type: 'apply', command: command({ scene: 'headline', title: 'Record' }) })
    expect(headline.scene).toEqual({ kind: 'headline', title: 'Record', body: '' })
  })
  test('applying the scene the wall already shows keeps the same state object', () => {
    const command = sceneCommandSchema.parse({ scene: 'spotlight', dimension: 'region', value: 'CN-ZJ' })
    const once = reduceScene(INITIAL_SCENE, { type: 'apply', command })
    expect(reduceScene(once, { type: 'apply', command })).toBe(once)
  })
  test('a banner is dropped when the command is not frozen', () => {
    const command = sceneCommandSchema.parse({ scene: 'overview', message: 'ignored while live' })
    expect(reduceScene(INITIAL_SCENE, { type: 'apply', command }).message).toBe('')
  })
  test('the wall reports its state as the command that would produce it', () => {
    for (const input of [
      { scene: 'overview' },
      { scene: 'spotlight', dimension: 'category', value: 'Beauty', frozen: true, message: 'Live now' },
      { scene: 'headline', title: 'Record', body: '¥4982亿' },
    ]) {
      const command = sceneCommandSchema.parse(input)
      expect(commandOfState(reduceScene(INITIAL_SCENE, { type: 'apply', command }))).toEqual(command)
    }
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
