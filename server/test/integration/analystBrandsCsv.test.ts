import { type BrandSearch, errorBodySchema, type OrderInput, type Top } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { postOrders, type TestServer } from '../startTestServer.ts'
import { ALL_ORDERS, CAMPAIGN_END, CAMPAIGN_START, fenOf, getJson, startAnalystServer } from './analystFixtures.ts'

/** Brands that test the search's case folding, prefix ranking and CSV escaping. */
const EXTRA: OrderInput[] = [
  ['acme Labs', '900.00'],
  ['acme Labs', '100.00'],
  ['Big ACME', '5000.00'],
  ['Bacme', '1.00'],
  ['=HYPERLINK("http://x","y")', '3.00'],
  ['100%_brand', '2.00'],
  // Simulator brands: 云栖家居, 云溪家居 and 玉栖家居 on a Chinese screen.
  ['Cloudhaven Home', '300.00'],
  ['Cloudbrook Home', '200.00'],
  ['Jadehaven Home', '50.00'],
].map(([brand, amount], index) => ({
  orderId: `extra-${index}`,
  ts: Date.UTC(2020, 10, 11, 2, 0, index),
  amount: amount as string,
  brand: brand as string,
  category: 'Beauty',
  channel: 'search',
  region: 'CN-ZJ',
}))

let server: TestServer

beforeAll(async () => {
  server = await startAnalystServer()
  expect((await postOrders(server.url, JSON.stringify(EXTRA))).status).toBe(200)
})

afterAll(async () => {
  await server?.close()
})

const everyOrder = [...ALL_ORDERS, ...EXTRA]
/** The search ranks and answers by GMV in the campaign window: last year's orders do not count. */
const inCampaign = everyOrder.filter((order) => Number(order.ts) >= CAMPAIGN_START && Number(order.ts) < CAMPAIGN_END)
const campaignGmv = (brand: string) => fenOf(inCampaign.filter((order) => order.brand === brand))

async function search(text: string, limit?: number): Promise<BrandSearch> {
  const query = new URLSearchParams({ search: text, ...(limit ? { limit: String(limit) } : {}) })
  const { status, body } = await getJson<BrandSearch>(`${server.url}/api/v1/brands?${query}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}

describe('GET /api/v1/brands', () => {
  test('finds prefix and substring matches case-insensitively, prefixes first, each by campaign GMV', async () => {
    const { brands } = await search('ACM')
    const prefix = ['Acme', 'acme Labs'].sort((a, b) => (campaignGmv(a) > campaignGmv(b) ? -1 : 1))
    const inside = ['Big ACME', 'Bacme'].sort((a, b) => (campaignGmv(a) > campaignGmv(b) ? -1 : 1))
    expect(brands.map((brand) => [brand.brand, brand.prefix])).toEqual([
      ...prefix.map((brand) => [brand, true]),
      ...inside.map((brand) => [brand, false]),
    ])
    const acme = brands.find((brand) => brand.brand === 'Acme')
    expect(acme?.orders).toBe(inCampaign.filter((order) => order.brand === 'Acme').length)
    expect(brands.find((brand) => brand.brand === 'acme Labs')?.gmv).toBe('1000.00')
  })

  test('matches non-Latin names, quotes, backslashes and LIKE wildcards literally', async () => {
    expect((await search('诗兰')).brands.map((brand) => brand.brand)).toEqual(['雅诗兰黛'])
    expect((await search("o'n")).brands.map((brand) => brand.brand)).toEqual(["O'Neil"])
    expect((await search('d \\ s')).brands.map((brand) => brand.brand)).toEqual(['Brand \\ Slash'])
    expect((await search('%_')).brands.map((brand) => brand.brand)).toEqual(['100%_brand'])
    expect((await search('%')).brands.map((brand) => brand.brand)).toEqual(['100%_brand'])
    expect((await search('nothing like it')).brands).toEqual([])
  })

  test('finds simulator brands by their Chinese names, which the store does not keep', async () => {
    const found = async (text: string) => (await search(text)).brands.map((brand) => [brand.brand, brand.prefix])
    expect(await found('云')).toEqual([
      ['Cloudhaven Home', true],
      ['Cloudbrook Home', true],
    ])
    expect(await found('栖家居')).toEqual([
      ['Cloudhaven Home', false],
      ['Jadehaven Home', false],
    ])
    expect(await found('玉栖')).toEqual([['Jadehaven Home', true]])
    expect(await found('家居')).toEqual([
      ['Cloudhaven Home', false],
      ['Cloudbrook Home', false],
      ['Jadehaven Home', false],
    ])
    expect(await found('云栖家具')).toEqual([])
    expect((await search('云栖家居')).brands[0]?.gmv).toBe('300.00')
  })

  test('the brand table the search reads holds exactly what the raw orders hold, brand by brand', async () => {
    const db = server.store.db
    const [row] = await server.store.select<{ brands: number; mismatched: number }>(
      `SELECT count() AS brands, countIf(t.gmv != r.gmv OR t.orders != r.orders) AS mismatched
       FROM (SELECT brand, sum(gmv) AS gmv, sum(orders) AS orders FROM ${db}.brand_campaign GROUP BY brand) AS t
       FULL JOIN (SELECT brand, sum(amount) AS gmv, count() AS orders FROM ${db}.orders
         WHERE ts >= fromUnixTimestamp64Milli(${CAMPAIGN_START}, 'UTC') AND ts < fromUnixTimestamp64Milli(${CAMPAIGN_END}, 'UTC')
         GROUP BY brand) AS r
       ON t.brand = r.brand`,
    )
    expect(Number(row?.brands)).toBe(new Set(inCampaign.map((order) => order.brand)).size)
    expect(Number(row?.mismatched)).toBe(0)
  })

  test('limits the answer', async () => {
    expect((await search('a', 2)).brands).toHaveLength(2)
  })
})

/** Splits RFC 4180 CSV (quoted fields, doubled quotes) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else if (char !== '\r') cell += char
  }
  return rows
}

describe('CSV answers', () => {
  test('top.csv has a header row and the JSON answer’s rows, money as exact decimals', async () => {
    const { body } = await getJson<Top>(`${server.url}/api/v1/top?dimension=brand&limit=50`)
    const response = await fetch(`${server.url}/api/v1/top.csv?dimension=brand&limit=50`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    const [header, ...rows] = parseCsv(await response.text())
    expect(header).toEqual(['rank', 'brand', 'gmv', 'orders', 'share', 'last_year_gmv', 'growth_percent'])
    expect(rows).toEqual(
      body.rows.map((row) => [
        String(row.rank),
        /^[=+\-@\t\r]/.test(row.key) ? `'${row.key}` : row.key,
        row.gmv,
        String(row.orders),
        String(row.share),
        row.lastYearGmv ?? '',
        row.growthPercent === null ? '' : String(row.growthPercent),
      ]),
    )
    expect(rows.every((row) => /^\d+\.\d{2}$/.test(row[2] as string))).toBe(true)
  })

  test('Accept: text/csv gives CSV on the plain path too', async () => {
    const response = await fetch(`${server.url}/api/v1/timeseries?interval=1h`, { headers: { accept: 'text/csv' } })
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    const { body } = await getJson<{ points: { t: string; gmv: string; orders: number }[] }>(
      `${server.url}/api/v1/timeseries?interval=1h`,
    )
    const [header, ...rows] = parseCsv(await response.text())
    expect(header).toEqual(['t', 'gmv', 'orders', 'partial', 'last_year_t', 'last_year_gmv', 'last_year_orders'])
    expect(rows.map((row) => [row[0], row[1], Number(row[2]), row[3]])).toEqual(
      body.points.map((point) => [point.t, point.gmv, point.orders, 'false']),
    )
  })

  test('a brand name that a spreadsheet would run as a formula is defused', async () => {
    const text = await (await fetch(`${server.url}/api/v1/brands.csv?search=HYPERLINK`)).text()
    const [header, row] = parseCsv(text)
    expect(header).toEqual(['brand', 'gmv', 'orders', 'prefix'])
    expect(row).toEqual([`'=HYPERLINK("http://x","y")`, '3.00', '1', 'false'])
  })

  test('headline.csv lists each figure with its as-of time', async () => {
    const [header, ...rows] = parseCsv(await (await fetch(`${server.url}/api/v1/headline.csv`)).text())
    expect(header).toEqual(['figure', 'value', 'as_of'])
    const figures = new Map(rows.map((row) => [row[0], row[1]]))
    const { body } = await getJson<{ gmv: { cny: string }; orders: { count: number } }>(`${server.url}/api/v1/headline`)
    expect(figures.get('gmv_cny')).toBe(body.gmv.cny)
    expect(figures.get('orders')).toBe(String(body.orders.count))
    expect(figures.has('first_time_brands')).toBe(true)
    expect(figures.get('top_brand_1')).toBeTruthy()
  })

  test('a bad request to a .csv path still answers the one error shape', async () => {
    const response = await fetch(`${server.url}/api/v1/top.csv?dimension=buyer`)
    expect(response.status).toBe(400)
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('bad_request')
  })
})
