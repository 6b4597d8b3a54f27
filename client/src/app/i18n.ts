import type { Locale } from '@gmv-pulse/shared'

const en = {
  title: 'GMV Pulse',
  gmv: 'Gross merchandise volume',
  orders: 'Orders',
  ordersPerSecond: 'Orders/s',
  peak: 'Peak',
  curve: 'GMV vs last year',
  thisYear: 'This year',
  lastYear: 'Last year',
  growth: 'vs last year',
  topBrands: 'Top 10 brands',
  channels: 'Channels',
  livestreamShare: 'Livestream share',
  map: 'Buyers by region',
  categories: 'Categories',
  participatingBrands: 'Participating brands',
  overseasBrands: 'Overseas brands',
  asOf: 'as of',
  live: 'LIVE',
  lag: 'LAG',
  reconnecting: 'RECONNECTING',
  stale: 'STALE',
  connecting: 'CONNECTING',
  frozen: 'FROZEN',
  noData: 'Waiting for data',
  notKept: 'Not broken down for this spotlight',
  newEntry: 'NEW',
  reachedAt: 'reached at',
  correction: 'Correction',
  target: 'Target',
  spotlight: 'Spotlight',
  brand: 'Brand',
  region: 'Region',
  category: 'Category',
  peakOrders: 'Peak orders/s',
} as const

export type Strings = { [K in keyof typeof en]: string }

const zh: Strings = {
  title: 'GMV Pulse',
  gmv: '成交总额',
  orders: '订单数',
  ordersPerSecond: '每秒订单',
  peak: '峰值',
  curve: '成交额 vs 去年',
  thisYear: '今年',
  lastYear: '去年',
  growth: '同比',
  topBrands: '品牌 TOP 10',
  channels: '渠道',
  livestreamShare: '直播占比',
  map: '买家地域分布',
  categories: '品类',
  participatingBrands: '参与品牌',
  overseasBrands: '海外品牌',
  asOf: '数据截至',
  live: '实时',
  lag: '延迟',
  reconnecting: '重新连接中',
  stale: '数据停滞',
  connecting: '连接中',
  frozen: '已冻结',
  noData: '等待数据',
  notKept: '此聚焦不做该项细分',
  newEntry: '新',
  reachedAt: '达成于',
  correction: '数据更正',
  target: '目标',
  spotlight: '聚焦',
  brand: '品牌',
  region: '地区',
  category: '品类',
  peakOrders: '每秒订单峰值',
}

export const STRINGS: Record<Locale, Strings> = { en, 'zh-CN': zh }

/** Names of well-known channel and category keys; anything else shows as sent. */
const KEY_LABELS: Record<Locale, Record<string, string>> = {
  en: { livestream: 'Livestream', search: 'Search', feed: 'Feed', promotion: 'Promotion', other: 'Other' },
  'zh-CN': {
    livestream: '直播',
    search: '搜索',
    feed: '推荐',
    promotion: '会场',
    other: '其他',
    Electronics: '数码',
    Apparel: '服饰',
    Beauty: '美妆',
    Home: '家居',
    Food: '食品',
    Appliances: '家电',
    Sports: '运动',
    Baby: '母婴',
  },
}

export const labelOf =
  (locale: Locale) =>
  (key: string): string =>
    KEY_LABELS[locale][key] ?? key
