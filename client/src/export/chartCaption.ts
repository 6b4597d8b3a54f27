import {
  FILTER_DIMENSIONS,
  type Filter,
  formatIntervalWidth,
  formatStamp,
  formatZoneName,
  keyLabel,
  type Locale,
} from '@gmv-pulse/shared'
import type { ChartCaption } from './chartPng.ts'

/** The caption's own words: an exported chart reads the same from the explorer and the presenter. */
const CAPTION_STRINGS = {
  en: {
    all: 'All orders',
    brand: 'Brand',
    category: 'Category',
    channel: 'Channel',
    liveRoom: 'Live room',
    region: 'Region',
    buckets: '{width} buckets',
    from: 'from the start',
  },
  'zh-CN': {
    all: '全部订单',
    brand: '品牌',
    category: '品类',
    channel: '渠道',
    liveRoom: '直播间',
    region: '地域',
    buckets: '粒度 {width}',
    from: '自开始',
  },
} as const satisfies Record<Locale, Record<string, string>>

export interface CaptionSubject {
  title: string
  filter: Filter
  /** The range shown (ISO); a null start is the beginning of the data. */
  from: string | null
  to: string
  timeZone: string
  /** The series' bucket width, when the chart is a series. */
  interval?: string
  locale: Locale
}

/**
 * A chart image's caption: its title; the filter ("Category: Beauty · Brand: Nike", or all
 * orders); the range to the second with the time zone by name, and the bucket width.
 */
export function chartCaption(subject: CaptionSubject): ChartCaption {
  const { locale, timeZone } = subject
  const words = CAPTION_STRINGS[locale]
  const filter = FILTER_DIMENSIONS.flatMap((dimension) => {
    const value = subject.filter[dimension]
    return value ? [`${words[dimension]}: ${keyLabel(dimension, value, locale)}`] : []
  })
  const from = subject.from ? formatStamp(subject.from, timeZone, locale) : words.from
  const range = [`${from} – ${formatStamp(subject.to, timeZone, locale)} (${formatZoneName(timeZone, locale)})`]
  if (subject.interval) range.push(words.buckets.replace('{width}', formatIntervalWidth(subject.interval, locale)))
  return { title: subject.title, lines: [filter.length > 0 ? filter.join(' · ') : words.all, range.join(' · ')] }
}
