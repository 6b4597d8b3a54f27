import type { Timeseries } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { explorerSeriesOption } from './explorerSeriesOption.ts'

// biome-ignore lint/suspicious/noExplicitAny: reading a built option in a test
type Loose = any

const names = { thisYear: 'This year', lastYear: 'Last year', inProgress: 'in progress' }
const series: Timeseries = {
  interval: '1h',
  timeZone: 'Asia/Shanghai',
  from: '2020-11-10T16:00:00.000Z',
  to: '2020-11-10T18:30:00.000Z',
  lastYearOffsetMs: 31_622_400_000,
  points: [
    {
      t: '2020-11-10T16:00:00.000Z',
      gmv: '100.50',
      orders: 3,
      partial: false,
      lastYear: { t: 'x', gmv: '80.00', orders: 2 },
    },
    {
      t: '2020-11-10T17:00:00.000Z',
      gmv: '200.00',
      orders: 5,
      partial: false,
      lastYear: { t: 'x', gmv: '90.00', orders: 4 },
    },
    {
      t: '2020-11-10T18:00:00.000Z',
      gmv: '10.00',
      orders: 1,
      partial: true,
      lastYear: { t: 'x', gmv: '95.00', orders: 6 },
    },
  ],
}

describe('explorer time series', () => {
  test('draws last year on this year’s axis by campaign offset, on the campaign clock', () => {
    const option: Loose = explorerSeriesOption(series, 'gmv', true, 'en', names, 'Asia/Shanghai')
    // 16:00 UTC is midnight in Shanghai: the axis, drawn in UTC, reads the campaign's clock.
    expect(option.useUTC).toBe(true)
    expect(option.series[0].data).toEqual([
      [Date.parse('2020-11-11T00:00:00.000Z'), 100.5],
      [Date.parse('2020-11-11T01:00:00.000Z'), 200],
      [Date.parse('2020-11-11T02:00:00.000Z'), 10],
    ])
    expect(option.series[1].data.map((point: number[]) => point[1])).toEqual([80, 90, 95])
    expect(option.series[1].data[0][0]).toBe(Date.parse('2020-11-11T00:00:00.000Z'))
  })

  test('shades the running bucket to its end', () => {
    const option: Loose = explorerSeriesOption(series, 'orders', true, 'en', names, 'UTC')
    expect(option.series[0].markArea.data[0]).toEqual([
      { name: 'in progress', xAxis: Date.parse('2020-11-10T18:00:00.000Z') },
      { xAxis: Date.parse('2020-11-10T19:00:00.000Z') },
    ])
  })

  test('drops the comparison when it is off or there is no last year', () => {
    expect((explorerSeriesOption(series, 'gmv', false, 'en', names, 'UTC') as Loose).series).toHaveLength(1)
    const noLastYear = {
      ...series,
      points: series.points.map((point) => ({ ...point, lastYear: null, partial: false })),
    }
    const option: Loose = explorerSeriesOption(noLastYear, 'gmv', true, 'en', names, 'UTC')
    expect(option.series).toHaveLength(1)
    expect(option.series[0].markArea).toBeUndefined()
  })
})
