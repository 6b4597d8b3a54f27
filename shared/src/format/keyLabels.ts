import { CHINA_PROVINCES, isChinaProvince } from '../regions.ts'
import { brandLabel } from './brandNames.ts'
import type { Locale } from './locale.ts'

/**
 * The screens' one vocabulary for the keys orders carry: every category and channel the
 * simulator emits (seed/src/catalog.ts; a seed test fails when one is missing here), and the
 * short keys of the README's examples and older producers. A key not listed shows as sent.
 */
type Names = { readonly en: string; readonly zh: string }

export const CATEGORY_LABELS: Readonly<Record<string, Names>> = {
  'Consumer Electronics': { en: 'Consumer Electronics', zh: '3C数码' },
  'Home Appliances': { en: 'Home Appliances', zh: '家用电器' },
  'Beauty & Skincare': { en: 'Beauty & Skincare', zh: '美妆护肤' },
  Apparel: { en: 'Apparel', zh: '服饰' },
  'Shoes & Bags': { en: 'Shoes & Bags', zh: '鞋靴箱包' },
  'Food & Beverage': { en: 'Food & Beverage', zh: '食品饮料' },
  'Mother & Baby': { en: 'Mother & Baby', zh: '母婴' },
  'Home & Furniture': { en: 'Home & Furniture', zh: '家居家装' },
  'Sports & Outdoors': { en: 'Sports & Outdoors', zh: '运动户外' },
  'Health & Nutrition': { en: 'Health & Nutrition', zh: '医药保健' },
  Pets: { en: 'Pets', zh: '宠物' },
  Luxury: { en: 'Luxury', zh: '奢侈品' },
  Automotive: { en: 'Automotive', zh: '汽车用品' },
  'Books & Media': { en: 'Books & Media', zh: '图书音像' },
  'Household Essentials': { en: 'Household Essentials', zh: '日用百货' },
  // The README's examples and the browser tests' short keys.
  Electronics: { en: 'Electronics', zh: '数码' },
  Beauty: { en: 'Beauty', zh: '美妆' },
  Appliances: { en: 'Appliances', zh: '家电' },
  Home: { en: 'Home', zh: '家居' },
  Food: { en: 'Food', zh: '食品' },
  Sports: { en: 'Sports', zh: '运动' },
  Baby: { en: 'Baby', zh: '母婴用品' },
}

export const CHANNEL_LABELS: Readonly<Record<string, Names>> = {
  search: { en: 'Search', zh: '搜索' },
  recommendation: { en: 'Recommended', zh: '猜你喜欢' },
  cart: { en: 'Cart', zh: '购物车' },
  venue: { en: 'Venue', zh: '会场' },
  livestream: { en: 'Livestream', zh: '直播' },
  store: { en: 'Store', zh: '店铺' },
  'mini-program': { en: 'Mini-program', zh: '小程序' },
  feed: { en: 'Feed', zh: '信息流' },
  promotion: { en: 'Promotion', zh: '促销' },
  other: { en: 'Other', zh: '其他' },
}

/** Country names from the platform (ICU): every ISO code has one, in either language. */
const countryNames = new Map<Locale, Intl.DisplayNames>()
function countryName(code: string, locale: Locale): string | undefined {
  let names = countryNames.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
    countryNames.set(locale, names)
  }
  try {
    return names.of(code)
  } catch {
    return undefined
  }
}

/** A region code by its name: a province from the fixed table, a country from Intl. */
export function regionLabel(code: string, locale: Locale): string | undefined {
  if (isChinaProvince(code)) return CHINA_PROVINCES[code][locale === 'zh-CN' ? 'zh' : 'en']
  return /^[A-Z]{2}$/.test(code) ? countryName(code, locale) : undefined
}

export type LabelledDimension = 'category' | 'channel' | 'region'

/** The label of a key in the page's language, or undefined when the vocabulary lacks it. */
export function knownKeyLabel(dimension: LabelledDimension, key: string, locale: Locale): string | undefined {
  if (dimension === 'region') return regionLabel(key, locale)
  const names = (dimension === 'category' ? CATEGORY_LABELS : CHANNEL_LABELS)[key]
  return names ? names[locale === 'zh-CN' ? 'zh' : 'en'] : undefined
}

/**
 * What the screens show for a key: its label, a simulator brand's name in the page's script,
 * or the key as sent when it has none (another producer's brand, a live room).
 */
export function keyLabel(dimension: string, key: string, locale: Locale): string {
  if (dimension === 'category' || dimension === 'channel' || dimension === 'region')
    return knownKeyLabel(dimension, key, locale) ?? key
  if (dimension === 'brand') return brandLabel(key, locale)
  return key
}
