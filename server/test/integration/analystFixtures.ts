import { fromFen, type OrderInput, toFen } from '@gmv-pulse/shared'
import { afterAll, beforeAll, expect } from 'vitest'
import type { z } from 'zod'
import { makeOrders } from '../orderFixtures.ts'
import { postOrders, startTestServer, type TestServer } from '../startTestServer.ts'

/**
 * One campaign day in Shanghai (2020-11-11 00:00 to 24:00 +08:00) and last year's, with
 * orders in both windows and on both sides of their edges — shared by the analyst suites,
 * each of which starts its own server and posts these orders through the ingest API.
 */
export const CAMPAIGN_START = Date.UTC(2020, 10, 10, 16, 0, 0)
export const CAMPAIGN_END = Date.UTC(2020, 10, 11, 16, 0, 0)
export const LAST_YEAR_START = Date.UTC(2019, 10, 10, 16, 0, 0)
export const LAST_YEAR_END = Date.UTC(2019, 10, 11, 16, 0, 0)
export const OFFSET_MS = CAMPAIGN_START - LAST_YEAR_START
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const MINUTE = 60_000
const HOUR = 3_600_000

export const ANALYST_ENV = {
  CAMPAIGN_START: new Date(CAMPAIGN_START).toISOString(),
  CAMPAIGN_END: new Date(CAMPAIGN_END).toISOString(),
  LAST_YEAR_START: new Date(LAST_YEAR_START).toISOString(),
  LAST_YEAR_END: new Date(LAST_YEAR_END).toISOString(),
  CAMPAIGN_TZ: 'Asia/Shanghai',
  BRAND_GMV_THRESHOLD: '9000000',
  LIVE_ROOM_GMV_THRESHOLD: '5000000',
  FX_RATES: 'USD=6.6',
}

const ORIGIN: Record<string, 'domestic' | 'overseas' | undefined> = {
  Acme: 'domestic',
  Lotus: 'domestic',
  雅诗兰黛: 'overseas',
  "O'Neil": 'overseas',
  Zeta: 'domestic',
}

const withOrigin = (orders: OrderInput[]) =>
  orders.map((order) => {
    const origin = ORIGIN[order.brand]
    return origin ? { ...order, brandOrigin: origin } : order
  })

/** This year: the start of the day, across 01:00 and 08:00 local, and across local midnight before the campaign. */
export const THIS_YEAR: OrderInput[] = withOrigin([
  ...makeOrders(3000, 11, CAMPAIGN_START),
  ...makeOrders(3000, 12, CAMPAIGN_START + HOUR - 5 * MINUTE),
  ...makeOrders(1500, 13, CAMPAIGN_START + 8 * HOUR - 3 * MINUTE),
  ...makeOrders(1500, 14, CAMPAIGN_START - 5 * MINUTE),
])

/** Last year: no Zeta (a first-time brand this year), and some orders before last year's window. */
export const LAST_YEAR: OrderInput[] = withOrigin(
  [
    ...makeOrders(2500, 21, LAST_YEAR_START),
    ...makeOrders(2000, 22, LAST_YEAR_START + HOUR - 2 * MINUTE),
    ...makeOrders(1000, 23, LAST_YEAR_START - 5 * MINUTE),
  ].filter((order) => order.brand !== 'Zeta'),
)

export const ALL_ORDERS = [...THIS_YEAR, ...LAST_YEAR]

/** One analyst server for a test file: started before its tests, closed after them. */
export function analystServerForFile(): () => TestServer {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startAnalystServer()
  })
  afterAll(async () => {
    await server?.close()
  })
  return () => {
    if (!server) throw new Error('the analyst server has not started')
    return server
  }
}

export async function startAnalystServer(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer({ ...ANALYST_ENV, ...env })
  for (let index = 0; index < ALL_ORDERS.length; index += 5000) {
    const response = await postOrders(server.url, JSON.stringify(ALL_ORDERS.slice(index, index + 5000)), {
      idempotencyKey: `analyst-${index}`,
    })
    expect(response.status).toBe(200)
  }
  return server
}

export const ts = (order: OrderInput) => Number(order.ts)
export const inRange = (orders: OrderInput[], fromMs: number, toMs: number) =>
  orders.filter((order) => ts(order) >= fromMs && ts(order) < toMs)

export function sum(orders: OrderInput[]): { gmv: string; orders: number } {
  let fen = 0n
  for (const order of orders) fen += toFen(String(order.amount))
  return { gmv: fromFen(fen), orders: orders.length }
}

export function fenOf(orders: OrderInput[]): bigint {
  let fen = 0n
  for (const order of orders) fen += toFen(String(order.amount))
  return fen
}

/** Growth in percent to 0.01, truncated toward zero, from integer fen; null without a base. */
export function expectedGrowth(currentFen: bigint, previousFen: bigint): number | null {
  if (previousFen === 0n) return null
  // Percent to four places, half away from zero: the quotient, and one more when the rest is half or more.
  const scaled = (currentFen - previousFen) * 1_000_000n
  const quotient = scaled / previousFen
  const rest = scaled % previousFen
  const abs = (value: bigint) => (value < 0n ? -value : value)
  const away = 2n * abs(rest) >= abs(previousFen) ? (scaled < 0n ? -1n : 1n) : 0n
  return Number(quotient + away) / 10_000
}

/** part / whole rounded half up to 1e-6. */
export function expectedShare(partFen: bigint, wholeFen: bigint): number {
  return Number((partFen * 2_000_000n + wholeFen) / (2n * wholeFen)) / 1_000_000
}

/** GET a read route with query parameters; asserts 200 and parses the body with the shared schema. */
export async function getOk<Schema extends z.ZodType>(
  baseUrl: string,
  path: string,
  query: Record<string, string | number>,
  schema: Schema,
): Promise<z.output<Schema>> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))
  const { status, body } = await getJson<unknown>(`${baseUrl}${path}?${search}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return schema.parse(body)
}

export async function getJson<Body>(url: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(url)
  return { status: response.status, body: (await response.json()) as Body }
}
