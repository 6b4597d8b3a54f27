/**
 * The screens read as an executive reads them, at 1366×768, 1920×1080 and 3840×2160, in
 * English and Chinese, against a real server holding festival-sized figures (hundreds of
 * billions of yuan) in the simulator's vocabulary: no text leaves its panel, an English page
 * holds no Chinese, a Chinese page no English label, and the document says its language.
 */
import {
  CATEGORY_LABELS,
  type Campaign,
  CHANNEL_LABELS,
  CHINA_PROVINCES,
  LOCALES,
  type Locale,
  thresholdAmount,
} from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { makeFestivalOrders } from './lib/festivalOrders.ts'
import { type Spill, textSpills, visibleTexts } from './lib/pageReading.ts'
import { type Browser, buildClient, collectErrors, launchBrowser, openScreen, postOrders } from './lib/screenHarness.ts'

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]
const PAGES = ['wall', 'explore', 'present', 'explore-interval', 'explore-growth'] as const
/**
 * Beyond each page as it opens: the explorer with an interval too fine for its range, which says
 * so, and ranked by growth, which says what that order covers.
 */
const ELEVEN_DAYS_MS = 11 * 86_400_000
const pagePath = (name: (typeof PAGES)[number], locale: Locale) => {
  if (name === 'wall') return `/?lang=${locale}`
  if (name === 'explore-growth') return `/explore?lang=${locale}&sort=growth`
  if (name !== 'explore-interval') return `/${name}?lang=${locale}`
  const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000)
  const from = new Date(to.getTime() - ELEVEN_DAYS_MS)
  return `/explore?lang=${locale}&range=custom&from=${from.toISOString()}&to=${to.toISOString()}&interval=1m`
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Reading {
  page: (typeof PAGES)[number]
  locale: Locale
  size: string
  lang: string
  spills: Spill[]
  texts: string[]
  errors: string[]
}

let server: ServerProcess
let browser: Browser
const readings: Reading[] = []

beforeAll(async () => {
  buildClient()
  // A campaign window around now, so last year's window (a year earlier) frames year-on-year.
  const hour = 3_600_000
  server = await startServerProcess({
    TICK_MS: '1000',
    CAMPAIGN_NAME: '11.11',
    CAMPAIGN_START: new Date(Date.now() - hour).toISOString(),
    CAMPAIGN_END: new Date(Date.now() + 23 * hour).toISOString(),
  })
  browser = await launchBrowser({ enforceCsp: false })
  // 40,000 orders of ¥2 million to ¥10 million: ¥240 billion or so, the festival's order of size.
  for (let batch = 0; batch < 40; batch++)
    await postOrders(server.url, server.token, makeFestivalOrders(batch, 1000, Date.now(), 20_000))
  // And a burst of 100,000 orders within a second or two: a peak of tens of thousands a second,
  // about as wide a figure as the festival's (583,000 in 2020), read in the Orders/s panel's head.
  const burst = Date.now()
  for (let batch = 100; batch < 110; batch++)
    await postOrders(server.url, server.token, makeFestivalOrders(batch, 10_000, burst, 20_000))
  for (const locale of LOCALES)
    for (const size of SIZES)
      for (const name of PAGES) {
        const page = await browser.context.newPage()
        await page.setViewportSize(size)
        const errors = collectErrors(page)
        const url = `${server.url}${pagePath(name, locale)}`
        if (name === 'wall') await openScreen(page, url)
        else {
          await page.goto(url)
          await page.locator('.panel-a').first().waitFor()
          if (name === 'explore-interval') await page.locator('[data-testid="interval-note"]').waitFor()
          if (name === 'explore-growth') await page.getByTestId('leaderboard-note').first().waitFor()
        }
        // Every panel's figures in (the analyst pages ask the API; the wall's first ticks).
        await page.waitForLoadState('networkidle')
        await sleep(1500)
        readings.push({
          page: name,
          locale,
          size: `${size.width}×${size.height}`,
          lang: (await page.evaluate('document.documentElement.lang')) as string,
          spills: await textSpills(page),
          texts: await visibleTexts(page),
          errors,
        })
        await page.close()
      }
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/
const ENGLISH_LABELS = [
  ...Object.values(CATEGORY_LABELS).map((names) => names.en),
  ...Object.values(CHANNEL_LABELS).map((names) => names.en),
  ...Object.values(CHINA_PROVINCES).map((names) => names.en),
]
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const englishLabel = new RegExp(`\\b(${ENGLISH_LABELS.map(literal).join('|')})\\b`)

describe('the screens at every size, in both languages', () => {
  test('no text leaves its panel', () => {
    expect(readings).toHaveLength(PAGES.length * SIZES.length * LOCALES.length)
    const spilled = readings.flatMap((reading) =>
      reading.spills.map((spill) => `${reading.page} ${reading.locale} ${reading.size}: ${JSON.stringify(spill)}`),
    )
    expect(spilled).toEqual([])
  })

  test('an English page holds no Chinese (the test data’s brand names are Latin)', () => {
    const english = readings.filter((reading) => reading.locale === 'en')
    const chinese = english.flatMap((reading) =>
      reading.texts.filter((text) => CJK.test(text)).map((text) => `${reading.page} ${reading.size}: ${text}`),
    )
    expect(chinese).toEqual([])
  })

  test('a Chinese page holds no known English label', () => {
    const chinesePages = readings.filter((reading) => reading.locale === 'zh-CN')
    const english = chinesePages.flatMap((reading) =>
      reading.texts.filter((text) => englishLabel.test(text)).map((text) => `${reading.page} ${reading.size}: ${text}`),
    )
    expect(english).toEqual([])
  })

  test('ranked by growth, the leaderboard says which keys that order covers: those at the campaign’s growth base', async () => {
    const campaign = (await (await fetch(`${server.url}/api/v1/campaign`)).json()) as Campaign
    for (const reading of readings.filter((candidate) => candidate.page === 'explore-growth')) {
      const base = thresholdAmount(campaign.thresholds.growthBase, reading.locale)
      expect(
        reading.texts.filter((text) => text.includes(base)).length,
        `${reading.locale} ${reading.size}`,
      ).toBeGreaterThan(0)
    }
  })

  test('the document says the page’s language, and no page logs an error', () => {
    for (const reading of readings) expect(reading.lang, `${reading.page} ${reading.size}`).toBe(reading.locale)
    expect(readings.flatMap((reading) => reading.errors)).toEqual([])
  })
})
