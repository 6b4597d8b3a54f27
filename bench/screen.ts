/**
 * The war-room screen in headless Chromium against the real server with orders flowing:
 * frame work under 1 Hz snapshots at 1080p and at 4K, each chart's update time (the User
 * Timing measures the chart wrapper records), JavaScript shipped, time to the first live number.
 */
import type { Page } from 'playwright-core'
import { UPDATE_MEASURE } from '../client/src/charts/updateQueue.ts'
import { makeFestivalOrders } from '../test/e2e/lib/festivalOrders.ts'
import {
  buildClient,
  frameIntervals,
  frameWork,
  launchBrowser,
  openScreen,
  percentile,
  postOrders,
  screenJsGzipBytes,
} from '../test/e2e/lib/screenHarness.ts'
import { startServerProcess } from './lib/serverProcess.ts'
import { median, round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

/** Stored before measuring: 120,000 orders over the hour before, at 800 a second after. */
const PRELOAD_MINUTES = 60
const PRELOAD_ORDERS_PER_MINUTE = 2_000

/** The wall's two screens: a 1080p panel and a 4K one (the stage scales, charts draw at 2×). */
const VIEWPORTS = [
  { width: 1920, height: 1080, name: '1920×1080' },
  { width: 3840, height: 2160, name: '3840×2160' },
] as const

/** Collects every chart update's measure from page start, before the app's first line runs. */
const COLLECT_MEASURES = `window.__chartUpdates = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.name.startsWith(${JSON.stringify(UPDATE_MEASURE)})) window.__chartUpdates.push([entry.name.slice(${UPDATE_MEASURE.length}), entry.duration])
}).observe({ type: 'measure' })`

async function chartUpdates(page: Page): Promise<Map<string, number[]>> {
  const entries = (await page.evaluate('window.__chartUpdates.splice(0)')) as [string, number][]
  const byChart = new Map<string, number[]>()
  for (const [chart, ms] of entries) byChart.set(chart, [...(byChart.get(chart) ?? []), ms])
  return byChart
}

export async function benchScreen({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  buildClient()
  const { entry, total } = screenJsGzipBytes()
  const server = await startServerProcess({ TICK_MS: '1000' })
  const browser = await launchBrowser({ enforceCsp: false })
  const seconds = quick ? 5 : 20
  // The wall as it is on the night, not in its first seconds: an hour of the simulator's
  // orders already stored, so each tick moves shares by what a second adds to an hour, as
  // it does mid-festival (from an empty store every share jumps every second).
  for (let minute = 0; minute < PRELOAD_MINUTES; minute++) {
    const at = Date.now() - (PRELOAD_MINUTES + 5 - minute) * 60_000
    await postOrders(server.url, server.token, makeFestivalOrders(minute, PRELOAD_ORDERS_PER_MINUTE, at))
  }
  let batch = PRELOAD_MINUTES
  let feeding = true
  // One batch of orders every 250 ms keeps every 1 s snapshot moving while frames are measured.
  const feeder = (async () => {
    while (feeding) {
      await postOrders(server.url, server.token, makeFestivalOrders(batch++, 200))
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  })()
  const figures: BenchFigure[] = [
    { name: 'screen: JavaScript at start (gzip)', value: round(entry / 1024, 1), unit: 'KiB', goal: '≤ 400 KB' },
    { name: 'screen: JavaScript with map data (gzip)', value: round(total / 1024, 1), unit: 'KiB' },
  ]
  try {
    for (const viewport of VIEWPORTS) {
      const page = await browser.context.newPage()
      await page.addInitScript(COLLECT_MEASURES)
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      const firstNumberMs = await openScreen(page, `${server.url}/?lang=en`)
      // The first drawing of every chart and the map's geometry are behind us before measuring.
      await page.waitForTimeout(2000)
      await chartUpdates(page)
      const work = await frameWork(page, (seconds * 1000) / 2)
      const intervals = await frameIntervals(page, (seconds * 1000) / 2)
      const updates = await chartUpdates(page)
      await page.close()
      figures.push(
        {
          name: `screen: frame work p95 (1 Hz snapshots, ${viewport.name})`,
          value: round(percentile(work, 95), 2),
          unit: 'ms',
          goal: '≤ 16.7 ms',
        },
        { name: `screen: frame work median (${viewport.name})`, value: round(median(work), 2), unit: 'ms' },
        {
          name: `screen: rAF interval p95 (headless, no GPU, ${viewport.name})`,
          value: round(percentile(intervals, 95), 2),
          unit: 'ms',
          goal: '≤ 16.7 ms',
        },
        {
          name: `screen: page load to first live number (${viewport.name})`,
          value: round(firstNumberMs, 0),
          unit: 'ms',
          goal: '≤ 1500 ms',
        },
      )
      for (const [chart, times] of [...updates].sort(([a], [b]) => a.localeCompare(b)))
        figures.push({
          name: `screen: chart update p95, ${chart} (${times.length} updates, ${viewport.name})`,
          value: round(percentile(times, 95), 2),
          unit: 'ms',
        })
    }
    return figures
  } finally {
    feeding = false
    await feeder
    await browser.close()
    await server.stop()
  }
}
