/**
 * How long a newcomer waits: from `npm run demo` to the wall's GMV ticker changing in a
 * browser. Runs the real command (client build, server start, backfill) on a free port
 * and a fresh store, opens the printed URL in headless Chromium as soon as it appears,
 * and times the first number and the first change of it against the command's start.
 *
 *   node --import tsx seed/src/bench/demoFirstMove.ts [--scale 3e-3] [--port 3999]
 *
 * Needs Debian's chromium (CHROMIUM_PATH to override). Prints one JSON line.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

const ROOT = resolve(import.meta.dirname, '../../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Longer than any demo start we would accept, short enough not to hang a shell. */
const GIVE_UP_MS = 180_000

export interface DemoFirstMove {
  scale: number | null
  /** From the command to the printed URL (the backfill is stored). */
  urlMs: number
  /** From the command to the first GMV number on the wall. */
  firstNumberMs: number
  /** From the command to that number changing: a moving wall. */
  firstChangeMs: number
}

const TICKER = `document.querySelector('[data-testid="gmv-ticker"]')?.getAttribute('data-value') ?? null`

export async function measureDemoFirstMove(opts: { port: number; scale?: number }): Promise<DemoFirstMove> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-demo-timing-'))
  rmSync(dataDir, { recursive: true })
  const started = performance.now()
  const since = () => Math.round(performance.now() - started)
  const demo = spawn('npm', ['run', 'demo'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      DATA_DIR: dataDir,
      ...(opts.scale === undefined ? {} : { CAMPAIGN_SCALE: String(opts.scale) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const browserProfile = mkdtempSync(join(tmpdir(), 'gmv-pulse-chromium-'))
  try {
    const urlMs = await new Promise<number>((done, fail) => {
      let text = ''
      const timer = setTimeout(() => fail(new Error('no URL within the time limit')), GIVE_UP_MS)
      const read = (chunk: Buffer) => {
        text += chunk.toString()
        if (/GMV Pulse demo at http/.test(text)) {
          clearTimeout(timer)
          done(since())
        }
      }
      demo.stdout.on('data', read)
      demo.stderr.on('data', read)
      demo.once('exit', (code) => fail(new Error(`the demo exited with ${code}:\n${text.slice(-2000)}`)))
    })
    const context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
      viewport: { width: 1920, height: 1080 },
      // The measuring snippets are test code, not the app; the page's CSP forbids eval.
      bypassCSP: true,
    })
    try {
      const page = await context.newPage()
      await page.goto(`http://localhost:${opts.port}/?lang=en`, { waitUntil: 'domcontentloaded' })
      await page.waitForFunction(TICKER, null, { timeout: GIVE_UP_MS, polling: 20 })
      const firstNumberMs = since()
      const first = (await page.evaluate(TICKER)) as string
      await page.waitForFunction(`(${TICKER}) !== ${JSON.stringify(first)}`, null, {
        timeout: GIVE_UP_MS,
        polling: 20,
      })
      return { scale: opts.scale ?? null, urlMs, firstNumberMs, firstChangeMs: since() }
    } finally {
      await context.close()
    }
  } finally {
    // The demo's whole process group (npm, node, the server), so no engine is left holding the store.
    if (demo.pid !== undefined && demo.exitCode === null) {
      const exited = new Promise((done) => demo.once('exit', done))
      process.kill(-demo.pid, 'SIGINT')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(browserProfile, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, port: { type: 'string', default: '3999' } } })
  const result = await measureDemoFirstMove({
    port: Number(values.port),
    ...(values.scale === undefined ? {} : { scale: Number(values.scale) }),
  })
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
