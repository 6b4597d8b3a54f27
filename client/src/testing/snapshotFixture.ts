import type { Snapshot } from '@gmv-pulse/shared'

/** A small, plausible snapshot for unit tests; override what a test is about. */
export function snapshotFixture(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    filter: {},
    asOf: '2020-11-10T16:01:25.000Z',
    computedAt: '2020-11-10T16:01:25.200Z',
    serverTime: '2020-11-10T16:01:25.210Z',
    stale: false,
    ageSeconds: 0.01,
    tickMs: 1000,
    gmv: '12345678.90',
    orders: 4321,
    currentSecond: { second: '2020-11-10T16:01:25.000Z', gmv: '1000.00', orders: 10 },
    previousSecond: { second: '2020-11-10T16:01:24.000Z', gmv: '900.00', orders: 9 },
    ordersPerSecond: { start: '2020-11-10T16:01:23.000Z', counts: [5, 9, 10] },
    peak: { ordersPerSecond: 12, at: '2020-11-10T16:00:10.000Z' },
    topBrands: [
      { brand: 'Apple', gmv: '5000000.00', orders: 100, rank: 1, rankChange: 0 },
      { brand: 'Haier', gmv: '3000000.00', orders: 300, rank: 2, rankChange: 1 },
      { brand: 'Nike', gmv: '1000000.00', orders: 400, rank: 3, rankChange: null },
    ],
    channels: [
      { key: 'livestream', gmv: '4000000.00', orders: 1000, share: 0.324 },
      { key: 'search', gmv: '8345678.90', orders: 3321, share: 0.676 },
    ],
    liveRoomsAboveThreshold: 2,
    brandsAboveThreshold: 3,
    participatingBrands: 250,
    overseasBrands: 40,
    regions: [
      { key: 'CN-ZJ', gmv: '6000000.00', orders: 2000, share: 0.486 },
      { key: 'CN-GD', gmv: '5000000.00', orders: 1800, share: 0.405 },
      { key: 'US', gmv: '1345678.90', orders: 521, share: 0.109 },
    ],
    categories: [
      { key: 'Electronics', gmv: '7000000.00', orders: 1500, share: 0.567 },
      { key: 'Apparel', gmv: '5345678.90', orders: 2821, share: 0.433 },
    ],
    flows: [
      { origin: 'domestic', region: 'CN-GD', gmv: '4000000.00' },
      { origin: 'overseas', region: 'CN-ZJ', gmv: '900000.00' },
    ],
    lastYear: { gmv: '8.00', growthPercent: 26 },
    milestones: [
      { label: '¥10亿', threshold: '1000000000.00', reachedAt: null },
      { label: '¥1000万', threshold: '10000000.00', reachedAt: '2020-11-10T16:01:20.000Z' },
    ],
    ...overrides,
  }
}
