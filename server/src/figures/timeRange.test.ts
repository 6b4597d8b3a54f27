import type { Campaign } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { loadConfig } from '../config.ts'
import { EARLIEST_MS, OPEN_END_MS } from './grains.ts'
import { campaignWindow, lastYearRange, resolveRange, shownTo } from './timeRange.ts'

const START = Date.UTC(2020, 9, 31, 16) // 2020-11-01 00:00 China time
const END = Date.UTC(2020, 10, 11, 16) // 2020-11-12 00:00 China time
const LY_START = Date.UTC(2019, 9, 31, 16)
const LY_END = Date.UTC(2019, 10, 11, 16)
const HOUR = 3_600_000

const campaign: Campaign = loadConfig({
  CAMPAIGN_START: new Date(START).toISOString(),
  CAMPAIGN_END: new Date(END).toISOString(),
  LOG_LEVEL: 'silent',
}).campaign
const openEnded: Campaign = loadConfig({ LOG_LEVEL: 'silent' }).campaign

describe('the campaign so far', () => {
  test('a range not given is the campaign window, to its end, whatever the clock', () => {
    expect(resolveRange(campaign)).toEqual({ fromMs: START, toMs: END })
    expect(resolveRange(campaign, { from: START + HOUR })).toEqual({ fromMs: START + HOUR, toMs: END })
    expect(resolveRange(campaign, { to: START + HOUR })).toEqual({ fromMs: START, toMs: START + HOUR })
  })

  test('an open-ended campaign counts all time', () => {
    expect(campaignWindow(openEnded)).toEqual({ fromMs: EARLIEST_MS, toMs: OPEN_END_MS })
    expect(resolveRange(openEnded)).toEqual({ fromMs: EARLIEST_MS, toMs: OPEN_END_MS })
  })

  test('the end a screen shows is capped at now, and never before the start', () => {
    const range = resolveRange(campaign)
    expect(shownTo(range, START + 5 * HOUR)).toBe(START + 5 * HOUR)
    expect(shownTo(range, END + HOUR)).toBe(END)
    expect(shownTo(range, START - HOUR)).toBe(START)
  })
})

describe('last year at the same offset', () => {
  test('the same dates a year earlier by default, compared up to the same offset as now', () => {
    expect(campaign.lastYear).toEqual({ start: new Date(LY_START).toISOString(), end: new Date(LY_END).toISOString() })
    const now = START + 10 * HOUR + 1234
    expect(lastYearRange(campaign, resolveRange(campaign), now)).toEqual({
      fromMs: LY_START,
      toMs: LY_START + 10 * HOUR + 1234,
    })
  })

  test('after the campaign, the whole of last year; before it, nothing', () => {
    expect(lastYearRange(campaign, resolveRange(campaign), END + 86_400_000)).toEqual({
      fromMs: LY_START,
      toMs: LY_END,
    })
    expect(lastYearRange(campaign, resolveRange(campaign), START - 1)).toBeNull()
  })

  test('an explicit range moves by the offset and is clipped to last year’s window', () => {
    const range = { fromMs: START - HOUR, toMs: START + 2 * HOUR }
    expect(lastYearRange(campaign, range, END)).toEqual({ fromMs: LY_START, toMs: LY_START + 2 * HOUR })
  })

  test('no last-year window, no comparison', () => {
    expect(lastYearRange(openEnded, resolveRange(openEnded), Date.now())).toBeNull()
  })
})
