import { describe, expect, test } from 'vitest'
import { describeScene, heartbeatSchema, sceneCommandSchema, screenHelloSchema } from './control.ts'

describe('scene commands', () => {
  test('fill in an unfrozen scene with no banner, and trim the words', () => {
    expect(sceneCommandSchema.parse({ scene: 'overview' })).toEqual({ scene: 'overview', frozen: false, message: '' })
    expect(
      sceneCommandSchema.parse({ scene: 'headline', title: '  Record  ', frozen: true, message: ' Hold ' }),
    ).toEqual({ scene: 'headline', title: 'Record', body: '', frozen: true, message: 'Hold' })
  })
  test('a spotlight takes a brand, a region code or a category, each as the wall would subscribe to it', () => {
    const spotlight = (dimension: string, value: unknown) =>
      sceneCommandSchema.safeParse({ scene: 'spotlight', dimension, value }).success
    expect(spotlight('brand', 'L’Oréal')).toBe(true)
    expect(spotlight('region', 'CN-ZJ')).toBe(true)
    expect(spotlight('region', 'SG')).toBe(true)
    expect(spotlight('category', 'Beauty')).toBe(true)
    expect(spotlight('region', 'Atlantis')).toBe(false)
    expect(spotlight('channel', 'search')).toBe(false)
    expect(spotlight('brand', '')).toBe(false)
    expect(spotlight('brand', 'x'.repeat(129))).toBe(false)
    expect(spotlight('brand', 42)).toBe(false)
  })
  test('refuse unknown scenes, unknown fields, a non-boolean freeze and an over-long banner', () => {
    for (const bad of [
      null,
      'overview',
      {},
      { scene: 'party' },
      { scene: 'overview', extra: true },
      { scene: 'overview', frozen: 'yes' },
      { scene: 'overview', frozen: true, message: 'x'.repeat(141) },
      { scene: 'headline', title: 'x'.repeat(81) },
    ]) {
      expect(sceneCommandSchema.safeParse(bad).success).toBe(false)
    }
  })
  test('read as a few words for the control and the logs', () => {
    const parse = (input: unknown) => sceneCommandSchema.parse(input)
    expect(describeScene(parse({ scene: 'overview' }))).toBe('overview')
    expect(describeScene(parse({ scene: 'spotlight', dimension: 'brand', value: 'Nike', frozen: true }))).toBe(
      'spotlight brand Nike (frozen)',
    )
    expect(describeScene(parse({ scene: 'headline', title: 'Record' }))).toBe('headline “Record”')
  })
})

describe('wall screens', () => {
  const hello = { id: 'a1B2-c3_d4', label: 'Left wall', lang: 'zh-CN', viewport: { width: 3840, height: 2160 } }
  test('introduce themselves with a safe id, a label, a language and a viewport', () => {
    expect(screenHelloSchema.parse(hello)).toEqual(hello)
    expect(screenHelloSchema.safeParse({ ...hello, id: '../../etc' }).success).toBe(false)
    expect(screenHelloSchema.safeParse({ ...hello, label: '   ' }).success).toBe(false)
    expect(screenHelloSchema.safeParse({ ...hello, lang: 'fr' }).success).toBe(false)
    expect(screenHelloSchema.safeParse({ ...hello, viewport: { width: 0, height: 1080 } }).success).toBe(false)
  })
  test('heartbeat with their last round trip, which must be a sane number of milliseconds', () => {
    const beat = { lagMs: 12.5, viewport: hello.viewport, scene: { scene: 'overview' } }
    expect(heartbeatSchema.parse(beat).scene).toEqual({ scene: 'overview', frozen: false, message: '' })
    expect(heartbeatSchema.safeParse({ ...beat, lagMs: null, scene: null }).success).toBe(true)
    for (const lagMs of [-1, 60_001, Number.NaN, '5']) {
      expect(heartbeatSchema.safeParse({ ...beat, lagMs }).success).toBe(false)
    }
  })
})
