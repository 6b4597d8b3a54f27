import { type Filter, toFen } from '@gmv-pulse/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { type ControlSocket, connectControl } from '../../server/test/socketClient.ts'
import { type Browser, buildClient, launchBrowser, makeOrders, postOrders, tickerValue } from './lib/screenHarness.ts'

/**
 * The wall's ticker, sampled every 100 ms from the moment the page loads while orders stream in,
 * and through a spotlight and back: it never shows more than the campaign holds for what it is
 * showing, and never announces a correction (nothing stored ever went down). Orders from before
 * the campaign are stored too: a first number counted over every stored order would show them.
 */
/** The wall registers as a screen with this, so the control's scene commands reach it. */
const SCREEN_TOKEN = 'e2e-ticker-screen'
const CONTROL_TOKEN = 'e2e-ticker-control'
const BRAND = 'Nike'
const SAMPLE_MS = 100
/** However slow the machine, each stretch is judged on at least this many samples. */
const MIN_SAMPLES = 20
const HOUR = 3_600_000
const CAMPAIGN = { from: Date.now() - HOUR, to: Date.now() + 2 * HOUR }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: ServerProcess
let browser: Browser
let control: ControlSocket

beforeAll(async () => {
  buildClient()
  server = await startServerProcess({
    TICK_MS: '1000',
    CONTROL_TOKENS: CONTROL_TOKEN,
    SCREEN_TOKENS: SCREEN_TOKEN,
    CAMPAIGN_START: new Date(CAMPAIGN.from).toISOString(),
    CAMPAIGN_END: new Date(CAMPAIGN.to).toISOString(),
  })
  await postOrders(server.url, server.token, makeOrders(0, 1500))
  await postOrders(server.url, server.token, makeOrders(9000, 1500, CAMPAIGN.from - 24 * HOUR))
  browser = await launchBrowser({ enforceCsp: false })
  control = await connectControl(server.url, { token: CONTROL_TOKEN })
})

afterAll(async () => {
  control?.close()
  await browser?.close()
  await server?.stop()
})

/** GMV stored in the campaign window under a filter, asked with the window spelled out. */
async function storedGmv(filter: Filter): Promise<bigint> {
  const query = new URLSearchParams({
    ...(filter as Record<string, string>),
    from: String(CAMPAIGN.from),
    to: String(CAMPAIGN.to),
  })
  const response = await fetch(`${server.url}/api/v1/summary?${query}`)
  return toFen(((await response.json()) as { gmv: string }).gmv)
}

interface Sample {
  shown: bigint
  stored: bigint
  corrections: number
}

/**
 * Samples the ticker for `durationMs`, and on until MIN_SAMPLES are taken: what it shows, then
 * what is stored under the filter the wall shows at that moment, read just after. Stored GMV
 * only grows, so shown ≤ stored holds for every sample of an honest ticker.
 */
async function sample(page: Page, durationMs: number, filter: () => Filter): Promise<Sample[]> {
  const samples: Sample[] = []
  const end = Date.now() + durationMs
  // A ticker that never shows a number fails on the count, not on the test's timeout.
  const giveUp = Date.now() + 6 * durationMs
  while ((Date.now() < end || samples.length < MIN_SAMPLES) && Date.now() < giveUp) {
    const value = await tickerValue(page)
    const corrections = (await page.locator('[data-testid="toast-correction"]').count()) as number
    const stored = await storedGmv(filter())
    if (value !== null) samples.push({ shown: toFen(value), stored, corrections })
    await sleep(SAMPLE_MS)
  }
  return samples
}

/** Orders keep arriving every 700 ms until stopped. */
function streamOrders(): () => Promise<void> {
  let running = true
  const done = (async () => {
    for (let batch = 1; running; batch++) {
      await postOrders(server.url, server.token, makeOrders(batch, 200))
      await sleep(700)
    }
  })()
  return async () => {
    running = false
    await done
  }
}

function expectHonest(samples: Sample[], what: string) {
  expect(samples.length, `${what}: samples taken`).toBeGreaterThanOrEqual(MIN_SAMPLES)
  for (const [index, { shown, stored, corrections }] of samples.entries()) {
    expect(shown <= stored, `${what}, sample ${index}: shows ${shown} fen, ${stored} stored`).toBe(true)
    expect(corrections, `${what}, sample ${index}: a correction was announced`).toBe(0)
  }
}

describe('the wall’s ticker from page load, through a spotlight and back', () => {
  test('never shows more than is stored and never announces a correction', async () => {
    const stop = streamOrders()
    let scene: Filter = {}
    try {
      const page = await browser.context.newPage()
      await page.setViewportSize({ width: 1920, height: 1080 })
      await page.goto(`${server.url}/?lang=en&screenToken=${SCREEN_TOKEN}`, { waitUntil: 'domcontentloaded' })
      expectHonest(await sample(page, 10_000, () => scene), 'from page load')

      const spotlit = await control
        .timeout(5000)
        .emitWithAck('setScene', { scene: 'spotlight', dimension: 'brand', value: BRAND })
      expect(spotlit.ok).toBe(true)
      await page.waitForSelector(`[data-testid="spotlight"][data-value="${BRAND}"]`, { timeout: 10_000 })
      scene = { brand: BRAND }
      expectHonest(await sample(page, 5000, () => scene), `spotlight on ${BRAND}`)

      expect((await control.timeout(5000).emitWithAck('setScene', { scene: 'overview' })).ok).toBe(true)
      await page.waitForSelector('[data-testid="spotlight"]', { state: 'detached', timeout: 10_000 })
      scene = {}
      expectHonest(await sample(page, 5000, () => scene), 'back to the overview')
    } finally {
      await stop()
    }
  })
})
