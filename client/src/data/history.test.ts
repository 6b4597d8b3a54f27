import { describe, expect, test } from 'vitest'
import { snapshotFixture } from '../testing/snapshotFixture.ts'
import { appendCurvePoint } from './history.ts'

describe('GMV curve history', () => {
  test('aligns points by campaign offset', () => {
    const points = appendCurvePoint(
      [],
      snapshotFixture({ asOf: '2020-11-10T16:00:30.000Z', gmv: '10.00' }),
      '2020-11-10T16:00:00Z',
    )
    expect(points).toEqual([
      { at: Date.parse('2020-11-10T16:00:30.000Z'), offsetSeconds: 30, gmv: '10.00', lastYearGmv: '8.00' },
    ])
  })
  test('an open-ended campaign starts at the first snapshot', () => {
    let points = appendCurvePoint([], snapshotFixture({ asOf: '2020-11-10T16:00:30.000Z' }), null)
    points = appendCurvePoint(points, snapshotFixture({ asOf: '2020-11-10T16:00:32.000Z', gmv: '20.00' }), null)
    expect(points.map((point) => point.offsetSeconds)).toEqual([0, 2])
  })
  test('the same second replaces the last point and an older one is ignored', () => {
    const start = '2020-11-10T16:00:00Z'
    let points = appendCurvePoint([], snapshotFixture({ asOf: '2020-11-10T16:00:05.000Z', gmv: '1.00' }), start)
    points = appendCurvePoint(points, snapshotFixture({ asOf: '2020-11-10T16:00:05.400Z', gmv: '2.00' }), start)
    points = appendCurvePoint(points, snapshotFixture({ asOf: '2020-11-10T16:00:01.000Z', gmv: '0.50' }), start)
    expect(points.map(({ offsetSeconds, gmv }) => ({ offsetSeconds, gmv }))).toEqual([
      { offsetSeconds: 5, gmv: '2.00' },
    ])
  })
})
