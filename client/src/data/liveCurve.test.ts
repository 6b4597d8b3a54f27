import { describe, expect, test } from 'vitest'
import { snapshotFixture } from '../testing/snapshotFixture.ts'
import { withLiveTotal } from './liveCurve.ts'

const curve = {
  timeZone: 'Asia/Shanghai',
  interval: '1h' as const,
  thisYear: [
    { t: '2020-11-10T16:00:00.000Z', gmv: '0.00' },
    { t: '2020-11-10T16:30:00.000Z', gmv: '500.00' },
  ],
  lastYear: [{ t: '2020-11-10T16:00:00.000Z', gmv: '0.00' }],
}

describe('the curve with the live total', () => {
  test('a newer snapshot becomes the newest point', () => {
    const snapshot = snapshotFixture({ asOf: '2020-11-10T16:31:00.000Z', gmv: '612.30' })
    expect(withLiveTotal(curve, snapshot).thisYear.at(-1)).toEqual({ t: '2020-11-10T16:31:00.000Z', gmv: '612.30' })
    expect(withLiveTotal(curve, snapshot).lastYear).toEqual(curve.lastYear)
  })
  test('an older or lower snapshot adds nothing: the line never steps back', () => {
    const older = snapshotFixture({ asOf: '2020-11-10T16:29:00.000Z', gmv: '700.00' })
    const lower = snapshotFixture({ asOf: '2020-11-10T16:31:00.000Z', gmv: '499.99' })
    expect(withLiveTotal(curve, older).thisYear).toEqual(curve.thisYear)
    expect(withLiveTotal(curve, lower).thisYear).toEqual(curve.thisYear)
  })
  test('no curve yet draws nothing', () => {
    expect(withLiveTotal(undefined, snapshotFixture())).toEqual({ thisYear: [], lastYear: [] })
  })
})
