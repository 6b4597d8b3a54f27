import { formatClock } from '@gmv-pulse/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import {
  type Browser,
  buildClient,
  launchBrowser,
  makeOrders,
  openScreen,
  postOrders,
  summaryGmv,
  tickerValue,
} from './lib/screenHarness.ts'

/**
 * Every time a screen shows is read on the campaign's clock (the server's CAMPAIGN_TZ, Asia/Shanghai
 * by default), whatever zone the browser is in: the same page in a UTC browser and in a Shanghai
 * browser shows the same times, and the same charts pixel for pixel. No order arrives during the
 * test, so both browsers draw the same data.
 */
const CAMPAIGN_ZONE = 'Asia/Shanghai'
const CONTROL_TOKEN = 'e2e-zone-control'
const SCREEN_TOKEN = 'e2e-zone-screen'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: ServerProcess
const browsers: Record<'utc' | 'shanghai', Browser | undefined> = { utc: undefined, shanghai: undefined }

beforeAll(async () => {
  buildClient()
  server = await startServerProcess({ TICK_MS: '1000', CONTROL_TOKENS: CONTROL_TOKEN, SCREEN_TOKENS: SCREEN_TOKEN })
  // Two minutes ago, so the five-minute orders/s window holds them and stops moving.
  await postOrders(server.url, server.token, makeOrders(0, 800, Date.now() - 120_000))
  browsers.utc = await launchBrowser({ enforceCsp: false, timezoneId: 'UTC' })
  browsers.shanghai = await launchBrowser({ enforceCsp: false, timezoneId: CAMPAIGN_ZONE })
})

afterAll(async () => {
  await browsers.utc?.close()
  await browsers.shanghai?.close()
  await server?.stop()
})

async function asOfOfSummary(): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/summary`)
  return ((await response.json()) as { asOf: string }).asOf
}

/** The same page open in both browsers, at one size. */
async function inBothZones(path: string, width = 1920, height = 1080): Promise<[Page, Page]> {
  const pages: Page[] = []
  for (const browser of [browsers.utc, browsers.shanghai]) {
    const page = await (browser as Browser).context.newPage()
    await page.setViewportSize({ width, height })
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' })
    pages.push(page)
  }
  return pages as [Page, Page]
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim()

describe('times on the campaign clock in any browser zone', () => {
  test('the wall: as-of and peak read the same, and its time charts are identical', async () => {
    const expected = await summaryGmv(server.url)
    const pages = await inBothZones('/?lang=en')
    for (const page of pages) {
      await openScreen(page, page.url())
      await expect.poll(() => tickerValue(page), { timeout: 15_000, interval: 250 }).toBe(expected)
    }
    // The campaign curve comes by its own request; let both walls draw it and tick once more.
    await sleep(3000)
    const asOf = formatClock(await asOfOfSummary(), CAMPAIGN_ZONE)
    for (const page of pages) expect(await text(page, '.hero .as-of')).toContain(asOf)
    const [utc, shanghai] = pages
    expect(await text(utc, '[data-testid="peak"]')).toBe(await text(shanghai, '[data-testid="peak"]'))
    for (const panel of ['.panel-ops .chart', '.panel-curve .chart']) {
      const [a, b] = [await utc.locator(panel).screenshot(), await shanghai.locator(panel).screenshot()]
      expect(a.equals(b), `${panel} differs between a UTC and a Shanghai browser`).toBe(true)
    }
  })

  test('the explorer: as-of and both series read the same', async () => {
    const pages = await inBothZones('/explore?lang=en', 1600, 1000)
    const asOf = formatClock(await asOfOfSummary(), CAMPAIGN_ZONE)
    for (const page of pages) {
      await expect.poll(() => text(page, '[data-testid="explore-as-of"]'), { timeout: 15_000 }).toBe(asOf)
      await page.waitForSelector('[data-testid="series-gmv"] .chart canvas', { timeout: 15_000 })
    }
    await sleep(1500)
    const [utc, shanghai] = pages
    for (const panel of ['[data-testid="series-gmv"] .chart', '[data-testid="series-orders"] .chart']) {
      const [a, b] = [await utc.locator(panel).screenshot(), await shanghai.locator(panel).screenshot()]
      expect(a.equals(b), `${panel} differs between a UTC and a Shanghai browser`).toBe(true)
    }
  })

  test('the control, in a UTC browser, lists when each wall connected on the campaign clock', async () => {
    const wall = await (browsers.utc as Browser).context.newPage()
    await openScreen(wall, `${server.url}/?lang=en&screen=ZoneWall&screenToken=${SCREEN_TOKEN}`)
    const control = await (browsers.utc as Browser).context.newPage()
    await control.goto(`${server.url}/control?lang=en`, { waitUntil: 'domcontentloaded' })
    await control.fill('[data-testid="control-token"]', CONTROL_TOKEN)
    await control.click('[data-testid="control-connect"]')
    const cell = '[data-testid="screen-row"][data-label="ZoneWall"] [data-testid="screen-connected"]'
    await control.waitForSelector(cell, { timeout: 15_000 })
    const shown = await text(control, cell)
    expect(shown).toMatch(/^\d{2}:\d{2}:\d{2}$/)
    // It connected seconds ago: the time shown is now on the Shanghai clock (UTC+8), not the browser's UTC.
    const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0)
    const apart = Math.abs(seconds(shown) - seconds(formatClock(Date.now(), CAMPAIGN_ZONE)))
    expect(Math.min(apart, 86_400 - apart)).toBeLessThan(120)
  })
})
