import { createRandom } from '@gmv-pulse/seed'
import {
  FILTER_DIMENSIONS,
  type Filter,
  type FilterDimension,
  fromFen,
  type Headline,
  headlineSchema,
  INTERVAL_MS,
  INTERVALS,
  type Interval,
  type OrderInput,
  type Summary,
  summarySchema,
  type TimeseriesPoint,
  TOP_SORTS,
  type TopRow,
  type TopSort,
  timeseriesSchema,
  toFen,
  topSchema,
} from '@gmv-pulse/shared'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'
import { expectedGrowth, expectedShare, getOk } from './analystFixtures.ts'

/**
 * Every figure the read API answers equals the same figure summed in this file, in BigInt fen,
 * from the orders this file posted through the ingest API: for random filters, random ranges
 * (on second, minute, hour and day boundaries and between them) and random cutoffs. Whatever
 * the storage layout — raw rows, rollups at any grain — the answers must not move by a fen.
 */

const SECOND = 1000
const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000
const SHANGHAI_MS = 8 * HOUR // Asia/Shanghai is UTC+8 with no summer time since 1991.

// Two local days of campaign and last year's two days; 2020 is a leap year, so the offset is 366 days.
const START = Date.parse('2020-11-11T00:00:00+08:00')
const END = Date.parse('2020-11-13T00:00:00+08:00')
const LY_START = Date.parse('2019-11-11T00:00:00+08:00')
const LY_END = Date.parse('2019-11-13T00:00:00+08:00')
const OFFSET_MS = START - LY_START
// Orders reach this far outside each window, so every window edge has orders on both sides.
const MARGIN_MS = 3 * HOUR
const BRAND_THRESHOLD_FEN = 80_000_000n // ¥800,000: some brands cross it during the campaign, some never.
/** ¥20,000: over the ranges drawn, some keys had that much last year and some not. */
const GROWTH_BASE_FEN = 2_000_000n
const LIVE_ROOM_THRESHOLD_FEN = 40_000_000n
const USD_RATE = '6.6'
const CAMPAIGN_NAME = 'Figures 11.11'

interface Era {
  start: number
  end: number
}
const THIS_YEAR: Era = { start: START, end: END }
const LAST_YEAR: Era = { start: LY_START, end: LY_END }

/** One posted order as the oracle sees it: CNY fen, the filterable fields, and whether its brand is overseas. */
interface Row {
  ms: number
  fen: bigint
  brand: string
  category: string
  channel: string
  liveRoom: string | undefined
  region: string
  overseas: boolean
}

// ---------------------------------------------------------------------------------------------
// The orders: seeded, so every run posts the same ones.

const BRANDS: readonly { name: string; weight: number; origin?: 'domestic' | 'overseas'; only?: Era }[] = [
  { name: 'Acme', weight: 6, origin: 'domestic' },
  { name: "O'Neil", weight: 4, origin: 'overseas' },
  { name: '雅诗兰黛', weight: 5, origin: 'overseas' },
  { name: 'Lotus', weight: 3, origin: 'domestic' },
  { name: 'Nordic "Fjord"', weight: 1, origin: 'overseas' },
  { name: 'Brand \\ Slash', weight: 2 },
  { name: 'Zeta', weight: 2, only: THIS_YEAR }, // a first-time brand
  { name: 'Old Navy', weight: 2, origin: 'domestic', only: LAST_YEAR }, // gone this year
]
const CATEGORIES = ['Beauty', 'Electronics', 'Apparel', '食品 & 饮料']
const CHANNELS = ['livestream', 'livestream', 'search', 'recommendation', 'cart']
const UNIQUE_CHANNELS = [...new Set(CHANNELS)]
const LIVE_ROOMS = ['Room A', "Room 'B'", '李佳琦直播间']
const REGIONS = ['CN-ZJ', 'CN-GD', 'CN-SH', 'CN-BJ', 'SG', 'VN', 'US']
// Common prices make equal GMVs, so ties in a ranking really happen.
const PRICE_POINTS_FEN = [1, 990, 9_900, 19_900, 299_900]
const BOUNDARIES = ['second', 'minute', 'hour', 'localDay', 'utcDay'] as const
type Boundary = (typeof BOUNDARIES)[number]

/** The start of the second, minute, hour, Shanghai day or UTC day holding ms. */
function floorTo(ms: number, boundary: Boundary): number {
  const width = { second: SECOND, minute: MINUTE, hour: HOUR, localDay: DAY, utcDay: DAY }[boundary]
  const shift = boundary === 'localDay' ? SHANGHAI_MS : 0
  return Math.floor((ms + shift) / width) * width - shift
}

const iso = (ms: number) => new Date(ms).toISOString()
const shanghaiIso = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().replace('Z', '+08:00')

type Brand = (typeof BRANDS)[number]

/** One order before it is written out twice: for the wire, and as the oracle's row. */
interface Draft {
  ms: number
  /** In the order's own currency. */
  sentFen: number
  usd: boolean
  brand: Brand
  category: string
  channel: string
  liveRoom: string | undefined
  region: string
}

function makeOrders(seed: number): { inputs: OrderInput[]; rows: Row[]; twinTimes: number[] } {
  const random = createRandom(seed)
  const below = (n: number) => Math.floor(random.next() * n)
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T
  const other = <T>(items: readonly T[], not: T): T => pick(items.filter((item) => item !== not))
  const inputs: OrderInput[] = []
  const rows: Row[] = []
  const twinTimes: number[] = []
  const emit = (draft: Draft, orderId: string) => {
    const amount = fromFen(BigInt(draft.sentFen))
    inputs.push({
      orderId,
      ts: random.next() < 0.2 ? shanghaiIso(draft.ms) : draft.ms,
      amount: random.next() < 0.2 ? Number(amount) : amount,
      ...(draft.usd ? { currency: 'USD' } : {}),
      quantity: 1 + below(3),
      brand: draft.brand.name,
      category: draft.category,
      channel: draft.channel,
      ...(draft.liveRoom ? { liveRoom: draft.liveRoom } : {}),
      region: draft.region,
      ...(draft.brand.origin ? { brandOrigin: draft.brand.origin } : {}),
    })
    rows.push({
      ms: draft.ms,
      // USD → CNY at 6.6, rounded half away from zero to the fen: cents × 66 / 10, in integers.
      fen: draft.usd ? (BigInt(draft.sentFen) * 132n + 10n) / 20n : BigInt(draft.sentFen),
      brand: draft.brand.name,
      category: draft.category,
      channel: draft.channel,
      liveRoom: draft.liveRoom,
      region: draft.region,
      overseas: draft.brand.origin === 'overseas',
    })
  }
  for (const [window, count, era] of [
    [THIS_YEAR, 3000, 't'],
    [LAST_YEAR, 2400, 'l'],
  ] as const) {
    const low = window.start - MARGIN_MS
    const span = window.end - window.start + 2 * MARGIN_MS
    const anywhere = () => low + below(span)
    // Both edges of each window, local and UTC midnight inside it, one millisecond either side of the edges.
    const edges = [window.start, window.end, window.start + DAY, window.start + SHANGHAI_MS, window.start - 1]
    edges.push(window.end - 1, window.start + 1, window.end + 1)
    // Busy seconds: several orders in one second and one minute, some at a midnight.
    const hotSeconds = [window.start, window.start + DAY - SECOND, window.start + DAY, window.end - SECOND]
    for (let i = 0; i < 24; i++) hotSeconds.push(floorTo(anywhere(), 'second'))
    const brands = BRANDS.filter((brand) => brand.only === undefined || brand.only === window)
    // Each brand listed as many times as its weight, so a uniform pick is a weighted one.
    const weightedBrands = brands.flatMap((brand) => Array.from({ length: brand.weight }, () => brand))
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      const roll = random.next()
      const ms =
        roll < 0.5
          ? anywhere()
          : roll < 0.65
            ? pick(hotSeconds) + below(SECOND)
            : roll < 0.8
              ? floorTo(anywhere(), pick(BOUNDARIES))
              : roll < 0.9
                ? pick(edges)
                : times.length > 0
                  ? pick(times) // the same millisecond as another order
                  : anywhere()
      times.push(ms)
      const usd = random.next() < 0.05
      const size = random.next()
      const channel = pick(CHANNELS)
      const draft: Draft = {
        ms,
        usd,
        // Price points, up to ¥3,000, and a few up to ¥50,000; USD orders up to $1,000.
        sentFen: usd
          ? 1 + below(100_000)
          : size < 0.35
            ? pick(PRICE_POINTS_FEN)
            : size < 0.95
              ? 1 + below(300_000)
              : 1 + below(5_000_000),
        brand: pick(weightedBrands),
        category: pick(CATEGORIES),
        channel,
        liveRoom: channel === 'livestream' && random.next() < 0.9 ? pick(LIVE_ROOMS) : undefined,
        region: pick(REGIONS),
      }
      emit(draft, `fx-${era}-${i}`)
      if (random.next() >= 0.12) continue
      // A twin: the same moment and amount, different in some dimensions, so rankings meet exact ties.
      const twin = { ...draft }
      const differs = () => random.next() < 0.5
      if (differs()) twin.category = other(CATEGORIES, draft.category)
      if (differs()) twin.region = other(REGIONS, draft.region)
      const channelRoll = random.next()
      if (channelRoll < 0.5) {
        twin.channel = other(UNIQUE_CHANNELS, draft.channel)
        twin.liveRoom = twin.channel === 'livestream' ? pick(LIVE_ROOMS) : undefined
      } else if (draft.liveRoom && channelRoll < 0.75) {
        twin.liveRoom = other(LIVE_ROOMS, draft.liveRoom)
      }
      if (differs() || (twin.category === draft.category && twin.region === draft.region)) {
        twin.brand = other(brands, draft.brand)
      }
      emit(twin, `fx-${era}-${i}-twin`)
      twinTimes.push(ms)
    }
  }
  return { inputs, rows: rows.sort((a, b) => a.ms - b.ms), twinTimes }
}

const { inputs: INPUTS, rows: ROWS, twinTimes: TWIN_TIMES } = makeOrders(20201111)

// ---------------------------------------------------------------------------------------------
// The oracle: plain sums over the rows above.

/** The first index in rows (sorted by time) at or after ms. */
function lowerBound(rows: readonly Row[], ms: number): number {
  let low = 0
  let high = rows.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((rows[middle] as Row).ms < ms) low = middle + 1
    else high = middle
  }
  return low
}

const between = (rows: readonly Row[], fromMs: number, toMs: number): Row[] =>
  fromMs < toMs ? rows.slice(lowerBound(rows, fromMs), lowerBound(rows, toMs)) : []

const matches = (row: Row, filter: Filter) =>
  FILTER_DIMENSIONS.every((dimension) => (filter[dimension] ?? row[dimension]) === row[dimension])
const matching = (filter: Filter): Row[] => ROWS.filter((row) => matches(row, filter))

function fenOf(rows: readonly Row[]): bigint {
  let fen = 0n
  for (const row of rows) fen += row.fen
  return fen
}

const figures = (rows: readonly Row[]) => ({ gmv: fromFen(fenOf(rows)), orders: rows.length })

function groupBy(rows: readonly Row[], key: (row: Row) => string | undefined): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const value = key(row)
    if (value === undefined) continue
    const group = groups.get(value)
    if (group) group.push(row)
    else groups.set(value, [row])
  }
  return groups
}

/**
 * What summary counts for an end left out: routes/summary.ts resolves it through
 * figures/timeRange.ts to the campaign window's (its end is not capped at the clock, which is
 * years past 2020 here anyway).
 */
const SUMMARY_DEFAULT_RANGE = { from: START, to: END }

/**
 * asOf is how far the data reaches in the range, whatever the filter (figures/getAsOf.ts, and
 * docs/storage.md), so a brand's figure says it is complete up to the latest order of any brand;
 * null when the filter matched nothing.
 */
function expectedSummary(filter: Filter, fromMs: number | undefined, toMs: number | undefined): Summary {
  const inRange = between(ROWS, fromMs ?? SUMMARY_DEFAULT_RANGE.from, toMs ?? SUMMARY_DEFAULT_RANGE.to)
  const counted = inRange.filter((row) => matches(row, filter))
  const latest = inRange.at(-1)
  return { ...figures(counted), asOf: latest && counted.length > 0 ? iso(latest.ms) : null }
}

const compareFen = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0)
// The engine orders strings by their bytes; so does this.
const compareKeys = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))
type Ranked = { key: string; fen: bigint; orders: number; lastFen: bigint }
const atBase = (row: Ranked) => row.lastFen >= GROWTH_BASE_FEN
/** By growth, exactly: keys at the base first, the larger this year ÷ last year first. */
const compareGrowth = (a: Ranked, b: Ranked) =>
  Number(atBase(b)) - Number(atBase(a)) || (atBase(a) ? compareFen(b.fen * a.lastFen, a.fen * b.lastFen) : 0)
/** getTop's documented order: by the sort, then GMV, then key ascending. */
const TOP_ORDER: Record<TopSort, (a: Ranked, b: Ranked) => number> = {
  gmv: (a, b) => compareFen(b.fen, a.fen) || compareKeys(a.key, b.key),
  orders: (a, b) => b.orders - a.orders || compareFen(b.fen, a.fen) || compareKeys(a.key, b.key),
  growth: (a, b) => compareGrowth(a, b) || compareFen(b.fen, a.fen) || compareKeys(a.key, b.key),
}

function expectedTop(
  filter: Filter,
  dimension: FilterDimension,
  sort: TopSort,
  fromMs: number,
  toMs: number,
  limit: number,
) {
  const rows = matching(filter)
  const current = between(rows, fromMs, toMs)
  // Last year at the same campaign offset, clipped to last year's window.
  const last = between(rows, Math.max(fromMs - OFFSET_MS, LY_START), Math.min(toMs - OFFSET_MS, LY_END))
  const lastByKey = groupBy(last, (row) => row[dimension])
  const totalFen = fenOf(current)
  const ranked = [...groupBy(current, (row) => row[dimension])]
    .map(
      ([key, group]): Ranked => ({
        key,
        fen: fenOf(group),
        orders: group.length,
        lastFen: fenOf(lastByKey.get(key) ?? []),
      }),
    )
    .sort(TOP_ORDER[sort])
    .slice(0, limit)
  return {
    total: figures(current),
    rows: ranked.map(({ key, fen, orders, lastFen }, index): TopRow => {
      return {
        rank: index + 1,
        key,
        gmv: fromFen(fen),
        orders,
        share: expectedShare(fen, totalFen),
        lastYearGmv: fromFen(lastFen),
        growthPercent: expectedGrowth(fen, lastFen),
      }
    }),
  }
}

/** Every bucket that meets [from, to), cut in Shanghai time, with last year's bucket at the same offset. */
function expectedPoints(filter: Filter, fromMs: number, toMs: number, interval: Interval): TimeseriesPoint[] {
  const rows = matching(filter)
  const width = INTERVAL_MS[interval]
  const points: TimeseriesPoint[] = []
  // Every width divides a day, so buckets are whole widths from a Shanghai midnight.
  const firstBucket = Math.floor((fromMs + SHANGHAI_MS) / width) * width - SHANGHAI_MS
  for (let bucket = firstBucket; bucket < toMs; bucket += width) {
    const startMs = Math.max(bucket, fromMs)
    const endMs = Math.min(bucket + width, toMs)
    const last = between(rows, Math.max(startMs - OFFSET_MS, LY_START), Math.min(endMs - OFFSET_MS, LY_END))
    points.push({
      t: iso(bucket),
      ...figures(between(rows, startMs, endMs)),
      partial: false, // 2020 is long over
      lastYear: { t: iso(bucket - OFFSET_MS), ...figures(last) },
    })
  }
  return points
}

function expectedHeadline(atMs: number): Headline {
  const cutoff = Math.max(START, Math.min(atMs, END))
  const current = between(ROWS, START, cutoff)
  const lastYearTo = Math.min(LY_START + (cutoff - START), LY_END)
  const currentFen = fenOf(current)
  const lastFen = fenOf(between(ROWS, LY_START, lastYearTo))
  const latest = current.at(-1)
  const asOf = latest ? iso(latest.ms) : null
  const brands = groupBy(current, (row) => row.brand)
  const lastYearBrands = new Set(between(ROWS, LY_START, LY_END).map((row) => row.brand))
  const liveRooms = groupBy(current, (row) => row.liveRoom)
  // The busiest whole second inside [start, cutoff); the earliest wins a tie.
  const seconds = groupBy(
    current.filter((row) => floorTo(row.ms, 'second') + SECOND <= cutoff),
    (row) => String(floorTo(row.ms, 'second')),
  )
  let peak: { ordersPerSecond: number; at: string | null } = { ordersPerSecond: 0, at: null }
  for (const [second, group] of [...seconds].sort(([a], [b]) => Number(a) - Number(b))) {
    if (group.length > peak.ordersPerSecond) peak = { ordersPerSecond: group.length, at: iso(Number(second)) }
  }
  const above = (groups: Map<string, Row[]>, threshold: bigint) =>
    [...groups.values()].filter((group) => fenOf(group) >= threshold).length
  return {
    campaign: CAMPAIGN_NAME,
    cutoff: iso(cutoff),
    // CNY → USD at 6.6, half away from zero to the cent: fen × 10 / 66, in integers.
    gmv: { cny: fromFen(currentFen), usd: fromFen((currentFen * 20n + 66n) / 132n), usdRate: USD_RATE, asOf },
    growth: { lastYearGmv: fromFen(lastFen), percent: expectedGrowth(currentFen, lastFen), asOf },
    peak: { ...peak, asOf },
    orders: { count: current.length, asOf },
    brandsAboveThreshold: { count: above(brands, BRAND_THRESHOLD_FEN), threshold: fromFen(BRAND_THRESHOLD_FEN), asOf },
    liveRoomsAboveThreshold: {
      count: above(liveRooms, LIVE_ROOM_THRESHOLD_FEN),
      threshold: fromFen(LIVE_ROOM_THRESHOLD_FEN),
      asOf,
    },
    participatingBrands: { count: brands.size, asOf },
    overseasBrands: { count: [...brands.values()].filter((group) => group.some((row) => row.overseas)).length, asOf },
    firstTimeBrands: { count: [...brands.keys()].filter((brand) => !lastYearBrands.has(brand)).length, asOf },
    topBrands: { brands: expectedTop({}, 'brand', 'gmv', START, cutoff, 10).rows, asOf },
  }
}

// ---------------------------------------------------------------------------------------------
// The inputs: filters of posted (and sometimes absent) values, times on and between boundaries.

const ABSENT: Record<FilterDimension, string> = {
  brand: 'Nobody',
  category: 'Toys',
  channel: 'fax',
  liveRoom: 'Room Z',
  region: 'JP',
}

const valueArb = (dimension: FilterDimension) =>
  fc.oneof(
    { weight: 14, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: fc.constantFrom(...new Set(ROWS.flatMap((row) => row[dimension] ?? []))) },
    { weight: 1, arbitrary: fc.constant(ABSENT[dimension]) },
  )

const filterArb: fc.Arbitrary<Filter> = fc
  .record({
    brand: valueArb('brand'),
    category: valueArb('category'),
    channel: valueArb('channel'),
    liveRoom: valueArb('liveRoom'),
    region: valueArb('region'),
  })
  .map((drawn) => {
    const filter: Filter = {}
    for (const dimension of FILTER_DIMENSIONS) {
      const value = drawn[dimension]
      if (value !== undefined) filter[dimension] = value
    }
    return filter
  })

const windowArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(THIS_YEAR) },
  { weight: 1, arbitrary: fc.constant(LAST_YEAR) },
)

/** An instant near a window: anywhere, on a boundary, at an order's time ± 1 ms, or on the window's edge. */
function instantArb(window: Era): fc.Arbitrary<number> {
  const low = window.start - MARGIN_MS
  const anywhere = fc.integer({ min: 0, max: window.end - window.start + 2 * MARGIN_MS }).map((ms) => low + ms)
  const times = between(ROWS, low, window.end + MARGIN_MS).map((row) => row.ms)
  return fc.oneof(
    { weight: 3, arbitrary: anywhere },
    { weight: 3, arbitrary: fc.tuple(anywhere, fc.constantFrom(...BOUNDARIES)).map(([ms, unit]) => floorTo(ms, unit)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: times.length - 1 }), fc.constantFrom(-1, 0, 1))
        .map(([index, nudge]) => (times[index] as number) + nudge),
    },
    { weight: 1, arbitrary: fc.constantFrom(window.start, window.end) },
  )
}

interface Range {
  from: number
  to: number
}

const toRange = ([a, b]: readonly [number, number]): Range =>
  a === b ? { from: a, to: a + 1 } : { from: Math.min(a, b), to: Math.max(a, b) }

/** A few hundred ms around a twin pair: two keys with equal GMV and orders, so ties must break by key. */
const aroundTwinArb: fc.Arbitrary<Range> = fc
  .tuple(fc.constantFrom(...TWIN_TIMES), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }))
  .map(([ms, before, after]) => toRange([ms - before, ms + after]))

/** [from, to): long, short (a second, a minute, a few hours), around a twin pair, across both years, or on a window. */
const rangeArb: fc.Arbitrary<Range> = fc.oneof(
  { weight: 4, arbitrary: windowArb.chain((window) => fc.tuple(instantArb(window), instantArb(window))).map(toRange) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        windowArb.chain(instantArb),
        fc.oneof(
          fc.constantFrom(SECOND, MINUTE, HOUR, DAY),
          fc.integer({ min: 1, max: SECOND }),
          fc.integer({ min: 1, max: 2 * MINUTE }),
          fc.integer({ min: 1, max: 3 * HOUR }),
        ),
      )
      .map(([from, length]) => toRange([from, from + length])),
  },
  { weight: 1, arbitrary: aroundTwinArb },
  { weight: 1, arbitrary: fc.tuple(instantArb(LAST_YEAR), instantArb(THIS_YEAR)).map(toRange) },
  // Exactly a window, or sharing one edge with it: the campaign's may be answered by a rollup kept for it alone.
  { weight: 1, arbitrary: fc.constantFrom(THIS_YEAR, LAST_YEAR).map((era) => ({ from: era.start, to: era.end })) },
  {
    weight: 2,
    arbitrary: windowArb.chain((era) => fc.tuple(instantArb(era), fc.constantFrom(era.start, era.end))).map(toRange),
  },
)

/** How a time travels in the query string: epoch ms or ISO with the +08:00 offset. */
const timeStyleArb = fc.constantFrom<'ms' | 'iso'>('ms', 'iso')
const timeParam = (ms: number, style: 'ms' | 'iso') => (style === 'ms' ? ms : shanghaiIso(ms))

function queryOf(filter: Filter, extra: Record<string, string | number | undefined>): Record<string, string | number> {
  const query: Record<string, string | number> = {}
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value !== undefined) query[key] = value
  return query
}

const describeCase = (filter: Filter, from: number | undefined, to: number | undefined) =>
  `filter ${JSON.stringify(filter)} range [${from === undefined ? '−∞' : shanghaiIso(from)}, ${to === undefined ? '∞' : shanghaiIso(to)})`

// ---------------------------------------------------------------------------------------------

// Each property takes a few seconds alone; the margin covers a busy two-core machine and shrinking a failure.
const PROPERTY_TIMEOUT_MS = 120_000

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({
    CAMPAIGN_NAME,
    CAMPAIGN_START: shanghaiIso(START),
    CAMPAIGN_END: shanghaiIso(END),
    LAST_YEAR_START: shanghaiIso(LY_START),
    LAST_YEAR_END: shanghaiIso(LY_END),
    CAMPAIGN_TZ: 'Asia/Shanghai',
    BRAND_GMV_THRESHOLD: fromFen(BRAND_THRESHOLD_FEN),
    LIVE_ROOM_GMV_THRESHOLD: fromFen(LIVE_ROOM_THRESHOLD_FEN),
    GROWTH_BASE: fromFen(GROWTH_BASE_FEN),
    FX_RATES: `USD=${USD_RATE}`,
    // The properties send about a thousand reads in well under a minute; the per-client limit is not under test.
    READ_RATE_LIMIT: '0',
  })
  // Batches of 1,000, alternately NDJSON and a JSON array, as a producer would send them.
  for (let index = 0; index < INPUTS.length; index += 1000) {
    const batch = INPUTS.slice(index, index + 1000)
    const ndjson = (index / 1000) % 2 === 0
    const response = await postOrders(
      server.url,
      ndjson ? batch.map((order) => JSON.stringify(order)).join('\n') : JSON.stringify(batch),
      { contentType: ndjson ? 'application/x-ndjson' : 'application/json', idempotencyKey: `figures-${index}` },
    )
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await response.json()).toEqual({ accepted: batch.length, duplicate: false })
  }
})

afterAll(async () => {
  await server?.close()
})

describe('every figure the API answers equals the sum of the posted orders, to the fen', () => {
  test('the posted orders reach every edge the properties probe', () => {
    const at = (ms: number) => ROWS.filter((row) => row.ms === ms).length
    for (const window of [THIS_YEAR, LAST_YEAR]) {
      expect(between(ROWS, window.start - MARGIN_MS, window.start).length).toBeGreaterThan(0)
      expect(between(ROWS, window.end, window.end + MARGIN_MS).length).toBeGreaterThan(0)
      for (const edge of [window.start, window.end, window.start + DAY, window.start + SHANGHAI_MS]) {
        expect(at(edge), shanghaiIso(edge)).toBeGreaterThan(0)
      }
    }
    const perSecond = groupBy(ROWS, (row) => String(floorTo(row.ms, 'second')))
    expect(Math.max(...[...perSecond.values()].map((group) => group.length))).toBeGreaterThanOrEqual(4)
    expect(ROWS.filter((row) => row.ms % HOUR === 0).length).toBeGreaterThan(20)
    expect(ROWS.filter((row) => row.ms % MINUTE !== 0 && row.ms % SECOND === 0).length).toBeGreaterThan(20)
    expect(INPUTS.filter((order) => order.currency === 'USD').length).toBeGreaterThan(50)
    // The thresholds are crossed during the campaign, so the headline counts move with the cutoff.
    const counts = [START + HOUR, START + DAY, END].map((ms) => expectedHeadline(ms))
    expect(new Set(counts.map((headline) => headline.brandsAboveThreshold.count)).size).toBeGreaterThan(1)
    expect(new Set(counts.map((headline) => headline.liveRoomsAboveThreshold.count)).size).toBeGreaterThan(1)
    expect(counts[2]?.brandsAboveThreshold.count).toBeLessThan(counts[2]?.participatingBrands.count ?? 0)
  })

  test(
    'summary: GMV, orders and asOf for any filter and any [from, to), either end open',
    async () => {
      const endsArb = fc.oneof(
        { weight: 4, arbitrary: fc.constant('both' as const) },
        { weight: 1, arbitrary: fc.constantFrom('from' as const, 'to' as const, 'none' as const) },
      )
      let matched = 0
      await fc.assert(
        fc.asyncProperty(filterArb, rangeArb, endsArb, timeStyleArb, async (filter, range, ends, style) => {
          const from = ends === 'both' || ends === 'from' ? range.from : undefined
          const to = ends === 'both' || ends === 'to' ? range.to : undefined
          const query = queryOf(filter, {
            from: from === undefined ? undefined : timeParam(from, style),
            to: to === undefined ? undefined : timeParam(to, style),
          })
          const summary = await getOk(server.url, '/api/v1/summary', query, summarySchema)
          const expected = expectedSummary(filter, from, to)
          expect(summary, describeCase(filter, from, to)).toEqual(expected)
          if (expected.orders > 0) matched += 1
        }),
        { seed: 1111, numRuns: 60 },
      )
      // Most cases must count something, or agreeing on zero would prove little.
      expect(matched).toBeGreaterThan(25)
    },
    PROPERTY_TIMEOUT_MS,
  )

  test('summary from the campaign start to a late point of a day: the window less the rest, exact for a brand and a room', async () => {
    // After noon of a day, the rest of the window has fewer raw rows than the day so far, so a
    // brand's or a room's total is read as its campaign row less the rest (planSource.ts).
    const ends = [START + 18 * HOUR + 7_123, START + DAY + 13 * HOUR, END - MINUTE - 1]
    const filters: Filter[] = [{}, { brand: BRANDS[0]?.name as string }, { liveRoom: LIVE_ROOMS[2] as string }]
    let matched = 0
    for (const filter of filters) {
      for (const to of ends) {
        const summary = await getOk(server.url, '/api/v1/summary', queryOf(filter, { from: START, to }), summarySchema)
        const expected = expectedSummary(filter, START, to)
        expect(summary, describeCase(filter, START, to)).toEqual(expected)
        if (expected.orders > 0) matched += 1
      }
    }
    expect(matched).toBe(filters.length * ends.length)
  })

  test(
    'top: every dimension by GMV, orders and growth — keys, order, figures, share, last year and total',
    async () => {
      const limitArb = fc.oneof(
        { weight: 3, arbitrary: fc.constant(1000) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) },
      )
      const topRangeArb = fc.oneof({ weight: 2, arbitrary: rangeArb }, { weight: 1, arbitrary: aroundTwinArb })
      let ties = 0
      const byGrowth = { atBase: 0, below: 0 }
      await fc.assert(
        fc.asyncProperty(filterArb, topRangeArb, limitArb, timeStyleArb, async (filter, { from, to }, limit, style) => {
          const cases = FILTER_DIMENSIONS.flatMap((dimension) => TOP_SORTS.map((sort) => ({ dimension, sort })))
          // The fifteen rankings of one case are asked together, then checked one by one.
          const answers = await Promise.all(
            cases.map(({ dimension, sort }) => {
              const range = { from: timeParam(from, style), to: timeParam(to, style) }
              return getOk(server.url, '/api/v1/top', queryOf(filter, { dimension, sort, limit, ...range }), topSchema)
            }),
          )
          cases.forEach(({ dimension, sort }, index) => {
            const expected = expectedTop(filter, dimension, sort, from, to, limit)
            const label = `${dimension} by ${sort}, limit ${limit}, ${describeCase(filter, from, to)}`
            expect(answers[index], label).toEqual({ dimension, sort, from: iso(from), to: iso(to), ...expected })
            ties += expected.rows.filter((row, i) => row.gmv === expected.rows[i + 1]?.gmv).length
            if (sort !== 'growth') return
            for (const row of expected.rows) {
              if (toFen(row.lastYearGmv as string) >= GROWTH_BASE_FEN) byGrowth.atBase += 1
              else byGrowth.below += 1
            }
          })
        }),
        { seed: 1112, numRuns: 30 },
      )
      // Rows with equal GMV (twin orders) must have been ranked, so the tie-break on the key was checked.
      expect(ties).toBeGreaterThan(8)
      // Growth rankings held keys on both sides of the base, so its order was checked.
      expect(byGrowth.atBase).toBeGreaterThan(50)
      expect(byGrowth.below).toBeGreaterThan(50)
    },
    PROPERTY_TIMEOUT_MS,
  )

  test(
    'timeseries: every bucket of the range in Shanghai time, this year and last, summing to the range',
    async () => {
      // Ranges are drawn first; an interval is then chosen among those giving at most 3,000 points.
      const caseArb = fc.tuple(filterArb, rangeArb, timeStyleArb).chain(([filter, range, style]) => {
        const intervals = INTERVALS.filter((interval) => (range.to - range.from) / INTERVAL_MS[interval] <= 3000)
        return fc.constantFrom(...intervals).map((interval) => ({ filter, ...range, style, interval }))
      })
      const filled = { thisYear: 0, lastYear: 0 }
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ filter, from, to, style, interval }) => {
          const query = queryOf(filter, { interval, from: timeParam(from, style), to: timeParam(to, style) })
          const series = await getOk(server.url, '/api/v1/timeseries', query, timeseriesSchema)
          const label = `${interval}, ${describeCase(filter, from, to)}`
          const expected = expectedPoints(filter, from, to, interval)
          expect(
            series.points.map((point) => point.t),
            label,
          ).toEqual(expected.map((point) => point.t))
          expect(series, label).toEqual({
            interval,
            timeZone: 'Asia/Shanghai',
            from: iso(from),
            to: iso(to),
            lastYearOffsetMs: OFFSET_MS,
            points: expected,
          })
          const counted = series.points.reduce((total, point) => total + point.orders, 0)
          const countedFen = series.points.reduce((total, point) => total + toFen(point.gmv), 0n)
          const whole = expectedSummary(filter, from, to)
          expect({ gmv: fromFen(countedFen), orders: counted }, label).toEqual({ gmv: whole.gmv, orders: whole.orders })
          filled.thisYear += expected.filter((point) => point.orders > 0).length
          filled.lastYear += expected.filter((point) => (point.lastYear?.orders ?? 0) > 0).length
        }),
        { seed: 1113, numRuns: 50 },
      )
      expect(filled.thisYear).toBeGreaterThan(100)
      expect(filled.lastYear).toBeGreaterThan(100)
    },
    PROPERTY_TIMEOUT_MS,
  )

  test(
    'headline: every figure at a cutoff inside the campaign (or past its end) counts [start, cutoff)',
    async () => {
      const atArb = fc.oneof(
        { weight: 8, arbitrary: instantArb(THIS_YEAR).map((ms) => Math.min(Math.max(ms, START), END)) },
        // Inside the busy first seconds: a second cut by the cutoff is not a whole second for the peak.
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * SECOND }).map((ms) => START + ms) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 * DAY }).map((ms) => END + ms) },
      )
      const aboveCounts = new Set<number>()
      await fc.assert(
        fc.asyncProperty(atArb, timeStyleArb, async (at, style) => {
          const headline = await getOk(server.url, '/api/v1/headline', { at: timeParam(at, style) }, headlineSchema)
          const expected = expectedHeadline(at)
          expect(headline, `at ${shanghaiIso(at)}`).toEqual(expected)
          aboveCounts.add(expected.brandsAboveThreshold.count)
        }),
        { seed: 1114, numRuns: 40 },
      )
      // Cutoffs on both sides of brands crossing the threshold.
      expect(aboveCounts.size).toBeGreaterThan(2)
    },
    PROPERTY_TIMEOUT_MS,
  )
})
