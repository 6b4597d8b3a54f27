import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatMoneyExact, type Summary, type Top } from '@gmv-pulse/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { download, getJsonFrom, getTextFrom, launchStrictBrowser, pngSize } from './lib/analystHarness.ts'
import { type Browser, buildClient, collectErrors, makeOrders, postOrders, ROOT } from './lib/screenHarness.ts'

const ARTIFACTS = join(ROOT, 'test-artifacts')

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  buildClient()
  mkdirSync(ARTIFACTS, { recursive: true })
  server = await startServerProcess({ TICK_MS: '1000' })
  for (let batch = 0; batch < 4; batch++) await postOrders(server.url, server.token, makeOrders(batch, 500))
  browser = await launchStrictBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const attr = (page: Page, selector: string, name: string) => page.getAttribute(selector, name)

/** The rows a leaderboard shows: key, exact GMV and orders, in order. */
function leaderboardRows(page: Page, dimension: string) {
  return page.$$eval(`[data-testid="leaderboard-${dimension}"] [data-testid="leaderboard-row"]`, (rows) =>
    rows.map((row) => ({
      key: row.getAttribute('data-key'),
      gmv: row.getAttribute('data-gmv'),
      orders: Number(row.getAttribute('data-orders')),
    })),
  )
}

async function apiRows(query: string) {
  const top = await getJsonFrom<Top>(`${server.url}/api/v1/top?${query}`)
  return top.rows.map((row) => ({ key: row.key, gmv: row.gmv, orders: row.orders }))
}

describe('the analyst explorer in a real browser against the real server, under its CSP', () => {
  test('filtering by a brand from the typeahead shows exactly the API’s numbers', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${server.url}/explore?lang=en`)
    await page.waitForSelector('[data-testid="leaderboard-category"] [data-testid="leaderboard-row"]')

    await page.fill('[data-testid="brand-search"]', 'Nik')
    await page.click('[data-testid="brand-option"][data-brand="Nike"]')
    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBe('Nike')

    const summary = await getJsonFrom<Summary>(`${server.url}/api/v1/summary?brand=Nike`)
    expect(BigInt(summary.gmv.replace('.', ''))).toBeGreaterThan(0n)
    await expect
      .poll(() => attr(page, '[data-testid="explore-gmv"]', 'data-value'), { timeout: 10_000 })
      .toBe(summary.gmv)
    expect(await page.textContent('[data-testid="explore-gmv"]')).toBe(formatMoneyExact(summary.gmv, 'en'))
    expect(await attr(page, '[data-testid="explore-orders"]', 'data-value')).toBe(String(summary.orders))

    const expected = await apiRows('brand=Nike&dimension=category&limit=20')
    await expect.poll(() => leaderboardRows(page, 'category'), { timeout: 10_000 }).toEqual(expected)
    expect(await page.textContent('[data-testid="brand-chip"]')).toContain('Nike')
    await page.screenshot({ path: join(ARTIFACTS, 'explore-brand.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  test('drilling category → brand → channels and regions, then back, follows the URL', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${server.url}/explore?lang=en`)
    const categories = await apiRows('dimension=category&limit=20')
    await expect.poll(() => leaderboardRows(page, 'category'), { timeout: 10_000 }).toEqual(categories)

    await page.click('[data-testid="leaderboard-category"] [data-testid="leaderboard-row"][data-key="Beauty"]')
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('Beauty')
    const beautyBrands = await apiRows('category=Beauty&dimension=brand&limit=20')
    await expect.poll(() => leaderboardRows(page, 'brand'), { timeout: 10_000 }).toEqual(beautyBrands)
    expect(await page.$('[data-testid="leaderboard-category"]')).toBeNull()

    const brand = beautyBrands[0]?.key as string
    await page.click(`[data-testid="leaderboard-brand"] [data-testid="leaderboard-row"][data-key="${brand}"]`)
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('channel,region')
    const query = `category=Beauty&brand=${encodeURIComponent(brand)}`
    await expect
      .poll(() => leaderboardRows(page, 'channel'), { timeout: 10_000 })
      .toEqual(await apiRows(`${query}&dimension=channel&limit=20`))
    await expect
      .poll(() => leaderboardRows(page, 'region'), { timeout: 10_000 })
      .toEqual(await apiRows(`${query}&dimension=region&limit=20`))
    const summary = await getJsonFrom<Summary>(`${server.url}/api/v1/summary?${query}`)
    await expect.poll(() => attr(page, '[data-testid="explore-gmv"]', 'data-value')).toBe(summary.gmv)
    await page.screenshot({ path: join(ARTIFACTS, 'explore-drill.png'), fullPage: true })

    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBeNull()
    expect(new URL(page.url()).searchParams.get('category')).toBe('Beauty')
    await expect.poll(() => leaderboardRows(page, 'brand'), { timeout: 10_000 }).toEqual(beautyBrands)

    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBeNull()
    await expect.poll(() => leaderboardRows(page, 'category'), { timeout: 10_000 }).toEqual(categories)
    const all = await getJsonFrom<Summary>(`${server.url}/api/v1/summary`)
    await expect.poll(() => attr(page, '[data-testid="explore-gmv"]', 'data-value')).toBe(all.gmv)

    await page.goForward()
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('Beauty')
    await expect.poll(() => leaderboardRows(page, 'brand'), { timeout: 10_000 }).toEqual(beautyBrands)
    expect(errors).toEqual([])
    await page.close()
  })

  test('a chart exports as a PNG at twice its size under its caption, and a leaderboard as the API’s CSV', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${server.url}/explore?lang=en&category=Electronics`)
    await page.waitForSelector('[data-testid="series-gmv"] canvas')
    await page.waitForSelector('[data-testid="leaderboard-brand"] [data-testid="leaderboard-row"]')

    const box = await page.$eval('[data-testid="series-gmv"] .chart', (node) => {
      const rect = node.getBoundingClientRect()
      return { width: Math.round(rect.width), height: Math.round(rect.height) }
    })
    const png = await download(page, '[data-testid="png-gmv"]')
    expect(png.name).toBe('gmv-Electronics.png')
    expect(png.bytes.length).toBeGreaterThan(5000)
    // The chart at twice its size, under a caption band that says what, which filter, when and where.
    const size = pngSize(png.bytes)
    expect(size.width).toBe(box.width * 2)
    expect(size.height).toBeGreaterThan(box.height * 2)
    const file = join(ARTIFACTS, 'explore-gmv-captioned.png')
    writeFileSync(file, png.bytes)
    const read = execFileSync('tesseract', [file, '-', '--psm', '6'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    expect(read).toContain('GMV over time')
    expect(read).toContain('Category: Electronics')
    expect(read).toContain('China Standard Time')

    const csv = await download(page, '[data-testid="csv-brand"]')
    const fromApi = await getTextFrom(`${server.url}/api/v1/top.csv?category=Electronics&dimension=brand&limit=20`)
    expect(csv.bytes.toString('utf8')).toBe(fromApi)
    expect(errors).toEqual([])
    await page.close()
  })

  test('the interval control offers only what the server accepts over the range, and says when it falls back', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/timeseries'))
        asked.push(new URL(request.url()).searchParams.get('interval') ?? '')
    })
    // Eleven days: one-minute buckets (15,840) are more than the server answers.
    const range = 'range=custom&from=2020-11-01T00%3A00%3A00.000Z&to=2020-11-12T00%3A00%3A00.000Z'
    await page.goto(`${server.url}/explore?lang=en&${range}&interval=1m`)
    await page.waitForSelector('[data-testid="interval-note"]')
    expect(await page.textContent('[data-testid="interval-note"]')).toContain(
      '1 min would give more than 10,000 points',
    )
    expect(await page.textContent('[data-testid="interval"] option[value="1m"]')).toContain('too fine for this range')
    await page.waitForSelector('[data-testid="series-gmv"] canvas')
    expect(asked).not.toContain('1m')
    expect(await page.$('[data-testid="series-gmv"] [data-testid="error-note"]')).toBeNull()

    await page.selectOption('[data-testid="interval"]', '1h')
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toBe('1h')
    await expect.poll(() => page.textContent('[data-testid="series-gmv"] .panel-a-head .muted')).toContain('1 hr')
    expect(await page.$('[data-testid="interval-note"]')).toBeNull()
    expect(
      await page.$eval(
        '[data-testid="interval"] option[value="1m"]',
        (option) => (option as HTMLOptionElement).disabled,
      ),
    ).toBe(true)
    expect(asked).toContain('1h')
    expect(asked).not.toContain('1m')
    expect(errors).toEqual([])
    await page.close()
  })

  test('a refused request is shown in place and not retried', async () => {
    const page = await browser.context.newPage()
    const summaryRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/summary')) summaryRequests.push(request.url())
    })
    await page.goto(`${server.url}/explore?lang=en&region=Atlantis`)
    await page.waitForSelector('[data-testid="error-note"]')
    expect(await page.textContent('.kpis [data-testid="error-note"]')).toContain('400')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(summaryRequests).toHaveLength(1)
    // The rest of the page is still there: the filter bar lets the analyst fix it.
    expect(await page.isVisible('[data-testid="filter-bar"]')).toBe(true)
    await page.close()
  })
})
