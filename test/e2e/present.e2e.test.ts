import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Campaign,
  cutoffLabel,
  formatClock,
  formatCount,
  formatMoneyCompact,
  type Headline,
  headlineSentence,
} from '@gmv-pulse/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { download, getJsonFrom, getTextFrom, launchStrictBrowser, pngSize } from './lib/analystHarness.ts'
import { type Browser, buildClient, collectErrors, makeOrders, postOrders, ROOT } from './lib/screenHarness.ts'

const ARTIFACTS = join(ROOT, 'test-artifacts')

let server: ServerProcess
let browser: Browser
/** A fixed cutoff after every posted order: the page and the API answer the same question. */
let cutoff: string
let headline: Headline
let campaign: Campaign

beforeAll(async () => {
  buildClient()
  mkdirSync(ARTIFACTS, { recursive: true })
  server = await startServerProcess({ TICK_MS: '1000' })
  for (let batch = 0; batch < 3; batch++) await postOrders(server.url, server.token, makeOrders(batch, 500))
  cutoff = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000).toISOString()
  headline = await getJsonFrom<Headline>(`${server.url}/api/v1/headline?at=${encodeURIComponent(cutoff)}`)
  campaign = await getJsonFrom<Campaign>(`${server.url}/api/v1/campaign`)
  browser = await launchStrictBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openPresenter(page: Page, lang = 'en'): Promise<void> {
  await page.goto(`${server.url}/present?lang=${lang}&at=${encodeURIComponent(cutoff)}`)
  await page.waitForSelector('[data-testid="figures"]')
  await page.waitForSelector('[data-testid="png-slide"]:not([disabled])')
}

const value = (page: Page, id: string) => page.getAttribute(`[data-testid="figure-${id}"]`, 'data-value')

describe('the presenter in a real browser against the real server, under its CSP', () => {
  test('the figures at a cutoff equal the API’s to the fen, and so do the CSV and the sentences', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await openPresenter(page)
    expect(BigInt(headline.gmv.cny.replace('.', ''))).toBeGreaterThan(0n)
    expect(await page.getAttribute('[data-testid="figures"]', 'data-cutoff')).toBe(headline.cutoff)
    expect(await value(page, 'gmv-cny')).toBe(headline.gmv.cny)
    expect(await value(page, 'gmv-usd')).toBe(headline.gmv.usd)
    expect(await value(page, 'orders')).toBe(String(headline.orders.count))
    expect(await value(page, 'peak')).toBe(String(headline.peak.ordersPerSecond))
    expect(await value(page, 'brands-above')).toBe(String(headline.brandsAboveThreshold.count))
    expect(await value(page, 'live-rooms-above')).toBe(String(headline.liveRoomsAboveThreshold.count))
    expect(await value(page, 'participating')).toBe(String(headline.participatingBrands.count))
    expect(await value(page, 'overseas')).toBe(String(headline.overseasBrands.count))

    const csv = await download(page, '[data-testid="csv"]')
    const fromApi = await getTextFrom(`${server.url}/api/v1/headline.csv?at=${encodeURIComponent(cutoff)}`)
    expect(csv.bytes.toString('utf8')).toBe(fromApi)
    expect(fromApi).toContain(`gmv_cny,${headline.gmv.cny},`)

    for (const language of ['en', 'zh-CN'] as const) {
      expect(await page.textContent(`[data-testid="sentence-${language}"]`)).toBe(
        headlineSentence(headline, language, campaign.timeZone),
      )
    }
    await page.screenshot({ path: join(ARTIFACTS, 'present-en.png'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  test('the card exports as 1920×1080 and 1080×1080 PNGs, and the chart at twice its size under its caption', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await openPresenter(page, 'zh-CN')
    const slide = await download(page, '[data-testid="png-slide"]')
    expect(slide.bytes.length).toBeGreaterThan(20_000)
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 })
    writeFileSync(join(ARTIFACTS, 'present-card-1920x1080.png'), slide.bytes)
    const square = await download(page, '[data-testid="png-square"]')
    expect(pngSize(square.bytes)).toEqual({ width: 1080, height: 1080 })
    writeFileSync(join(ARTIFACTS, 'present-card-1080x1080.png'), square.bytes)

    await page.waitForSelector('.top-chart canvas')
    const box = await page.$eval('.top-chart .chart', (node) => {
      const rect = node.getBoundingClientRect()
      return { width: Math.round(rect.width), height: Math.round(rect.height) }
    })
    const chart = await download(page, '[data-testid="png-chart"]')
    // Twice the chart's size under a caption band: what it is, over which range, in which zone.
    const size = pngSize(chart.bytes)
    expect(size.width).toBe(box.width * 2)
    expect(size.height).toBeGreaterThan(box.height * 2)
    const file = join(ARTIFACTS, 'present-top-brands-captioned.png')
    writeFileSync(file, chart.bytes)
    const read = execFileSync('tesseract', [file, '-', '-l', 'chi_sim+eng', '--psm', '6'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).replace(/\s+/g, '')
    expect(read).toContain('品牌排行')
    expect(read).toContain('中国标准时间')
    expect(errors).toEqual([])
    await page.close()
  })

  for (const lang of ['en', 'zh-CN'] as const) {
    test(`the ${lang} PDFs hold the headline as real text in vectors, one page each, named by format and size`, async () => {
      const page = await browser.context.newPage()
      const errors = collectErrors(page)
      await openPresenter(page, lang)
      const dir = mkdtempSync(join(tmpdir(), 'gmv-pulse-pdf-'))
      try {
        const names: string[] = []
        for (const [format, size] of [
          ['slide', '1440 x 810'],
          ['square', '810 x 810'],
        ] as const) {
          const pdf = await download(page, `[data-testid="pdf-${format}"]`)
          expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
          names.push(pdf.name)
          const file = join(dir, `${format}.pdf`)
          writeFileSync(file, pdf.bytes)
          writeFileSync(join(ARTIFACTS, `present-card-${lang}-${format}.pdf`), pdf.bytes)
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
          expect(info).toMatch(/^Pages:\s+1$/m)
          expect(info).toMatch(new RegExp(`^Page size:\\s+${size} pts`, 'm'))
          // Text, not a picture of text: the figures come out of the file as characters.
          const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
          expect(text).toContain(formatMoneyCompact(headline.gmv.cny, lang))
          expect(text).toContain(formatCount(headline.orders.count, lang))
          expect(text).toContain(cutoffLabel(headline.cutoff, campaign.timeZone, lang))
          expect(text).toContain(headline.topBrands.brands[0]?.key ?? 'no brand')
          if (lang === 'zh-CN') expect(text).toContain('成交总额')
          // Vectors: no raster image anywhere in the file.
          const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')
          expect(images.slice(2)).toEqual([])
        }
        expect(names[0]).toMatch(/-slide-1920x1080\.pdf$/)
        expect(names[1]).toMatch(/-square-1080x1080\.pdf$/)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      expect(errors).toEqual([])
      await page.close()
    })
  }

  test('live, the card is stamped with its cutoff to the second, and freezing it keeps every export at that cutoff', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await page.goto(`${server.url}/present?lang=en`)
    await page.waitForSelector('[data-testid="freeze-cutoff"]')
    expect(await page.textContent('[data-testid="export-note"]')).toMatch(/stamped with its own cutoff/)
    const stamp = await page.evaluate(() => document.querySelector('[data-testid="freeze-cutoff"]')?.textContent)
    await page.click('[data-testid="freeze-cutoff"]')
    await page.waitForSelector('[data-testid="cutoff-now"]:not([disabled])')
    const liveCutoff = new URL(page.url()).searchParams.get('at')
    // The cutoff frozen is the one the button named, to the second.
    expect(stamp).toContain(formatClock(liveCutoff ?? '', campaign.timeZone))
    await page.waitForSelector(`[data-testid="figures"][data-cutoff="${liveCutoff}"]`)
    await page.waitForSelector('[data-testid="png-slide"]:not([disabled])')
    expect(await page.textContent('[data-testid="export-note"]')).toMatch(/cutoff above/)
    const first = await download(page, '[data-testid="csv"]')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const second = await download(page, '[data-testid="csv"]')
    expect(second.name).toBe(first.name)
    expect(second.bytes.equals(first.bytes)).toBe(true)
    expect(first.name).toContain((liveCutoff ?? '').replace(/[:.]/g, '-'))
    expect(errors).toEqual([])
    await page.close()
  })

  test('copies the sentence and the card image to the clipboard', async () => {
    const page = await browser.context.newPage()
    const errors = collectErrors(page)
    await openPresenter(page)
    await page.click('[data-testid="copy-sentence-zh-CN"]')
    await page.waitForSelector('[data-testid="export-status"]')
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
      headlineSentence(headline, 'zh-CN', campaign.timeZone),
    )
    await page.click('[data-testid="copy-image"]')
    await expect
      .poll(
        () =>
          page.evaluate(`navigator.clipboard.read().then(async (items) => {
            const item = items.find((candidate) => candidate.types.includes('image/png'))
            if (!item) return null
            const bitmap = await createImageBitmap(await item.getType('image/png'))
            return { width: bitmap.width, height: bitmap.height }
          })`),
        { timeout: 10_000 },
      )
      .toEqual({ width: 1920, height: 1080 })
    expect(errors).toEqual([])
    await page.close()
  })
})
