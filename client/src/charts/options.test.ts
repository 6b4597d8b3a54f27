import type { RankedBrand } from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import { snapshotFixture } from '../testing/snapshotFixture.ts'
import { gmvCurveOption } from './gmvCurveOption.ts'
import {
  DEFAULT_ORIGIN,
  MAP_COLOURS,
  mapOption,
  mapOverlay,
  ORIGIN_POINTS,
  overseasRanking,
  spacedLeaders,
} from './mapOption.ts'
import { ordersPerSecondOption } from './ordersPerSecondOption.ts'
import { looksTheSame, redrawKeyOf } from './redrawKey.ts'
import { channelsOption } from './sharesOptions.ts'
import { RACE_SLIDE_MS, rankChangeMark, topBrandsOption } from './topBrandsOption.ts'

// Option objects are deep unions; the tests read them as plain data.
// biome-ignore lint/suspicious/noExplicitAny: reading a built option in a test
type Loose = any

const snapshot = snapshotFixture()

describe('orders per second', () => {
  test('plots the five-minute window without animation, on the campaign clock', () => {
    const option: Loose = ordersPerSecondOption(snapshot.ordersPerSecond, snapshot.peak, 'en', 'Asia/Shanghai')
    expect(option.animation).toBe(false)
    // 16:01 UTC is 00:01 in Shanghai: the axis, drawn in UTC, reads the campaign's clock.
    expect(option.useUTC).toBe(true)
    expect(option.series[0].data).toEqual([
      [Date.parse('2020-11-11T00:01:23.000Z'), 5],
      [Date.parse('2020-11-11T00:01:24.000Z'), 9],
      [Date.parse('2020-11-11T00:01:25.000Z'), 10],
    ])
  })
  test('marks the peak only when it is inside the window', () => {
    const outside: Loose = ordersPerSecondOption(snapshot.ordersPerSecond, snapshot.peak, 'en', 'UTC')
    expect(outside.series[0].markPoint.data).toEqual([])
    const peak = { ordersPerSecond: 9, at: '2020-11-10T16:01:24.000Z' }
    const inside: Loose = ordersPerSecondOption(snapshot.ordersPerSecond, peak, 'en', 'UTC')
    expect(inside.series[0].markPoint.data[0].coord).toEqual([Date.parse(peak.at), 9])
  })
})

describe('GMV curve', () => {
  const curve = {
    thisYear: [
      { t: '2020-11-10T16:00:00.000Z', gmv: '0.00' },
      { t: '2020-11-10T17:00:00.000Z', gmv: '100.50' },
    ],
    lastYear: [
      { t: '2020-11-10T16:00:00.000Z', gmv: '0.00' },
      { t: '2020-11-10T17:00:00.000Z', gmv: '80.00' },
      { t: '2020-11-10T18:00:00.000Z', gmv: '160.00' },
    ],
  }
  test('plots this year against last year on the campaign clock, with a legend', () => {
    const option: Loose = gmvCurveOption(curve, 'en', { thisYear: 'this', lastYear: 'last' }, 'Asia/Shanghai')
    // 16:00 UTC is midnight in Shanghai: the axis, drawn in UTC, reads the campaign's clock.
    expect(option.useUTC).toBe(true)
    expect(option.series[0].data).toEqual([
      [Date.parse('2020-11-11T00:00:00.000Z'), 0],
      [Date.parse('2020-11-11T01:00:00.000Z'), 100.5],
    ])
    expect(option.series[1].data.map((point: number[]) => point[1])).toEqual([0, 80, 160])
    expect(option.legend.data).toEqual(['this', 'last'])
  })
  test('leaves the last-year line empty when no last-year window is configured', () => {
    const option: Loose = gmvCurveOption(
      { ...curve, lastYear: [] },
      'en',
      { thisYear: 'this', lastYear: 'last' },
      'UTC',
    )
    expect(option.series[1].data).toEqual([])
  })
})

describe('top brands', () => {
  test('marks rank changes', () => {
    expect(rankChangeMark(2, 'NEW')).toBe('▲2')
    expect(rankChangeMark(-1, 'NEW')).toBe('▼1')
    expect(rankChangeMark(0, 'NEW')).toBe('')
    expect(rankChangeMark(null, 'NEW')).toBe('NEW')
  })
  test('is a bar race in rank order with GMV and change in the label', () => {
    const option: Loose = topBrandsOption(snapshot.topBrands ?? [], 'zh-CN', '新')
    expect(option.series[0].realtimeSort).toBe(true)
    expect(option.yAxis.data).toEqual(['Apple', 'Haier', 'Nike'])
    expect(option.series[0].data[1].label.formatter).toBe('¥300.00万  ▲1')
    expect(option.series[0].data[2].label.formatter).toBe('¥100.00万  新')
  })
  test('slides bars only on a tick where a brand overtook another or entered', () => {
    const moving: Loose = topBrandsOption(snapshot.topBrands ?? [], 'en', 'NEW')
    expect(moving.animationDurationUpdate).toBe(RACE_SLIDE_MS)
    const still = (snapshot.topBrands ?? []).map((brand) => ({ ...brand, rankChange: 0 }))
    const steady: Loose = topBrandsOption(still, 'en', 'NEW')
    expect([steady.animationDurationUpdate, steady.yAxis.animationDurationUpdate]).toEqual([0, 0])
  })
  test('is redrawn only when the order, a label or a bar by a pixel would change', () => {
    const brands = snapshot.topBrands ?? []
    const key = (haier: string, rankChange: number | null = 1) =>
      redrawKeyOf(
        topBrandsOption(
          brands.map((brand) => (brand.brand === 'Haier' ? { ...brand, gmv: haier, rankChange } : brand)),
          'en',
          'NEW',
        ),
      )
    // ¥3 million, a bar a 2,000th of the leader's longer: nothing a viewer could tell.
    expect(key('3002000.00')).toBe(key('3000000.00'))
    expect(key('3100000.00')).not.toBe(key('3000000.00'))
    expect(key('3000000.00', 0)).not.toBe(key('3000000.00'))
  })
  test('a simulator brand reads in the page language, by its key', () => {
    const brands = [{ ...(snapshot.topBrands?.[0] as RankedBrand), brand: 'Cloudhaven Home' }]
    const zh: Loose = topBrandsOption(brands, 'zh-CN', '新')
    const en: Loose = topBrandsOption(brands, 'en', 'NEW')
    expect(zh.yAxis.data).toEqual(['云栖家居'])
    expect(en.yAxis.data).toEqual(['Cloudhaven Home'])
  })
})

describe('shares', () => {
  test('the channel ring is redrawn only when a share as shown would change', () => {
    const key = (share: number) => redrawKeyOf(channelsOption([{ key: 'search', gmv: '1.00', orders: 1, share }], 'en'))
    expect(key(0.67604)).toBe(key(0.676))
    expect(key(0.677)).not.toBe(key(0.676))
  })
  test('the livestream slice is pulled out of the channel ring', () => {
    const option: Loose = channelsOption(snapshot.channels ?? [], 'en')
    expect(option.series[0].data.map((slice: Loose) => [slice.name, slice.selected])).toEqual([
      ['livestream', true],
      ['search', false],
    ])
  })
})

describe('map', () => {
  const centers = {
    'CN-ZJ': [120, 29] as [number, number],
    'CN-GD': [113, 23] as [number, number],
    'CN-SH': [121.5, 31.2] as [number, number],
    'CN-HK': [114.2, 22.3] as [number, number],
  }
  const flows = [
    { origin: 'domestic', region: 'CN-ZJ', gmv: '900.00' },
    { origin: 'domestic', region: 'US', gmv: '300.00' },
    { origin: 'overseas', region: 'CN-GD', gmv: '500.00' },
    { origin: 'overseas', region: 'CN-SH', gmv: '450.00' },
    { origin: 'domestic', region: 'HK', gmv: '200.00' },
    { origin: 'overseas', region: 'XX', gmv: '800.00' },
  ]
  const option: Loose = mapOption({ mapName: 'm', regions: snapshot.regions ?? [] })
  const overlay = (locale: 'en' | 'zh-CN') => mapOverlay({ regions: snapshot.regions ?? [], flows, centers, locale })
  test('colours China’s provinces by GMV on a visible scale up to the largest', () => {
    expect(option.series[0].data).toEqual([
      { name: 'CN-ZJ', value: 6_000_000 },
      { name: 'CN-GD', value: 5_000_000 },
    ])
    expect(option.visualMap.max).toBe(6_000_000)
    // The scale is the page's (MapPanel), from the same colours, with its ends in words.
    expect(option.visualMap.inRange.color).toEqual([...MAP_COLOURS])
    expect(overlay('en').scale).toEqual({
      max: '¥6 million',
      min: '¥0',
    })
  })
  test('names the leading provinces with their GMV in the page language, at their centres', () => {
    const zh = overlay('zh-CN')
    expect(zh.leaders.map((leader) => [leader.code, leader.name, leader.gmv, leader.at])).toEqual([
      ['CN-ZJ', '浙江', '¥600万', centers['CN-ZJ']],
      ['CN-GD', '广东', '¥500万', centers['CN-GD']],
    ])
    // On the page, not on the canvas: the map itself carries no words or lines that change every tick.
    expect(option.geo.regions).toBeUndefined()
    expect(option.visualMap.text).toBeUndefined()
    expect(option.series).toHaveLength(1)
  })
  test('leaves out a leader whose label would cover a larger neighbour’s', () => {
    const ranked = [{ code: 'CN-ZJ' }, { code: 'CN-SH' }, { code: 'CN-GD' }]
    expect(spacedLeaders(ranked, centers).map((province) => province.code)).toEqual(['CN-ZJ', 'CN-GD'])
  })
  test('draws flows from an origin on land to provinces only, largest first', () => {
    expect(overlay('en').lines.map((line) => [line.from, line.to])).toEqual([
      [ORIGIN_POINTS.overseas?.at, centers['CN-GD']],
      [DEFAULT_ORIGIN.at, centers['CN-HK']],
    ])
  })
  test('Hong Kong buyers under HK colour the Hong Kong province shape', () => {
    const hk: Loose = mapOption({ mapName: 'm', regions: [{ key: 'HK', gmv: '5.00', orders: 1, share: 1 }] })
    expect(hk.series[0].data).toEqual([{ name: 'CN-HK', value: 5 }])
  })
  test('is redrawn only once a province’s colour is a whole step from the picture on screen, not for its words or lines', () => {
    const keyFor = (zj: string, gd: string, sh?: string) =>
      redrawKeyOf(
        mapOption({
          mapName: 'm',
          regions: [
            { key: 'CN-ZJ', gmv: zj, orders: 1, share: 0.5 },
            { key: 'CN-GD', gmv: gd, orders: 1, share: 0.5 },
            ...(sh ? [{ key: 'CN-SH', gmv: sh, orders: 1, share: 0 }] : []),
          ],
        }),
      )
    const shown = keyFor('6000000.00', '3000000.00')
    expect(shown).toBeDefined()
    // Guangdong up by ¥60,000: a third of a colour step (1/32 of the largest is ¥187,500).
    expect(looksTheSame(keyFor('6000000.00', '3060000.00'), shown)).toBe(true)
    // Every province up alike: the same colours, each relative to the largest.
    expect(looksTheSame(keyFor('12000000.00', '6000000.00'), shown)).toBe(true)
    // Guangdong from half the largest to 0.55 of it: 0.05 × 32 = 1.6 steps.
    expect(looksTheSame(keyFor('6000000.00', '3300000.00'), shown)).toBe(false)
    // Small moves add up against the picture on screen, not against the last tick: three of a
    // third of a step each are a whole step.
    expect(looksTheSame(keyFor('6000000.00', '3120000.00'), keyFor('6000000.00', '3060000.00'))).toBe(true)
    expect(looksTheSame(keyFor('6000000.00', '3190000.00'), shown)).toBe(false)
    // A province new to the map moves from nothing: 0.1 × 32 = 3.2 steps.
    expect(looksTheSame(keyFor('6000000.00', '3000000.00', '600000.00'), shown)).toBe(false)
  })
  test('ranks buyers abroad by GMV with their country names', () => {
    const regions = [
      ...(snapshot.regions ?? []),
      { key: 'SG', gmv: '2000000.00', orders: 9, share: 0.1 },
      { key: 'HK', gmv: '9000000.00', orders: 9, share: 0.1 },
    ]
    expect(overseasRanking(regions, 'en')).toEqual([
      { code: 'SG', name: 'Singapore', gmv: '¥2 million' },
      { code: 'US', name: 'United States', gmv: '¥1.35 million' },
    ])
    expect(overseasRanking(regions, 'zh-CN').map((row) => row.name)).toEqual(['新加坡', '美国'])
  })
})
