import { type ScreenStatus, sceneCommandSchema, type WallScene } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { freezeCommand, inStep, lagText, sceneCommand, screenHealth, silentFor } from './controlModel.ts'

const parse = (input: unknown) => sceneCommandSchema.parse(input)

describe('the control buttons', () => {
  test('a scene button sends a whole live scene, which also releases a freeze', () => {
    expect(sceneCommand({ scene: 'spotlight', dimension: 'brand', value: 'Nike' })).toEqual({
      scene: 'spotlight',
      dimension: 'brand',
      value: 'Nike',
      frozen: false,
      message: '',
    })
    expect(parse(sceneCommand({ scene: 'overview' }))).toEqual({ scene: 'overview', frozen: false, message: '' })
  })
  test('freeze keeps the scene and carries the banner; release drops the banner', () => {
    const current = parse({ scene: 'spotlight', dimension: 'region', value: 'CN-ZJ' })
    expect(freezeCommand(current, true, '  Press conference ')).toEqual({
      ...current,
      frozen: true,
      message: 'Press conference',
    })
    expect(freezeCommand({ ...current, frozen: true, message: 'x' }, false, 'x')).toEqual(current)
  })
  test('freezing the scene the server sent leaves out its stamp, which the server would refuse', () => {
    const sent: WallScene = { ...parse({ scene: 'headline', title: 'Record' }), issuedAt: '2020-11-11T00:00:00.000Z' }
    const command = freezeCommand(sent, true, 'Hold')
    expect(command).not.toHaveProperty('issuedAt')
    expect(sceneCommandSchema.safeParse(command).success).toBe(true)
  })
})

describe('the screens table', () => {
  const serverTime = '2020-11-11T00:00:30.000Z'
  const screen = (patch: Partial<ScreenStatus>): ScreenStatus => ({
    id: 'abc',
    label: 'Left',
    lang: 'en',
    viewport: { width: 1920, height: 1080 },
    connectedAt: '2020-11-11T00:00:00.000Z',
    lastSeenAt: '2020-11-11T00:00:28.000Z',
    lagMs: 12,
    scene: null,
    ...patch,
  })
  test('reads a screen as ok, slow, silent, or waiting for its first round trip', () => {
    expect(screenHealth(screen({}), serverTime)).toBe('ok')
    expect(screenHealth(screen({ lagMs: 800 }), serverTime)).toBe('slow')
    expect(screenHealth(screen({ lagMs: null }), serverTime)).toBe('waiting')
    expect(screenHealth(screen({ lastSeenAt: '2020-11-11T00:00:10.000Z' }), serverTime)).toBe('silent')
    expect(silentFor(screen({}), serverTime)).toBe(2)
  })
  test('shows lag in ms, then seconds', () => {
    expect(lagText(null)).toBe('—')
    expect(lagText(12.4)).toBe('12 ms')
    expect(lagText(1340)).toBe('1.3 s')
  })
  test('a screen is in step when it shows what was sent, freeze included', () => {
    const current = parse({ scene: 'spotlight', dimension: 'brand', value: 'Nike', frozen: true, message: 'Hold' })
    expect(inStep(screen({ scene: current }), current)).toBe(true)
    expect(inStep(screen({ scene: { ...current, frozen: false, message: '' } }), current)).toBe(false)
    expect(inStep(screen({ scene: null }), current)).toBe(false)
  })
})
