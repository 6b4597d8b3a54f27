import {
  FILTER_DIMENSIONS,
  type FilterDimension,
  fromFen,
  type OrderInput,
  type Top,
  topSchema,
} from '@gmv-pulse/shared'
import { describe, expect, test } from 'vitest'
import {
  analystServerForFile,
  CAMPAIGN_END,
  CAMPAIGN_START,
  expectedGrowth,
  expectedShare,
  fenOf,
  getOk,
  inRange,
  LAST_YEAR,
  LAST_YEAR_END,
  LAST_YEAR_START,
  OFFSET_MS,
  THIS_YEAR,
} from './analystFixtures.ts'

const server = analystServerForFile()

const top = (query: Record<string, string | number>): Promise<Top> =>
  getOk(server().url, '/api/v1/top', query, topSchema)

function groupBy(orders: OrderInput[], dimension: FilterDimension): Map<string, OrderInput[]> {
  const groups = new Map<string, OrderInput[]>()
  for (const order of orders) {
    const key = order[dimension]
    if (key === undefined) continue
    groups.set(key, [...(groups.get(key) ?? []), order])
  }
  return groups
}

/** The ranking the test expects, computed from the orders it inserted, in BigInt fen. */
function expectedTop(dimension: FilterDimension, fromMs: number, toMs: number, keep: (order: OrderInput) => boolean) {
  const current = inRange(THIS_YEAR, fromMs, toMs).filter(keep)
  const last = inRange(
    LAST_YEAR,
    Math.max(fromMs - OFFSET_MS, LAST_YEAR_START),
    Math.min(toMs - OFFSET_MS, LAST_YEAR_END),
  ).filter(keep)
  const totalFen = fenOf(current)
  const lastGroups = groupBy(last, dimension)
  const rows = [...groupBy(current, dimension)].map(([key, orders]) => {
    const fen = fenOf(orders)
    const lastFen = fenOf(lastGroups.get(key) ?? [])
    return {
      key,
      fen,
      gmv: fromFen(fen),
      orders: orders.length,
      share: expectedShare(fen, totalFen),
      lastYearGmv: fromFen(lastFen),
      growthPercent: expectedGrowth(fen, lastFen),
    }
  })
  return { total: { gmv: fromFen(totalFen), orders: current.length }, rows }
}

const campaignOrders = inRange(THIS_YEAR, CAMPAIGN_START, CAMPAIGN_END)

describe('GET /api/v1/top', () => {
  for (const dimension of FILTER_DIMENSIONS) {
    test(`ranks every ${dimension} by GMV with orders, share and growth computed from the orders`, async () => {
      const expected = expectedTop(dimension, CAMPAIGN_START, CAMPAIGN_END, () => true)
      expect(expected.rows.length).toBeGreaterThan(1)
      const result = await top({ dimension, limit: 100 })
      expect(result.total).toEqual(expected.total)
      expect(result.from).toBe(new Date(CAMPAIGN_START).toISOString())
      const rows = [...expected.rows]
        .sort((a, b) => (a.fen === b.fen ? (a.key < b.key ? -1 : 1) : a.fen > b.fen ? -1 : 1))
        .map(({ fen: _fen, ...row }, index) => ({ rank: index + 1, ...row }))
      expect(result.rows).toEqual(rows)
      expect(rows.some((row) => row.growthPercent !== null)).toBe(true)
    })
  }

  test('live-room shares are of all GMV, and orders outside a live room are not ranked', async () => {
    const result = await top({ dimension: 'liveRoom' })
    expect(result.rows.map((row) => row.key).sort()).toEqual(['Room A', 'Room B'])
    expect(result.total.orders).toBe(campaignOrders.length)
    expect(result.rows.reduce((total, row) => total + row.share, 0)).toBeLessThan(0.9)
  })

  test('sorts by orders and by growth, with no-base growth last', async () => {
    const expected = expectedTop('brand', CAMPAIGN_START, CAMPAIGN_END, () => true).rows
    const byOrders = await top({ dimension: 'brand', sort: 'orders' })
    const orders = byOrders.rows.map((row) => row.orders)
    expect(orders).toEqual([...orders].sort((a, b) => b - a))
    const byGrowth = await top({ dimension: 'brand', sort: 'growth' })
    const growths = byGrowth.rows.map((row) => row.growthPercent)
    // Zeta sold nothing last year: no base, so last.
    expect(byGrowth.rows.at(-1)?.key).toBe('Zeta')
    expect(growths.at(-1)).toBeNull()
    const withBase = growths.filter((growth): growth is number => growth !== null)
    expect(withBase).toEqual([...withBase].sort((a, b) => b - a))
    expect(byGrowth.rows).toHaveLength(expected.length)
  })

  test('honours a filter, a ragged range and a limit', async () => {
    const from = CAMPAIGN_START + 2 * 60_000 + 17
    const to = CAMPAIGN_START + 3_600_000 + 1_234
    const keep = (order: OrderInput) => order.channel === 'livestream'
    const expected = expectedTop('region', from, to, keep)
    const result = await top({ dimension: 'region', channel: 'livestream', from, to, limit: 2 })
    expect(result.total).toEqual(expected.total)
    const best = [...expected.rows].sort((a, b) => (a.fen > b.fen ? -1 : 1)).slice(0, 2)
    expect(result.rows.map((row) => [row.key, row.gmv, row.share, row.growthPercent])).toEqual(
      best.map((row) => [row.key, row.gmv, row.share, row.growthPercent]),
    )
  })

  test('a filter that matches nothing answers an empty ranking and a zero total', async () => {
    const result = await top({ dimension: 'brand', brand: 'Nobody' })
    expect(result).toMatchObject({ total: { gmv: '0.00', orders: 0 }, rows: [] })
  })
})
