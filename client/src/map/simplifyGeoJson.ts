/**
 * Build-time slimming of the world GeoJSON (used by vite.config.ts): coordinates rounded to
 * `decimals` places (0.1° is about 10 km, under a pixel for a country on the wall), repeated
 * points dropped, rings that collapse dropped, and only the properties the map needs kept.
 */

type Ring = number[][]

function simplifyRing(ring: Ring, factor: number): Ring {
  const out: Ring = []
  for (const point of ring) {
    const x = Math.round((point[0] ?? 0) * factor) / factor
    const y = Math.round((point[1] ?? 0) * factor) / factor
    const last = out[out.length - 1]
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y])
  }
  return out
}

function simplifyPolygon(rings: Ring[], factor: number): Ring[] {
  // A ring needs four positions (three corners and the closing one) to enclose anything.
  return rings.map((ring) => simplifyRing(ring, factor)).filter((ring) => ring.length >= 4)
}

interface Feature {
  type: string
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown }
}

export function simplifyGeoJson(
  collection: { type: string; features: Feature[] },
  options: { decimals: number; keepProperties: readonly string[] },
): { type: string; features: Feature[] } {
  const factor = 10 ** options.decimals
  const features = collection.features.flatMap((feature): Feature[] => {
    const properties = Object.fromEntries(options.keepProperties.map((key) => [key, feature.properties[key]]))
    if (feature.geometry.type === 'Polygon') {
      const rings = simplifyPolygon(feature.geometry.coordinates as Ring[], factor)
      return rings.length === 0
        ? []
        : [{ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } }]
    }
    if (feature.geometry.type === 'MultiPolygon') {
      const polygons = (feature.geometry.coordinates as Ring[][])
        .map((polygon) => simplifyPolygon(polygon, factor))
        .filter((polygon) => polygon.length > 0)
      return polygons.length === 0
        ? []
        : [{ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: polygons } }]
    }
    return [feature]
  })
  return { type: collection.type, features }
}
