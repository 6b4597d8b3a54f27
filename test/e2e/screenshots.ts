/**
 * Screenshots of the wall, the explorer and the presenter at 1366×768, 1920×1080 and
 * 3840×2160 in both languages, against a real server streaming the simulator's vocabulary,
 * for a person to read as an executive would. Not a test: run it by hand,
 *   node --import tsx test/e2e/screenshots.ts
 * and open bench/results/screens/ (ignored by git).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startServerProcess } from '../../bench/lib/serverProcess.ts'
import { makeFestivalOrders } from './lib/festivalOrders.ts'
import { textSpills } from './lib/pageReading.ts'
import { buildClient, launchBrowser, openScreen, postOrders, ROOT } from './lib/screenHarness.ts'

const OUT = join(ROOT, 'bench/results/screens')
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]
/** Each page's address; `explore-growth` is the explorer ranked by growth (not shot unless asked for). */
const PATHS: Record<string, string> = {
  wall: '/',
  explore: '/explore',
  present: '/present',
  'explore-growth': '/explore?sort=growth',
}
const PAGES = (process.env.SCREENS ?? 'wall,explore,present').split(',')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** What shows a page has its figures: the explorer's series drawn and a leaderboard filled, the presenter's card. */
const READY: Record<string, string> = {
  explore: '[data-testid="series-gmv"] canvas >> nth=0',
  'explore-growth': '[data-testid="leaderboard-note"] >> nth=0',
  present: '[data-testid="figures"]',
}

mkdirSync(OUT, { recursive: true })
if (!process.env.NO_BUILD) buildClient()
const server = await startServerProcess({ TICK_MS: '1000', CAMPAIGN_NAME: '11.11' })
const browser = await launchBrowser({ enforceCsp: false })
try {
  for (let batch = 0; batch < 40; batch++) await postOrders(server.url, server.token, makeFestivalOrders(batch, 1000))
  let batch = 1000
  const streaming = setInterval(() => {
    void postOrders(server.url, server.token, makeFestivalOrders(batch++, 300)).catch(() => {})
  }, 1000)
  for (const lang of ['en', 'zh-CN'])
    for (const size of SIZES)
      for (const name of PAGES) {
        const page = await browser.context.newPage()
        await page.setViewportSize(size)
        const path = PATHS[name] ?? `/${name}`
        const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`
        if (name === 'wall') await openScreen(page, url)
        else await page.goto(url)
        // A page is shot once its figures are in, as a reader would first read it (a busy machine
        // answers slower than a fixed wait), then after a moment for the charts to settle.
        const ready = READY[name]
        if (ready) await page.waitForSelector(ready, { timeout: 60_000 })
        await sleep(name === 'wall' ? 4000 : 3000)
        const file = join(OUT, `${name}-${lang}-${size.width}x${size.height}.png`)
        await page.screenshot({ path: file })
        const spills = await textSpills(page)
        console.log(file, spills.length ? JSON.stringify(spills) : 'no text leaves its panel')
        await page.close()
      }
  clearInterval(streaming)
} finally {
  await browser.close()
  await server.stop()
}
