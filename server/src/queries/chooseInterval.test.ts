import { INTERVAL_MS } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { chooseInterval } from './chooseInterval.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('chooseInterval', () => {
  test('a campaign day is drawn in 5-minute buckets (288 points)', () => {
    expect(chooseInterval(DAY)).toBe('5m')
  })

  test('every range from a minute to a year lands within reach of 100–500 points', () => {
    for (const range of [MINUTE, 5 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 3 * DAY, 7 * DAY, 30 * DAY, 365 * DAY]) {
      const points = range / INTERVAL_MS[chooseInterval(range)]
      expect(points, `${range} ms`).toBeGreaterThanOrEqual(10)
      expect(points, `${range} ms`).toBeLessThanOrEqual(1500)
    }
  })

  test('ranges that fit the band exactly get a point count inside it', () => {
    expect(chooseInterval(4 * MINUTE)).toBe('1s')
    expect(chooseInterval(3 * DAY)).toBe('15m')
    expect(chooseInterval(7 * DAY)).toBe('1h')
    expect(chooseInterval(200 * DAY)).toBe('1d')
  })

  test('a 10-minute range prefers 600 seconds to 10 minutes', () => {
    expect(chooseInterval(10 * MINUTE)).toBe('1s')
  })
})
