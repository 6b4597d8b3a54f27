/**
 * The war-room screen in headless Chromium against the real server with orders flowing:
 * frame work under 1 Hz snapshots, JavaScript shipped, time to the first live number.
 */
import {
  buildClient,
  frameIntervals,
  frameWork,
  launchBrowser,
  makeOrders,
  openScreen,
  percentile,
  postOrders,
  screenJsGzipBytes,
} from '../test/e2e/lib/screenHarness.ts'
import { startServerProcess } from './lib/serverProcess.ts'
import { round } from './lib/stats.ts'
import type { BenchFigure } from './report.ts'

export async function benchScreen({ quick }: { quick: boolean }): Promise<BenchFigure[]> {
  buildClient()
  const { entry, total } = screenJsGzipBytes()
  const server = await startServerProcess({ TICK_MS: '1000' })
  const browser = await launchBrowser({ enforceCsp: false })
  try {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const firstNumberMs = await openScreen(page, `${server.url}/?lang=en`)
    const seconds = quick ? 5 : 20
    let batch = 0
    let feeding = true
    // One batch of orders every 250 ms keeps every 1 s snapshot moving while frames are measured.
    const feeder = (async () => {
      while (feeding) {
        await postOrders(server.url, server.token, makeOrders(batch++, 200))
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    })()
    const work = await frameWork(page, (seconds * 1000) / 2)
    const intervals = await frameIntervals(page, (seconds * 1000) / 2)
    feeding = false
    await feeder
    return [
      {
        name: 'screen: frame work p95 (1 Hz snapshots, 1920×1080)',
        value: round(percentile(work, 95), 2),
        unit: 'ms',
        goal: '≤ 16.7 ms',
      },
      {
        name: 'screen: rAF interval p95 (headless, no GPU)',
        value: round(percentile(intervals, 95), 2),
        unit: 'ms',
        goal: '≤ 16.7 ms',
      },
      { name: 'screen: JavaScript at start (gzip)', value: round(entry / 1024, 1), unit: 'KiB', goal: '≤ 400 KB' },
      { name: 'screen: JavaScript with map data (gzip)', value: round(total / 1024, 1), unit: 'KiB' },
      { name: 'screen: page load to first live number', value: round(firstNumberMs, 0), unit: 'ms', goal: '≤ 1500 ms' },
    ]
  } finally {
    await browser.close()
    await server.stop()
  }
}
