/**
 * Decodes the compressed geometry of ECharts' legacy map scripts (the "UTF8Encoding"
 * format: zig-zag, delta-encoded coordinates as characters). Ported from ECharts'
 * parseGeoJson.ts (Apache-2.0) so the China provinces can be merged with plain GeoJSON
 * countries into one map.
 */

export type Position = [number, number]

function decodeRing(encoded: string, offset: readonly number[], scale: number): Position[] {
  const ring: Position[] = []
  let previousX = offset[0] ?? 0
  let previousY = offset[1] ?? 0
  for (let index = 0; index < encoded.length; index += 2) {
    let x = encoded.charCodeAt(index) - 64
    let y = encoded.charCodeAt(index + 1) - 64
    x = (x >> 1) ^ -(x & 1)
    y = (y >> 1) ^ -(y & 1)
    x += previousX
    y += previousY
    previousX = x
    previousY = y
    ring.push([x / scale, y / scale])
  }
  return ring
}

export interface CompressedGeometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: unknown
  encodeOffsets: unknown
}

/** Polygon → Position[][]; MultiPolygon → Position[][][]. */
export function decodeGeometry(geometry: CompressedGeometry, scale = 1024): Position[][] | Position[][][] {
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates as string[]
    const offsets = geometry.encodeOffsets as number[][]
    return rings.map((ring, index) => decodeRing(ring, offsets[index] ?? [0, 0], scale))
  }
  const polygons = geometry.coordinates as string[][]
  const offsets = geometry.encodeOffsets as number[][][]
  return polygons.map((rings, polygon) =>
    rings.map((ring, index) => decodeRing(ring, offsets[polygon]?.[index] ?? [0, 0], scale)),
  )
}
