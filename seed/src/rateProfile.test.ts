import { describe, expect, test } from 'vitest'
import { CAMPAIGN_SECONDS, campaignStartMs, toChinaIso } from './campaignWindow.ts'
import { createCampaignGenerator } from './generator.ts'
import { PUBLISHED_2020 } from './publishedFigures.ts'
import { createRateProfile, ordersInSecond } from './rateProfile.ts'

const NOV_11 = 10 * 86_400

describe.each([1, 1e-3, 1e-4])('the 2020 rate profile at scale %s', (scale) => {
  const profile = createRateProfile({
    totalOrders: PUBLISHED_2020.orders * scale,
    peakOrdersPerSecond: PUBLISHED_2020.peakOrdersPerSecond * scale,
  })

  test('integrates to 2.32 billion × scale orders', () => {
    let sum = 0
    for (const rate of profile.perSecond) sum += rate
    expect(sum / (PUBLISHED_2020.orders * scale)).toBeCloseTo(1, 9)
    expect(profile.cumulative[CAMPAIGN_SECONDS]).toBeCloseTo(PUBLISHED_2020.orders * scale, 3)
  })

  test('peaks at 583,000 × scale orders per second within seconds after Nov 11 00:00 China time', () => {
    let peak = 0
    let peakSecond = -1
    profile.perSecond.forEach((rate, second) => {
      if (rate > peak) {
        peak = rate
        peakSecond = second
      }
    })
    expect(peak / (PUBLISHED_2020.peakOrdersPerSecond * scale)).toBeCloseTo(1, 9)
    expect(peakSecond - NOV_11).toBeGreaterThanOrEqual(0)
    expect(peakSecond - NOV_11).toBeLessThan(10)
    expect(toChinaIso(campaignStartMs(2020) + NOV_11 * 1000)).toBe('2020-11-11T00:00:00+08:00')
  })

  test('whole orders per second add up to the rounded total', () => {
    let orders = 0
    for (let second = 0; second < CAMPAIGN_SECONDS; second++) orders += ordersInSecond(profile, second)
    expect(orders).toBe(Math.round(PUBLISHED_2020.orders * scale))
  })
})

test('the profile opens with a surge on Nov 1 and has a daily rhythm', () => {
  const profile = createRateProfile({ totalOrders: 2.32e9, peakOrdersPerSecond: 583_000 })
  const at = (day: number, hour: number) => profile.perSecond[day * 86_400 + hour * 3600] as number
  expect(profile.perSecond[3]).toBeGreaterThan(at(0, 12) * 5)
  expect(at(4, 21)).toBeGreaterThan(at(4, 4) * 4)
})

test("last year's campaign sits one year earlier with GMV / 1.26 and its own peak", () => {
  const last = createCampaignGenerator({ seed: 1, scale: 1e-4, year: 2019 })
  expect(toChinaIso(last.startMs)).toBe('2019-11-01T00:00:00+08:00')
  expect(toChinaIso(last.endMs)).toBe('2019-11-12T00:00:00+08:00')
  expect(last.totalOrders / (PUBLISHED_2020.orders * 1e-4)).toBeCloseTo(1 / 1.26, 1)
})
