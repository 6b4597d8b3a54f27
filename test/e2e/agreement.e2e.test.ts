import {
  type Campaign,
  type Filter,
  formatCount,
  formatGrowth,
  fromFen,
  type Headline,
  headlineSentence,
  type Summary,
  type Top,
  toFen,
} from '@gmv-pulse/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { type ControlSocket, connectControl } from '../../server/test/socketClient.ts'
import { download, getJsonFrom, getTextFrom } from './lib/analystHarness.ts'
import { type Browser, buildClient, launchBrowser, makeOrders, postOrders, tickerValue } from './lib/screenHarness.ts'

/**
 * One figure, one definition: with every order stored and none arriving, the wall, the explorer,
 * the presenter and the API show the same campaign so far — GMV and orders to the fen, growth to
 * the precision shown — for no filter, one brand and one category. The campaign is set up as the
 * demo's is: a window around now, last year's a year before, thresholds at the demo's scale, and
 * orders stored outside both windows that no figure of the campaign may count.
 */
const HOUR = 3_600_000
const YEAR = 365 * 24 * HOUR
const NOW = Date.now()
const CAMPAIGN = { start: NOW - 2 * HOUR, end: NOW + 2 * HOUR }
/** The wall registers as a screen with this, so the control's scene commands reach it. */
const SCREEN_TOKEN = 'e2e-agreement-screen'
const CONTROL_TOKEN = 'e2e-agreement-control'
const BRAND = 'Nike'
const CATEGORY = 'Beauty'

let server: ServerProcess
let browser: Browser
let control: ControlSocket
let campaign: Campaign

const iso = (ms: number) => new Date(ms).toISOString()

beforeAll(async () => {
  buildClient()
  server = await startServerProcess({
    TICK_MS: '1000',
    CONTROL_TOKENS: CONTROL_TOKEN,
    SCREEN_TOKENS: SCREEN_TOKEN,
    CAMPAIGN_START: iso(CAMPAIGN.start),
    CAMPAIGN_END: iso(CAMPAIGN.end),
    LAST_YEAR_START: iso(CAMPAIGN.start - YEAR),
    LAST_YEAR_END: iso(CAMPAIGN.end - YEAR),
    CAMPAIGN_SCALE: '0.005',
  })
  // This year and last year at offsets already past, so last year so far no longer moves; and
  // orders before both windows.
  for (let batch = 0; batch < 6; batch++) {
    const at = CAMPAIGN.start + 10 * 60_000 + batch * 9 * 60_000
    await postOrders(server.url, server.token, makeOrders(batch, 600, at))
    await postOrders(server.url, server.token, makeOrders(100 + batch, 500, at - YEAR))
  }
  await postOrders(server.url, server.token, makeOrders(200, 700, CAMPAIGN.start - 3 * HOUR))
  await postOrders(server.url, server.token, makeOrders(201, 700, CAMPAIGN.start - YEAR - 3 * HOUR))
  campaign = await getJsonFrom<Campaign>(`${server.url}/api/v1/campaign`)
  browser = await launchBrowser({ enforceCsp: false, exports: true })
  control = await connectControl(server.url, { token: CONTROL_TOKEN })
})

afterAll(async () => {
  control?.close()
  await browser?.close()
  await server?.stop()
})

const query = (filter: Filter) => new URLSearchParams(filter as Record<string, string>).toString()
const attribute = (page: Page, testId: string, name = 'data-value') =>
  page.getAttribute(`[data-testid="${testId}"]`, name)
const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim()

/** The API's campaign so far under a filter, with growth from its ranking (or headline). */
async function fromApi(filter: Filter): Promise<{ gmv: string; orders: number; growth: number | null }> {
  const summary = await getJsonFrom<Summary>(`${server.url}/api/v1/summary?${query(filter)}`)
  const [dimension, key] = Object.entries(filter)[0] ?? []
  if (dimension === undefined) {
    const headline = await getJsonFrom<Headline>(`${server.url}/api/v1/headline`)
    return { gmv: summary.gmv, orders: summary.orders, growth: headline.growth?.percent ?? null }
  }
  const top = await getJsonFrom<Top>(`${server.url}/api/v1/top?dimension=${dimension}&limit=1000`)
  const row = top.rows.find((candidate) => candidate.key === key)
  expect(row?.gmv, `the ${dimension} ranking's row for ${key}`).toBe(summary.gmv)
  return { gmv: summary.gmv, orders: summary.orders, growth: row?.growthPercent ?? null }
}

const FILTERS: [string, Filter][] = [
  ['no filter', {}],
  ['one brand', { brand: BRAND }],
  ['one category', { category: CATEGORY }],
]

describe('every surface shows the same campaign so far', () => {
  test.each(FILTERS)('%s: the wall, the explorer and the API agree to the fen', async (_label, filter) => {
    const api = await fromApi(filter)
    expect(toFen(api.gmv)).toBeGreaterThan(0n)
    expect(api.growth).not.toBeNull()

    // The wall, spotlit on the filter by the remote control.
    const [dimension, value] = Object.entries(filter)[0] ?? []
    const scene =
      dimension === undefined
        ? { scene: 'overview' as const }
        : { scene: 'spotlight' as const, dimension: dimension as 'brand' | 'category', value: value as string }
    expect((await control.timeout(5000).emitWithAck('setScene', scene)).ok).toBe(true)
    const wall = await browser.context.newPage()
    await wall.setViewportSize({ width: 1920, height: 1080 })
    await wall.goto(`${server.url}/?lang=en&screenToken=${SCREEN_TOKEN}`, { waitUntil: 'domcontentloaded' })
    await expect.poll(() => tickerValue(wall), { timeout: 15_000, interval: 200 }).toBe(api.gmv)
    await expect.poll(() => attribute(wall, 'hero-orders'), { timeout: 5000 }).toBe(String(api.orders))
    await expect
      .poll(() => text(wall, '[data-testid="hero-growth"]'), { timeout: 5000 })
      .toContain(formatGrowth(api.growth, 'en'))

    // The explorer under the same filter: its tiles, and its series summed.
    const explorer = await browser.context.newPage()
    await explorer.setViewportSize({ width: 1600, height: 1000 })
    await explorer.goto(`${server.url}/explore?lang=en&${query(filter)}`, { waitUntil: 'domcontentloaded' })
    await expect.poll(() => attribute(explorer, 'explore-gmv'), { timeout: 15_000 }).toBe(api.gmv)
    expect(await attribute(explorer, 'explore-orders')).toBe(String(api.orders))
    await expect
      .poll(() => text(explorer, '[data-testid="explore-yoy"]'), { timeout: 10_000 })
      .toBe(formatGrowth(api.growth, 'en'))
    await explorer.waitForSelector('[data-testid="csv-series-gmv"]:not([disabled])')
    const series = (await download(explorer, '[data-testid="csv-series-gmv"]')).bytes.toString('utf8')
    const [header, ...lines] = series.trim().split('\n')
    const gmvColumn = (header ?? '').split(',').indexOf('gmv')
    expect(gmvColumn).toBeGreaterThanOrEqual(0)
    const seriesTotal = lines.reduce((total, line) => total + toFen(line.split(',')[gmvColumn] ?? ''), 0n)
    expect(fromFen(seriesTotal)).toBe(api.gmv)
    await wall.close()
    await explorer.close()
  })

  test('the explorer’s leaderboard rows equal the brand’s and the category’s own figures', async () => {
    const explorer = await browser.context.newPage()
    await explorer.setViewportSize({ width: 1600, height: 1000 })
    await explorer.goto(`${server.url}/explore?lang=en&by=category,brand`, { waitUntil: 'domcontentloaded' })
    for (const [dimension, key] of [
      ['brand', BRAND],
      ['category', CATEGORY],
    ] as const) {
      const api = await fromApi({ [dimension]: key })
      const row = `[data-testid="leaderboard-${dimension}"] [data-testid="leaderboard-row"][data-key="${key}"]`
      await explorer.waitForSelector(row, { timeout: 15_000 })
      expect(await explorer.getAttribute(row, 'data-gmv')).toBe(api.gmv)
      expect(await explorer.getAttribute(row, 'data-orders')).toBe(String(api.orders))
    }
    await explorer.close()
  })

  test('the presenter’s card, CSV and sentence equal the wall’s and the API’s campaign so far', async () => {
    // One frozen cutoff for the presenter and the API, after every order stored.
    const cutoff = iso(Math.floor(Date.now() / 1000) * 1000)
    const api = await fromApi({})
    const headline = await getJsonFrom<Headline>(`${server.url}/api/v1/headline?at=${encodeURIComponent(cutoff)}`)
    expect(headline.cutoff).toBe(cutoff)
    expect(headline.gmv.cny).toBe(api.gmv)
    expect(headline.growth?.percent).toBe(api.growth)
    expect(headline.brandsAboveThreshold.count).toBeGreaterThan(0)

    const presenter = await browser.context.newPage()
    await presenter.goto(`${server.url}/present?lang=en&at=${encodeURIComponent(cutoff)}`, {
      waitUntil: 'domcontentloaded',
    })
    await presenter.waitForSelector('[data-testid="figures"]')
    const figure = (id: string) => presenter.getAttribute(`[data-testid="figure-${id}"]`, 'data-value')
    expect(await figure('gmv-cny')).toBe(api.gmv)
    expect(await figure('orders')).toBe(String(api.orders))
    expect(await text(presenter, '[data-testid="figure-growth"]')).toContain(formatGrowth(api.growth, 'en'))
    expect(await figure('brands-above')).toBe(String(headline.brandsAboveThreshold.count))
    const csv = (await download(presenter, '[data-testid="csv"]')).bytes.toString('utf8')
    expect(csv).toContain(`gmv_cny,${api.gmv},`)
    expect(csv).toBe(await getTextFrom(`${server.url}/api/v1/headline.csv?at=${encodeURIComponent(cutoff)}`))
    expect(await text(presenter, '[data-testid="sentence-en"]')).toBe(
      headlineSentence(headline, 'en', campaign.timeZone),
    )

    // The wall, on the overview, shows the same brands above the threshold.
    expect((await control.timeout(5000).emitWithAck('setScene', { scene: 'overview' })).ok).toBe(true)
    const wall = await browser.context.newPage()
    await wall.setViewportSize({ width: 1920, height: 1080 })
    await wall.goto(`${server.url}/?lang=en&screenToken=${SCREEN_TOKEN}`, { waitUntil: 'domcontentloaded' })
    await expect.poll(() => tickerValue(wall), { timeout: 15_000, interval: 200 }).toBe(api.gmv)
    await expect
      .poll(() => text(wall, '[data-testid="brands-above"] .counter-value'), { timeout: 5000 })
      .toBe(formatCount(headline.brandsAboveThreshold.count, 'en'))
    await presenter.close()
    await wall.close()
  })
})
