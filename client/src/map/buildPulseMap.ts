import { CHINA_PROVINCES, type ChinaProvinceCode } from '@gmv-pulse/shared'
import simplify from 'simplify-js'
import { type CompressedGeometry, decodeGeometry, type Position } from './decodeCompressedGeo.ts'

/** A GeoJSON feature named by GMV Pulse region code (CN-ZJ, SG), as the map series expects. */
export interface PulseFeature {
  type: 'Feature'
  properties: { name: string }
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] }
}

export interface PulseMap {
  geoJson: { type: 'FeatureCollection'; features: PulseFeature[] }
  /** Where flow lines end for each region: the province capital or a country's largest polygon centre. */
  centers: Record<string, Position>
}

export interface ChinaFeature {
  id: string
  properties: { name: string; cp?: Position }
  geometry: CompressedGeometry
}

const provinceByZhName = new Map(
  (Object.entries(CHINA_PROVINCES) as [ChinaProvinceCode, { zh: string }][]).map(([code, names]) => [names.zh, code]),
)

// Rounding to 0.01° (about 1 km) is far below a pixel on the wall and keeps the merged map light.
const round = ([x, y]: Position): Position => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]

/**
 * Outlines are simplified (Douglas–Peucker) to within 0.05°: China spans about 62° of
 * longitude over the map panel's ~700 CSS pixels, so that is half a pixel at 1080p and about
 * one at 4K. It keeps a third of the 16,000 points, and the map's redraw (every outline
 * rebuilt and filled) is the wall's dearest chart update.
 */
export const OUTLINE_TOLERANCE_DEGREES = 0.05

/** A ring within the tolerance; a small island it would collapse is kept as it is (it costs nothing). */
function simplifyRing(ring: Position[]): Position[] {
  const simpler = simplify(
    ring.map(([x, y]) => ({ x, y })),
    OUTLINE_TOLERANCE_DEGREES,
    true,
  )
  return simpler.length >= 4 ? simpler.map(({ x, y }) => [x, y]) : ring
}

function largestRingCenter(geometry: PulseFeature['geometry']): Position {
  const outerRings =
    geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((p) => p[0] ?? [])
  let best: Position = [0, 0]
  let bestArea = -1
  for (const ring of outerRings) {
    const xs = ring.map((point) => point[0])
    const ys = ring.map((point) => point[1])
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
    const area = (maxX - minX) * (maxY - minY)
    if (area > bestArea) {
      bestArea = area
      best = [(minX + maxX) / 2, (minY + maxY) / 2]
    }
  }
  return round(best)
}

/**
 * The wall's map: China by province (from the ECharts map script), each feature named by its
 * region code. Buyers abroad are not drawn on it: the wall ranks them beside the map.
 */
export function buildPulseMap(china: { features: ChinaFeature[] }): PulseMap {
  const features: PulseFeature[] = []
  const centers: Record<string, Position> = {}
  for (const feature of china.features) {
    const code = provinceByZhName.get(feature.properties.name)
    if (!code) continue
    const decoded = decodeGeometry(feature.geometry)
    const geometry =
      feature.geometry.type === 'Polygon'
        ? {
            type: 'Polygon' as const,
            coordinates: (decoded as Position[][]).map((ring) => simplifyRing(ring.map(round))),
          }
        : {
            type: 'MultiPolygon' as const,
            coordinates: (decoded as Position[][][]).map((p) => p.map((r) => simplifyRing(r.map(round)))),
          }
    features.push({ type: 'Feature', properties: { name: code }, geometry })
    centers[code] = feature.properties.cp ? round(feature.properties.cp) : largestRingCenter(geometry)
  }
  // Buyers in Hong Kong, Macao and Taiwan may arrive under either code.
  for (const [country, province] of [
    ['HK', 'CN-HK'],
    ['MO', 'CN-MO'],
    ['TW', 'CN-TW'],
  ] as const) {
    const center = centers[province]
    if (center) centers[country] = center
  }
  return { geoJson: { type: 'FeatureCollection', features }, centers }
}

/** The FeatureCollection inside a legacy ECharts map script: `echarts.registerMap('china', {…});`. */
export function parseEchartsMapScript(script: string): { features: ChinaFeature[] } {
  const call = script.indexOf('registerMap(')
  const start = script.indexOf('{', call)
  const end = script.indexOf('});', start)
  if (call < 0 || start < 0 || end < 0) throw new Error('not an ECharts map script')
  return JSON.parse(script.slice(start, end + 1))
}

/** The map region a region code is drawn on (HK buyers light up the Hong Kong shape). */
export function mapRegionOf(code: string): string {
  return code === 'HK' || code === 'MO' || code === 'TW' ? `CN-${code}` : code
}
