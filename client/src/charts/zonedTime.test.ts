import { describe, expect, test } from 'vitest'
import { zonedAxisTime } from './zonedTime.ts'

describe('zoned axis time', () => {
  test('an instant plots as its wall clock in the campaign zone, read as UTC', () => {
    const instant = Date.parse('2020-11-10T16:00:00.000Z')
    expect(new Date(zonedAxisTime(instant, 'Asia/Shanghai')).toISOString()).toBe('2020-11-11T00:00:00.000Z')
    expect(zonedAxisTime(instant, 'UTC')).toBe(instant)
  })
  test('a zone with summer time uses the offset of each instant', () => {
    const summer = Date.parse('2020-07-01T12:00:00.000Z')
    const winter = Date.parse('2020-12-01T12:00:00.000Z')
    expect(new Date(zonedAxisTime(summer, 'America/New_York')).toISOString()).toBe('2020-07-01T08:00:00.000Z')
    expect(new Date(zonedAxisTime(winter, 'America/New_York')).toISOString()).toBe('2020-12-01T07:00:00.000Z')
  })
})
