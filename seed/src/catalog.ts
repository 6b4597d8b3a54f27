/**
 * The fixed dimensions of the simulated market: categories, channels and buyer regions,
 * each with its share. Shares are rough public-report orders of magnitude for Tmall's
 * 11.11, good enough for a screen that must look plausible, not for analysis.
 */

export interface Category {
  readonly name: string
  /** Share of GMV. */
  readonly share: number
  /** Typical order value in CNY before the global calibration to the published mean order. */
  readonly typicalOrder: number
  /** Leaf subcategories (Tmall has thousands; these stand for them). */
  readonly subcategories: readonly string[]
}

export const CATEGORIES: readonly Category[] = [
  {
    name: 'Consumer Electronics',
    share: 0.16,
    typicalOrder: 900,
    subcategories: ['Phones', 'Laptops', 'Tablets', 'Audio', 'Cameras', 'Wearables', 'Accessories'],
  },
  {
    name: 'Home Appliances',
    share: 0.12,
    typicalOrder: 700,
    subcategories: ['Refrigerators', 'Washers', 'Air Conditioners', 'Kitchen', 'Cleaning', 'Personal Care Devices'],
  },
  {
    name: 'Beauty & Skincare',
    share: 0.12,
    typicalOrder: 260,
    subcategories: ['Serums', 'Creams', 'Masks', 'Makeup', 'Fragrance', 'Sun Care'],
  },
  {
    name: 'Apparel',
    share: 0.13,
    typicalOrder: 180,
    subcategories: ['Womenswear', 'Menswear', 'Outerwear', 'Underwear', 'Sportswear', 'Denim'],
  },
  {
    name: 'Shoes & Bags',
    share: 0.06,
    typicalOrder: 260,
    subcategories: ['Sneakers', 'Boots', 'Handbags', 'Luggage', 'Wallets'],
  },
  {
    name: 'Food & Beverage',
    share: 0.08,
    typicalOrder: 80,
    subcategories: ['Snacks', 'Dairy', 'Coffee & Tea', 'Wine & Spirits', 'Fresh', 'Grain & Oil'],
  },
  {
    name: 'Mother & Baby',
    share: 0.06,
    typicalOrder: 160,
    subcategories: ['Formula', 'Diapers', 'Strollers', 'Toys', 'Baby Care'],
  },
  {
    name: 'Home & Furniture',
    share: 0.08,
    typicalOrder: 320,
    subcategories: ['Bedding', 'Furniture', 'Lighting', 'Storage', 'Decor', 'Kitchenware'],
  },
  {
    name: 'Sports & Outdoors',
    share: 0.04,
    typicalOrder: 220,
    subcategories: ['Fitness', 'Camping', 'Cycling', 'Running', 'Ball Sports'],
  },
  {
    name: 'Health & Nutrition',
    share: 0.04,
    typicalOrder: 200,
    subcategories: ['Supplements', 'Medical Devices', 'Eye Care', 'Oral Care'],
  },
  { name: 'Pets', share: 0.02, typicalOrder: 120, subcategories: ['Pet Food', 'Pet Supplies', 'Pet Health'] },
  { name: 'Luxury', share: 0.03, typicalOrder: 2400, subcategories: ['Watches', 'Jewellery', 'Designer Bags'] },
  { name: 'Automotive', share: 0.02, typicalOrder: 450, subcategories: ['Car Electronics', 'Car Care', 'Tyres'] },
  { name: 'Books & Media', share: 0.02, typicalOrder: 70, subcategories: ['Books', 'Stationery', 'Instruments'] },
  {
    name: 'Household Essentials',
    share: 0.02,
    typicalOrder: 90,
    subcategories: ['Paper', 'Detergent', 'Personal Hygiene'],
  },
]

export interface Channel {
  readonly name: string
  readonly share: number
}

/** Where the buyer came from; 'livestream' orders also name a live room. */
export const CHANNELS: readonly Channel[] = [
  { name: 'search', share: 0.27 },
  { name: 'recommendation', share: 0.22 },
  { name: 'cart', share: 0.16 },
  { name: 'venue', share: 0.13 },
  { name: 'livestream', share: 0.14 },
  { name: 'store', share: 0.05 },
  { name: 'mini-program', share: 0.03 },
]
export const LIVESTREAM_CHANNEL = 'livestream'

/**
 * Buyer regions with GMV-share weights: every province-level division of China (roughly
 * by online spending), and overseas markets: the Lazada countries first, then others.
 */
export const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  'CN-GD': 12.5,
  'CN-ZJ': 9.5,
  'CN-JS': 9,
  'CN-SH': 6.5,
  'CN-BJ': 5.5,
  'CN-SD': 5.5,
  'CN-FJ': 4,
  'CN-SC': 4,
  'CN-HA': 3.8,
  'CN-HB': 3.4,
  'CN-HN': 3,
  'CN-HE': 3,
  'CN-AH': 3,
  'CN-LN': 2.2,
  'CN-JX': 2,
  'CN-GX': 1.9,
  'CN-CQ': 1.9,
  'CN-SN': 1.9,
  'CN-YN': 1.6,
  'CN-SX': 1.5,
  'CN-TJ': 1.5,
  'CN-GZ': 1.3,
  'CN-HL': 1.2,
  'CN-JL': 0.9,
  'CN-NM': 0.9,
  'CN-XJ': 0.8,
  'CN-GS': 0.7,
  'CN-HI': 0.6,
  'CN-NX': 0.25,
  'CN-QH': 0.2,
  'CN-XZ': 0.1,
  'CN-HK': 0.6,
  'CN-MO': 0.1,
  'CN-TW': 0.3,
  SG: 0.35,
  MY: 0.35,
  TH: 0.25,
  ID: 0.25,
  PH: 0.15,
  VN: 0.15,
  US: 0.35,
  AU: 0.2,
  CA: 0.15,
  GB: 0.12,
  JP: 0.12,
  KR: 0.1,
  NZ: 0.05,
  DE: 0.05,
  FR: 0.04,
}
