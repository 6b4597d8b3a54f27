import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { formatMoneyCompact } from '@gmv-pulse/shared'
import { mapRegionOf } from '../map/buildPulseMap.ts'
import type { Position } from '../map/decodeCompressedGeo.ts'
import type { EChartsCoreOption } from './echarts.ts'
import { plotAmount, THEME } from './theme.ts'

/**
 * Where a flow line starts, by brand origin: domestic brands from Hangzhou, the festival's
 * home; overseas brands from a point at sea east of China, standing for "abroad" (the
 * order says overseas, not which country).
 */
export const ORIGIN_POINTS: Readonly<Record<string, Position>> = {
  domestic: [120.15, 30.28],
  overseas: [138, 24],
}
export const DEFAULT_ORIGIN = ORIGIN_POINTS.domestic as Position
/** More lines than this turn the map into noise. */
export const MAX_FLOW_LINES = 15

export interface MapOptionInput {
  mapName: string
  regions: readonly Share[]
  flows: readonly Flow[]
  centers: Readonly<Record<string, Position>>
  locale: Locale
}

/** Provinces and countries coloured by GMV, with flow lines from the origin to the largest buyer regions. */
export function mapOption({ mapName, regions, flows, centers, locale }: MapOptionInput): EChartsCoreOption {
  const byRegion = new Map<string, number>()
  for (const region of regions) {
    const name = mapRegionOf(region.key)
    byRegion.set(name, (byRegion.get(name) ?? 0) + plotAmount(region.gmv))
  }
  const max = Math.max(1, ...byRegion.values())
  const lines = flows
    .map((flow) => ({ flow, from: ORIGIN_POINTS[flow.origin] ?? DEFAULT_ORIGIN, to: centers[flow.region] }))
    // A line needs two ends apart: Hangzhou's own province has no line to draw.
    .filter((line) => line.to !== undefined && !(line.flow.origin !== 'overseas' && line.flow.region === 'CN-ZJ'))
    .sort((a, b) => plotAmount(b.flow.gmv) - plotAmount(a.flow.gmv))
    .slice(0, MAX_FLOW_LINES)
  return {
    animation: false,
    geo: {
      map: mapName,
      roam: false,
      // Asia-Pacific in view with China large; the rest of the world is still drawn at the edges.
      center: [108, 28],
      zoom: 2.2,
      silent: true,
      itemStyle: { areaColor: '#141c2e', borderColor: '#2c3a58', borderWidth: 0.6 },
      emphasis: { disabled: true },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      show: false,
      seriesIndex: 0,
      inRange: { color: ['#1c2740', '#7a3b12', '#ff6a00', '#ffd27a'] },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: [...byRegion].map(([name, value]) => ({ name, value })),
      },
      {
        type: 'lines',
        coordinateSystem: 'geo',
        zlevel: 1,
        // No trail: a trail keeps a motion-blur layer that is repainted in full every frame.
        effect: { show: true, period: 3, trailLength: 0, symbolSize: 6, color: '#ffd27a' },
        lineStyle: { color: THEME.accent, width: 1.5, opacity: 0.5, curveness: 0.25 },
        data: lines.map(({ flow, from, to }) => ({
          coords: [from, to as Position],
          name: `${flow.region} ${formatMoneyCompact(flow.gmv, locale, { fractionDigits: 1 })}`,
        })),
      },
    ],
  }
}
