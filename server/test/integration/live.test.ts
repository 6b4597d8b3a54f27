import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { type Filter, fromFen, growthPercent, type OrderInput, type Snapshot, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { findMilestoneTimes } from '../../src/figures/findMilestoneTimes.ts'
import { createLogger } from '../../src/logger.ts'
import { makeOrders } from '../orderFixtures.ts'
import { connectViewer, follow, nextSnapshot, subscribe, type ViewerSocket } from '../socketClient.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

const CAMPAIGN_START = Date.UTC(2020, 10, 10, 16) // 2020-11-11 00:00 China time
const LAST_YEAR_START = Date.UTC(2019, 10, 10, 16)
const DAY_MS = 86_400_000
const TICK_MS = 300

let server: TestServer
const viewers: ViewerSocket[] = []
const orders = makeOrders(3000, 11, CAMPAIGN_START)
const lastYearOrders = makeOrders(2000, 12, LAST_YEAR_START).map((order) => ({
  ...order,
  orderId: `ly-${order.orderId}`,
}))

beforeAll(async () => {
  server = await startTestServer({
    TICK_MS: String(TICK_MS),
    CAMPAIGN_START: '2020-11-11T00:00:00+08:00',
    CAMPAIGN_END: '2020-11-12T00:00:00+08:00',
    MILESTONES: '1000,250000.50,999999999',
    BRAND_GMV_THRESHOLD: '1000000',
    LIVE_ROOM_GMV_THRESHOLD: '1000000',
  })
  for (const batch of [orders, lastYearOrders]) {
    expect((await postOrders(server.url, JSON.stringify(batch))).status).toBe(200)
  }
})

afterAll(async () => {
  for (const viewer of viewers) viewer.close()
  await server?.close()
})

async function viewer(auth: { token?: string } = {}, url = server.url): Promise<ViewerSocket> {
  const socket = await connectViewer(url, auth)
  viewers.push(socket)
  return socket
}

const matching = (list: OrderInput[], filter: Filter) =>
  list.filter((order) => Object.entries(filter).every(([key, value]) => order[key as keyof OrderInput] === value))
const fenOf = (list: OrderInput[]) => list.reduce((total, order) => total + toFen(String(order.amount)), 0n)
const gmvOf = (list: OrderInput[]) => fromFen(fenOf(list))

function groupGmv(list: OrderInput[], key: keyof OrderInput): Map<string, bigint> {
  const groups = new Map<string, bigint>()
  for (const order of list) {
    const value = order[key]
    if (value === undefined) continue
    groups.set(String(value), (groups.get(String(value)) ?? 0n) + toFen(String(order.amount)))
  }
  return groups
}

describe('live snapshots', () => {
  test('a subscriber gets a full snapshot whose numbers are the sums of the orders', async () => {
    const snapshot = await subscribe(await viewer(), {})
    expect(snapshot.gmv).toBe(gmvOf(orders))
    expect(snapshot.orders).toBe(orders.length)
    const latest = Math.max(...orders.map((order) => Number(order.ts)))
    expect(snapshot.asOf).toBe(new Date(latest).toISOString())

    const brands = [...groupGmv(orders, 'brand')].sort((a, b) => (a[1] === b[1] ? 0 : a[1] > b[1] ? -1 : 1))
    expect((snapshot.topBrands ?? []).map((brand) => [brand.brand, brand.gmv])).toEqual(
      brands.slice(0, 10).map(([brand, fen]) => [brand, fromFen(fen)]),
    )
    expect(snapshot.participatingBrands).toBe(brands.length)
    expect(snapshot.brandsAboveThreshold).toBe(brands.filter(([, fen]) => fen >= toFen('1000000')).length)

    for (const [field, key] of [
      ['channels', 'channel'],
      ['regions', 'region'],
      ['categories', 'category'],
    ] as const) {
      const expected = groupGmv(orders, key)
      expect(new Map((snapshot[field] ?? []).map((share) => [share.key, toFen(share.gmv)])), field).toEqual(expected)
      expect((snapshot[field] ?? []).reduce((total, share) => total + share.share, 0)).toBeCloseTo(1, 4)
    }
    const rooms = groupGmv(orders, 'liveRoom')
    expect(snapshot.liveRoomsAboveThreshold).toBe([...rooms.values()].filter((fen) => fen >= toFen('1000000')).length)

    // Last year at the same offset from its start as now (capped at the campaign's end) is from this year's.
    const offset = Math.min(Date.parse(snapshot.computedAt), CAMPAIGN_START + DAY_MS) - CAMPAIGN_START
    const lastYearGmv = gmvOf(
      lastYearOrders.filter(
        (order) => Number(order.ts) >= LAST_YEAR_START && Number(order.ts) < LAST_YEAR_START + offset,
      ),
    )
    expect(snapshot.lastYear).toEqual({ gmv: lastYearGmv, growthPercent: growthPercent(snapshot.gmv, lastYearGmv) })

    const perSecond = new Map<number, number>()
    for (const order of orders) {
      const second = Math.floor(Number(order.ts) / 1000) * 1000
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
    }
    const peak = Math.max(...perSecond.values())
    expect(snapshot.peak?.ordersPerSecond).toBe(peak)
    const peakSecond = Math.min(...[...perSecond].filter(([, count]) => count === peak).map(([second]) => second))
    expect(snapshot.peak?.at).toBe(new Date(peakSecond).toISOString())
    const { start, counts } = snapshot.ordersPerSecond
    expect(counts).toHaveLength(300)
    // Every second of the window holds exactly the orders of that second.
    counts.forEach((count, i) => {
      expect(count).toBe(perSecond.get(Date.parse(start) + i * 1000) ?? 0)
    })
    expect(Date.parse(start) + 299_000).toBe(Math.floor(latest / 1000) * 1000)
    expect(snapshot.currentSecond.orders).toBe(counts.at(-1))

    const sorted = [...orders].sort((a, b) => Number(a.ts) - Number(b.ts) || (a.orderId < b.orderId ? -1 : 1))
    let running = 0n
    const crossing = (threshold: string) => {
      running = 0n
      for (const order of sorted) {
        running += toFen(String(order.amount))
        if (running >= toFen(threshold)) return new Date(Number(order.ts)).toISOString()
      }
      return null
    }
    expect(snapshot.milestones.map((milestone) => [milestone.threshold, milestone.reachedAt])).toEqual([
      ['1000.00', crossing('1000')],
      ['250000.50', crossing('250000.50')],
      ['999999999.00', null],
    ])
    expect(snapshot.stale).toBe(false)
  })

  test("one brand's milestones and last year so far are its own orders' (day rows, raw within the day, one key of last year)", async () => {
    const filter = { brand: 'Acme' }
    const snapshot = await subscribe(await viewer(), filter)
    const mine = matching(orders, filter)
    const sorted = [...mine].sort((a, b) => Number(a.ts) - Number(b.ts) || (a.orderId < b.orderId ? -1 : 1))
    const crossing = (threshold: string) => {
      let running = 0n
      for (const order of sorted) {
        running += toFen(String(order.amount))
        if (running >= toFen(threshold)) return new Date(Number(order.ts)).toISOString()
      }
      return null
    }
    expect(crossing('250000.50')).not.toBeNull()
    expect(snapshot.milestones.map((milestone) => [milestone.threshold, milestone.reachedAt])).toEqual([
      ['1000.00', crossing('1000')],
      ['250000.50', crossing('250000.50')],
      ['999999999.00', null],
    ])
    const offset = Math.min(Date.parse(snapshot.computedAt), CAMPAIGN_START + DAY_MS) - CAMPAIGN_START
    const lastYearGmv = gmvOf(
      matching(lastYearOrders, filter).filter(
        (order) => Number(order.ts) >= LAST_YEAR_START && Number(order.ts) < LAST_YEAR_START + offset,
      ),
    )
    expect(snapshot.lastYear?.gmv).toBe(lastYearGmv)
  })

  test('a crossing once found is known: the same question again reads nothing, and answers the same', async () => {
    const store = server.store
    const range = { fromMs: CAMPAIGN_START, toMs: CAMPAIGN_START + DAY_MS }
    const thresholds = ['1000.00', '250000.50', '999999999.00']
    const filter = { channel: 'search' }
    const first = await findMilestoneTimes(store, filter, range, thresholds)
    expect(first.get('1000.00')).not.toBeNull()
    // The store serves the live ticks of the other tests too: count the crossing searches only.
    const select = store.select.bind(store)
    const searches: string[] = []
    Object.assign(store, {
      select: (sql: string, params?: Record<string, unknown>) => {
        if (sql.includes('crossing')) searches.push(sql)
        return select(sql, params)
      },
    })
    try {
      const again = await findMilestoneTimes(store, filter, range, thresholds.slice(0, 2))
      expect(again).toEqual(new Map([...first].slice(0, 2)))
      // One not reached yet is looked for again, and the total says it still is not.
      expect(await findMilestoneTimes(store, filter, range, thresholds)).toEqual(first)
      expect(searches).toEqual([])
      // Another filter is a question of its own.
      await findMilestoneTimes(store, { channel: 'cart' }, range, thresholds.slice(0, 1))
      expect(searches.length).toBeGreaterThan(0)
    } finally {
      Object.assign(store, { select })
    }
  })

  test('two filters in two rooms each get their own numbers, tick after tick', async () => {
    const acme = await viewer()
    const search = await viewer()
    const filterA = { brand: 'Acme' }
    const filterB = { channel: 'search', region: 'CN-ZJ' }
    expect((await subscribe(acme, filterA)).gmv).toBe(gmvOf(matching(orders, filterA)))
    expect((await subscribe(search, filterB)).gmv).toBe(gmvOf(matching(orders, filterB)))
    const received: string[] = []
    acme.on('snapshot', (snapshot) => received.push(JSON.stringify(snapshot.filter)))
    const [a, b] = await Promise.all([nextSnapshot(acme), nextSnapshot(search)])
    expect([a.gmv, a.orders]).toEqual([gmvOf(matching(orders, filterA)), matching(orders, filterA).length])
    expect([b.gmv, b.orders]).toEqual([gmvOf(matching(orders, filterB)), matching(orders, filterB).length])
    await nextSnapshot(acme)
    expect(new Set(received)).toEqual(new Set([JSON.stringify(filterA)]))
  })

  test('a filter is computed once per tick whatever the number of its viewers, and not at all once nobody watches', async () => {
    const crowd = await Promise.all(Array.from({ length: 40 }, () => viewer()))
    const filter = { category: 'Apparel' }
    await Promise.all(crowd.map((socket) => subscribe(socket, filter)))
    const key = JSON.stringify(filter)
    const watcher = crowd[0] as ViewerSocket
    await nextSnapshot(watcher)
    await server.hub.settled()
    const before = server.hub.stats
    for (let i = 0; i < 5; i++) await nextSnapshot(watcher)
    await server.hub.settled()
    const after = server.hub.stats
    const computed = (after.computations.get(key) ?? 0) - (before.computations.get(key) ?? 0)
    const skipped = (after.skips.get(key) ?? 0) - (before.skips.get(key) ?? 0)
    // Exactly one computation per computed tick, however many viewers, but for the ticks that
    // found it still computing or spent their budget first (its screens are then told their
    // numbers are ageing). Under load the count of ticks itself varies.
    expect(computed + skipped).toBe(after.ticks - before.ticks)
    expect(computed).toBeGreaterThanOrEqual(1)
    expect(computed).toBeLessThanOrEqual(6)

    for (const socket of crowd) socket.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS))
    const idle = server.hub.stats.computations.get(key)
    await new Promise((resolve) => setTimeout(resolve, 3 * TICK_MS))
    expect(server.hub.stats.computations.get(key)).toBe(idle)
  })

  test('a new order is in a snapshot within a tick or two of its acknowledgement', async () => {
    const socket = await viewer()
    const first = await subscribe(socket, { brand: 'Fresh Brand' })
    expect(first.orders).toBe(0)
    const order = { ...(makeOrders(1, 13, CAMPAIGN_START + 3_600_000)[0] as OrderInput), brand: 'Fresh Brand' }
    expect((await postOrders(server.url, JSON.stringify([order]))).status).toBe(200)
    const acknowledged = Date.now()
    const seen = await nextSnapshot(socket, (snapshot) => snapshot.orders === 1)
    expect(seen.gmv).toBe(order.amount)
    expect(Date.now() - acknowledged).toBeLessThan(5_000)
  })

  test('a screen whose connection drops gets its room back and a full snapshot', async () => {
    const socket = await viewer()
    const received: Snapshot[] = []
    await follow(socket, { region: 'SG' }, (snapshot) => received.push(snapshot))
    const reconnected = once(socket as unknown as NodeJS.EventEmitter, 'connect')
    socket.io.engine.close()
    await reconnected
    const snapshot = await nextSnapshot(socket)
    expect(snapshot.filter).toEqual({ region: 'SG' })
    expect(snapshot.gmv).toBe(gmvOf(matching(orders, { region: 'SG' })))
    // The full snapshot after the reconnect came from recovery or from the re-subscribe's acknowledgement.
    expect(received.length).toBeGreaterThanOrEqual(2)
    expect(received.at(-1)?.orders).toBe(matching(orders, { region: 'SG' }).length)
  })

  test('while the store stalls, screens keep the last good numbers marked stale, and recover by themselves', async () => {
    const socket = await viewer()
    await subscribe(socket, { brand: 'Zeta' })
    const good = await nextSnapshot(socket, (snapshot) => !snapshot.stale)
    // Each embedded session runs one statement at a time: a slow one on the live session stalls the ticks behind it.
    const stall = server.store.live.select('SELECT sleepEachRow(0.5) FROM numbers(6) SETTINGS max_block_size = 1')
    const stale = await nextSnapshot(socket, (snapshot) => snapshot.stale)
    expect(stale.gmv).toBe(good.gmv)
    expect(stale.ageSeconds).toBeGreaterThan(0.5)
    await stall
    const fresh = await nextSnapshot(socket, (snapshot) => !snapshot.stale)
    expect(fresh.gmv).toBe(good.gmv)
    expect(fresh.ageSeconds).toBeLessThan(1)
  })
})

describe('viewer authentication', () => {
  test('with VIEWER_TOKENS set, sockets and read routes need a viewer token, and ingest tokens are not one', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', VIEWER_TOKENS: 'screen-token', INGEST_TOKENS: 'ingest-token' })
    const app = createApp({ config, store: server.store, logger: createLogger('silent') })
    app.server.listen(0, '127.0.0.1')
    await once(app.server, 'listening')
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    try {
      await expect(connectViewer(url)).rejects.toMatchObject({ data: { code: 'unauthorized' } })
      await expect(connectViewer(url, { token: 'ingest-token' })).rejects.toMatchObject({
        data: { code: 'unauthorized' },
      })
      const socket = await viewer({ token: 'screen-token' }, url)
      expect((await subscribe(socket, {})).orders).toBeGreaterThan(0)
      socket.close()
      expect((await fetch(`${url}/api/v1/summary`)).status).toBe(401)
      expect((await fetch(`${url}/metrics`)).status).toBe(401)
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer screen-token' } })).status).toBe(200)
      const ingestTokenRead = await fetch(`${url}/api/v1/summary`, {
        headers: { authorization: 'Bearer ingest-token' },
      })
      expect(ingestTokenRead.status).toBe(401)
      const read = await fetch(`${url}/api/v1/summary`, { headers: { authorization: 'Bearer screen-token' } })
      expect(read.status).toBe(200)
      const viewerTokenIngest = await postOrders(url, JSON.stringify(makeOrders(1, 14)), { token: 'screen-token' })
      expect(viewerTokenIngest.status).toBe(401)
    } finally {
      await app.hub.stop()
      await new Promise((resolve) => app.io.close(resolve))
    }
  })
})
