import { describe, expect, test } from 'vitest'
import { chartCaption } from './chartCaption.ts'

const range = { from: '2020-10-31T16:00:00.000Z', to: '2020-11-11T16:00:00.000Z', timeZone: 'Asia/Shanghai' }

describe('a chart image’s caption', () => {
  test('says the title, the filter by its names, the range to the second and the time zone, in English', () => {
    const caption = chartCaption({
      title: 'GMV over time',
      filter: { category: 'Beauty', brand: 'Nike' },
      ...range,
      interval: '1h',
      locale: 'en',
    })
    expect(caption.title).toBe('GMV over time')
    expect(caption.lines[0]).toBe('Brand: Nike · Category: Beauty')
    expect(caption.lines[1]).toBe('Nov 1 00:00:00 – Nov 12 00:00:00 (China Standard Time) · 1 hr buckets')
  })

  test('in Chinese, with the category’s Chinese name and all orders when nothing is filtered', () => {
    const filtered = chartCaption({ title: '成交额走势', filter: { category: 'Beauty' }, ...range, locale: 'zh-CN' })
    expect(filtered.lines[0]).toMatch(/^品类: \p{Script=Han}+$/u)
    expect(filtered.lines[1]).toBe('11月1日 00:00:00 – 11月12日 00:00:00 (中国标准时间)')
    const all = chartCaption({ title: '品牌排行', filter: {}, ...range, from: null, locale: 'zh-CN' })
    expect(all.lines).toEqual(['全部订单', '自开始 – 11月12日 00:00:00 (中国标准时间)'])
  })
})
