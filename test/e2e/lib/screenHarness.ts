/**
 * Drives the built screen in Debian's headless Chromium against a real GMV Pulse server:
 * shared by the browser test (test/e2e/screen.e2e.test.ts) and the benchmark (bench/screen.ts).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { OrderInput } from '@gmv-pulse/shared'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const ROOT = resolve(import.meta.dirname, '../../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function buildClient(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

export interface BrowserOptions {
  /**
   * Keep the server's CSP in force (the default). The wall's measuring harness turns it off:
   * its waitForFunction and string snippets are test code, not the app, and CSP forbids eval.
   */
  enforceCsp?: boolean
  viewport?: { width: number; height: number }
  /** Downloads and clipboard, for the presenter's and explorer's exports. */
  exports?: boolean
  /** The browser's own time zone (the machine's when not given). */
  timezoneId?: string
  /** Chromium's --host-resolver-rules, e.g. `MAP wall.lan 127.0.0.1`: a LAN name for this machine. */
  hostResolverRules?: string
}

/** A fresh profile every run; no GPU, no network beyond this machine, nothing phoning home. */
export async function launchBrowser({
  enforceCsp = true,
  viewport = { width: 1920, height: 1080 },
  exports = false,
  timezoneId,
  hostResolverRules,
}: BrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'gmv-pulse-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(hostResolverRules ? [`--host-resolver-rules=${hostResolverRules}`] : []),
    ],
    viewport,
    bypassCSP: !enforceCsp,
    ...(timezoneId ? { timezoneId } : {}),
    ...(exports
      ? {
          acceptDownloads: true,
          // Copy to clipboard is a feature under test; the page still asks, the profile says yes.
          permissions: ['clipboard-read', 'clipboard-write'],
        }
      : {}),
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Console errors and uncaught exceptions of a page, collected as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

const BRANDS = [
  'Apple',
  'Haier',
  'Nike',
  'L’Oréal',
  'Xiaomi',
  'Midea',
  'Estée Lauder',
  'Huawei',
  'Adidas',
  'Lancôme',
  'Uniqlo',
  'Dyson',
]
const CATEGORIES = ['Electronics', 'Beauty', 'Apparel', 'Appliances', 'Home', 'Food']
const CHANNELS = ['livestream', 'search', 'feed', 'promotion']
const REGIONS = [
  'CN-ZJ',
  'CN-GD',
  'CN-JS',
  'CN-SH',
  'CN-BJ',
  'CN-SC',
  'CN-HB',
  'CN-SD',
  'US',
  'SG',
  'JP',
  'DE',
  'AU',
  'HK',
]

/** Deterministic orders stamped now, so they fall into the live window. */
export function makeOrders(batch: number, count: number, now = Date.now()): OrderInput[] {
  return Array.from({ length: count }, (_, index) => {
    const n = batch * 100_003 + index * 7919
    return {
      orderId: `e2e-${batch}-${index}`,
      ts: now - (index % 200),
      amount: `${(n % 5000) + 10}.${String(n % 100).padStart(2, '0')}`,
      brand: BRANDS[(n + batch) % BRANDS.length] as string,
      category: CATEGORIES[n % CATEGORIES.length] as string,
      channel: CHANNELS[n % CHANNELS.length] as string,
      liveRoom: n % CHANNELS.length === 0 ? `room-${n % 5}` : undefined,
      region: REGIONS[(n >> 3) % REGIONS.length] as string,
      brandOrigin: n % 3 === 0 ? 'overseas' : 'domestic',
    }
  })
}

export async function postOrders(url: string, token: string, orders: OrderInput[]): Promise<void> {
  const response = await fetch(`${url}/api/v1/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(orders),
  })
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
}

export async function summaryGmv(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/summary`)
  if (!response.ok) throw new Error(`summary answered ${response.status}`)
  return ((await response.json()) as { gmv: string }).gmv
}

/** The exact decimal the ticker shows right now (CNY), or null before the first number. */
export function tickerValue(page: Page): Promise<string | null> {
  return page.evaluate(
    `document.querySelector('[data-testid="gmv-ticker"]')?.getAttribute('data-value') ?? null`,
  ) as Promise<string | null>
}

/** Opens the screen and answers how long after navigation start the first live number appeared (ms). */
export async function openScreen(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'domcontentloaded' })
  await page.waitForFunction(`document.querySelector('[data-testid="gmv-ticker"]')?.getAttribute('data-value')`, null, {
    timeout: 15_000,
    polling: 10,
  })
  return page.evaluate('performance.now()') as Promise<number>
}

// The measuring code runs in the page as source text: a compiled function would carry the
// test runner's helpers (esbuild's __name) into a page that does not have them.
const FRAME_INTERVALS = `(duration) => new Promise((done) => {
  const deltas = []
  let last = performance.now()
  const end = last + duration
  const frame = (now) => {
    deltas.push(now - last)
    last = now
    if (now < end) requestAnimationFrame(frame)
    else done(deltas.slice(1))
  }
  requestAnimationFrame(frame)
})`

/** requestAnimationFrame intervals over `durationMs`, measured inside the page. */
export function frameIntervals(page: Page, durationMs: number): Promise<number[]> {
  return page.evaluate(`(${FRAME_INTERVALS})(${Number(durationMs)})`) as Promise<number[]>
}

const FRAME_WORK = `(duration) => new Promise((done) => {
  const work = []
  const end = performance.now() + duration
  const channel = new MessageChannel()
  let frameStart = 0
  const frame = (now) => {
    frameStart = now
    channel.port2.postMessage(null)
  }
  channel.port1.onmessage = () => {
    work.push(performance.now() - frameStart)
    if (performance.now() < end) requestAnimationFrame(frame)
    else done(work)
  }
  requestAnimationFrame(frame)
})`

/**
 * Per-frame main-thread work (ms): from a frame's start to the end of the work it triggered
 * (script, style, layout, paint), read by a message posted from requestAnimationFrame.
 * Headless Chromium without a GPU has no vsync, so rAF intervals alone say little.
 */
export function frameWork(page: Page, durationMs: number): Promise<number[]> {
  return page.evaluate(`(${FRAME_WORK})(${Number(durationMs)})`) as Promise<number[]>
}

export { percentile } from '../../../bench/lib/stats.ts'

/** Gzip bytes of every JavaScript file the screen loads (the entry and its lazy map chunks). */
export function screenJsGzipBytes(distDir = join(ROOT, 'client/dist')): { total: number; entry: number } {
  const assets = join(distDir, 'assets')
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  let total = 0
  let entry = 0
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js'))) {
    const size = gzipSync(readFileSync(join(assets, file)), { level: 9 }).length
    total += size
    if (html.includes(file)) entry += size
  }
  return { total, entry }
}
