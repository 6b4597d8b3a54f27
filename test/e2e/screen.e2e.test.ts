import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { formatMoneyExact } from '@gmv-pulse/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { launchStrictBrowser } from './lib/analystHarness.ts'
import {
  type Browser,
  buildClient,
  collectErrors,
  frameWork,
  launchBrowser,
  makeOrders,
  openScreen,
  percentile,
  postOrders,
  ROOT,
  screenJsGzipBytes,
  summaryGmv,
  tickerValue,
} from './lib/screenHarness.ts'

const ARTIFACTS = join(ROOT, 'test-artifacts')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  buildClient()
  mkdirSync(ARTIFACTS, { recursive: true })
  server = await startServerProcess({ TICK_MS: '1000' })
  browser = await launchBrowser({ enforceCsp: false })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the war-room screen in a real browser against the real server', () => {
  test('at 1920×1080 the GMV counts up as orders arrive and settles on the API figure', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const errors = collectErrors(page)
    const firstNumberMs = await openScreen(page, `${server.url}/?lang=en`)
    console.log(`first live number ${firstNumberMs.toFixed(0)} ms after navigation start`)

    const seen: bigint[] = []
    const toFen = (value: string) => BigInt(value.replace('.', ''))
    for (let batch = 0; batch < 8; batch++) {
      await postOrders(server.url, server.token, makeOrders(batch, 500))
      for (let sample = 0; sample < 5; sample++) {
        const value = await tickerValue(page)
        if (value !== null) seen.push(toFen(value))
        await sleep(100)
      }
    }
    const work = await frameWork(page, 4000)
    console.log(`frame work p95 ${percentile(work, 95).toFixed(2)} ms over ${work.length} frames`)

    // Ingest has stopped: within a few ticks the ticker must show exactly what the API says.
    const expected = await summaryGmv(server.url)
    await expect.poll(() => tickerValue(page), { timeout: 10_000, interval: 250 }).toBe(expected)
    const shown = await page.textContent('[data-testid="gmv-ticker"]')
    expect(shown).toBe(formatMoneyExact(expected, 'en'))

    expect(seen.length).toBeGreaterThan(10)
    for (let index = 1; index < seen.length; index++)
      expect((seen[index] as bigint) >= (seen[index - 1] as bigint)).toBe(true)
    expect((seen[seen.length - 1] as bigint) > (seen[0] as bigint)).toBe(true)
    expect(await page.getAttribute('[data-testid="freshness"]', 'data-state')).toBe('live')

    // Nothing cut off: every panel and the header's badge lie wholly inside the 1920×1080 wall.
    const spills = (await page.evaluate(`(() => [...document.querySelectorAll('.screen > *, .badge, .panel')]
      .map((element) => ({ name: element.className, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.left < 0 || box.top < 0 || box.right > 1920.5 || box.bottom > 1080.5)
      .map(({ name, box }) => name + ' ' + Math.round(box.right) + '×' + Math.round(box.bottom)))()`)) as string[]
    expect(spills).toEqual([])

    await sleep(500)
    await page.screenshot({ path: join(ARTIFACTS, 'screen-1920x1080.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  test('at 3840×2160 in Chinese the whole stage fits with no scrollbars', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 3840, height: 2160 })
    const errors = collectErrors(page)
    await openScreen(page, `${server.url}/?lang=zh-CN`)
    await postOrders(server.url, server.token, makeOrders(100, 300))
    const expected = await summaryGmv(server.url)
    await expect.poll(() => tickerValue(page), { timeout: 10_000, interval: 250 }).toBe(expected)
    const layout = (await page.evaluate(`(() => {
      const stage = document.querySelector('.stage').getBoundingClientRect()
      return {
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        stage: { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom },
        lang: document.documentElement.lang,
      }
    })()`)) as { scrollWidth: number; scrollHeight: number; stage: Record<string, number>; lang: string }
    expect(layout.lang).toBe('zh-CN')
    expect(layout.scrollWidth).toBeLessThanOrEqual(3840)
    expect(layout.scrollHeight).toBeLessThanOrEqual(2160)
    expect(layout.stage).toEqual({ left: 0, top: 0, right: 3840, bottom: 2160 })
    await sleep(1500)
    await page.screenshot({ path: join(ARTIFACTS, 'screen-3840x2160.png') })
    expect(errors).toEqual([])
    await page.close()
  })

  test('the screen loads a bounded amount of JavaScript', () => {
    const { total, entry } = screenJsGzipBytes()
    console.log(
      `screen JavaScript: ${(entry / 1024).toFixed(1)} KiB gzip at start, ${(total / 1024).toFixed(1)} KiB with the map`,
    )
    // The entry must stay under the 400 KB goal; the lazily loaded map data comes on top.
    expect(entry).toBeLessThanOrEqual(400 * 1024)
  })

  test('the wall works under the server’s own CSP: live numbers and the map, no violation', async () => {
    // This harness (unlike the one above) does not bypass the policy, so nothing here may
    // evaluate strings in the page: only locators and Playwright's own CDP calls.
    const strict = await launchStrictBrowser()
    try {
      const page = await strict.context.newPage()
      await page.setViewportSize({ width: 1920, height: 1080 })
      const errors = collectErrors(page)
      await page.goto(`${server.url}/?lang=en`)
      await page.locator('[data-testid="gmv-ticker"][data-value]').waitFor({ timeout: 15_000 })
      await postOrders(server.url, server.token, makeOrders(99, 50))
      await page.locator('canvas').first().waitFor()
      await sleep(2_000)
      expect(errors.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    } finally {
      await strict.close()
    }
  })
})
