import { describe, expect, test } from 'vitest'
import { simplifyGeoJson } from './simplifyGeoJson.ts'

describe('world map slimming', () => {
  const square = [
    [0, 0],
    [0.001, 0.001],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ]
  test('rounds, drops repeated points and unneeded properties', () => {
    const result = simplifyGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { iso_a2: 'SG', full_name: 'x' },
            geometry: { type: 'Polygon', coordinates: [square] },
          },
        ],
      },
      { decimals: 1, keepProperties: ['iso_a2'] },
    )
    expect(result.features[0]).toEqual({
      type: 'Feature',
      properties: { iso_a2: 'SG' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    })
  })
  test('drops islands that collapse to a point, keeps the rest of the country', () => {
    const islet = [
      [5, 5],
      [5.01, 5],
      [5.01, 5.01],
      [5, 5],
    ]
    const result = simplifyGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { iso_a2: 'PH' },
            geometry: { type: 'MultiPolygon', coordinates: [[square], [islet]] },
          },
        ],
      },
      { decimals: 1, keepProperties: ['iso_a2'] },
    )
    expect(result.features[0]?.geometry.coordinates).toHaveLength(1)
  })
})
