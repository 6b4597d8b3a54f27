/**
 * The wall's charts update in place: the categories treemap keeps its tiles where they are
 * from tick to tick while orders stream, rather than flying them in anew every second.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ServerProcess, startServerProcess } from '../../bench/lib/serverProcess.ts'
import { THEME } from '../../client/src/charts/theme.ts'
import { makeFestivalOrders } from './lib/festivalOrders.ts'
import {
  type Browser,
  buildClient,
  collectErrors,
  launchBrowser,
  openScreen,
  postOrders,
  tickerValue,
} from './lib/screenHarness.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  buildClient()
  server = await startServerProcess({ TICK_MS: '1000' })
  browser = await launchBrowser({ enforceCsp: false })
  for (let batch = 0; batch < 20; batch++) await postOrders(server.url, server.token, makeFestivalOrders(batch, 1000))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/**
 * Where each tile colour lies on the treemap canvas: for every fill colour of the palette, the
 * share of the canvas it covers and its centre (x, y as fractions of the canvas). Tiles that
 * stay put keep these; tiles flying in or trading places move them.
 */
const TILE_PLACES = `((palette) => {
  const canvas = document.querySelector('.panel-categories canvas')
  if (!canvas || canvas.width === 0) return null
  const { width, height } = canvas
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data
  const places = Object.fromEntries(palette.map((colour) => [colour, { area: 0, x: 0, y: 0 }]))
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      const place = places['#' + [pixels[at], pixels[at + 1], pixels[at + 2]].map((c) => c.toString(16).padStart(2, '0')).join('')]
      if (!place) continue
      place.area++
      place.x += x
      place.y += y
    }
  for (const place of Object.values(places)) {
    if (place.area > 0) {
      place.x /= place.area * width
      place.y /= place.area * height
    }
    place.area /= width * height
  }
  return places
})`

type Places = Record<string, { area: number; x: number; y: number }>

/**
 * The map's base canvas read back: the box its drawing covers (fractions of the canvas) and the
 * share of the canvas in the GMV colours (orange to gold), which only provinces with buyers get.
 */
const MAP_COVER = `(() => {
  const canvas = document.querySelector('.panel-map canvas')
  if (!canvas || canvas.width === 0) return null
  const { width, height } = canvas
  const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data
  let left = width, right = 0, top = height, bottom = 0, coloured = 0, colouredLeft = width, colouredRight = 0
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4
      if (pixels[at + 3] === 0) continue
      left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y)
      if (pixels[at] > 90 && pixels[at] > pixels[at + 2] + 60) {
        coloured++
        colouredLeft = Math.min(colouredLeft, x)
        colouredRight = Math.max(colouredRight, x)
      }
    }
  return {
    width: (right - left) / width,
    height: (bottom - top) / height,
    coloured: coloured / (width * height),
    colouredWidth: (colouredRight - colouredLeft) / width,
  }
})()`

/** Each map label's text, whether it lies inside the map panel, and the map canvas's alpha under its centre. */
const LABELS_ON_LAND = `(() => {
  const canvas = document.querySelector('.panel-map canvas')
  const box = canvas.getBoundingClientRect()
  const context = canvas.getContext('2d')
  const scale = canvas.width / box.width
  const panel = document.querySelector('.panel-map').getBoundingClientRect()
  return [...document.querySelectorAll('[data-testid="map-label"]')].map((label) => {
    const r = label.getBoundingClientRect()
    const x = Math.round((r.left + r.width / 2 - box.left) * scale)
    const y = Math.round((r.top + r.height / 2 - box.top) * scale)
    return {
      text: label.innerText,
      inside: r.left >= panel.left && r.right <= panel.right && r.top >= panel.top && r.bottom <= panel.bottom,
      alpha: context.getImageData(x, y, 1, 1).data[3],
    }
  })
})()`

/** The map canvas's alpha under the start and the end of each flow line drawn over it. */
const FLOW_ENDS_ALPHA = `(() => {
  const canvas = document.querySelector('.panel-map canvas')
  const context = canvas.getContext('2d')
  const scale = canvas.width / canvas.getBoundingClientRect().width
  const alpha = (x, y) => context.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data[3]
  return [...document.querySelectorAll('.panel-map svg.map-flows path')].map((path) => {
    const [x1, y1, , , x2, y2] = path.getAttribute('d').split(/[ MQ]+/).filter(Boolean).map(Number)
    return [alpha(x1, y1), alpha(x2, y2)]
  })
})()`

async function nextTick(page: Page, after: string | null): Promise<string> {
  await expect.poll(() => tickerValue(page), { timeout: 10_000, interval: 50 }).not.toBe(after)
  return (await tickerValue(page)) as string
}

describe('the wall’s charts update in place', () => {
  test('at 1080p the map panel is China by province, filled and coloured by GMV, with buyers abroad ranked', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const errors = collectErrors(page)
    await openScreen(page, `${server.url}/?lang=en`)
    await page.locator('.panel-map canvas').first().waitFor()
    await expect
      .poll(() => page.evaluate(MAP_COVER), { timeout: 10_000, interval: 250 })
      .toMatchObject({ coloured: expect.any(Number) })
    await sleep(1000)
    const cover = (await page.evaluate(MAP_COVER)) as {
      width: number
      height: number
      coloured: number
      colouredWidth: number
    }
    // China fills the panel one way or the other, not a small shape in a world of sea.
    expect(Math.max(cover.width, cover.height), JSON.stringify(cover)).toBeGreaterThan(0.9)
    // The eastern provinces, where most buyers are, carry the GMV colours: about 7% of the
    // canvas with this data (the quieter half of the scale stays blue and is not counted).
    expect(cover.coloured, JSON.stringify(cover)).toBeGreaterThan(0.04)
    // Provinces from Sichuan to the coast are large on the panel, not a speck on a globe.
    expect(cover.colouredWidth, JSON.stringify(cover)).toBeGreaterThan(0.3)
    const abroad = await page.locator('[data-testid="overseas"] li').allTextContents()
    expect(abroad.length).toBe(5)
    expect(abroad[0]).toMatch(/^[A-Z][a-z].*¥/)
    // The leading provinces are named with their GMV, each label standing on its province:
    // the map's own canvas is opaque under its centre (sea and the world beyond are not drawn).
    const labels = (await page.evaluate(LABELS_ON_LAND)) as { text: string; alpha: number; inside: boolean }[]
    expect(labels.length, JSON.stringify(labels)).toBeGreaterThanOrEqual(2)
    for (const label of labels) {
      expect(label.text).toMatch(/^[A-Z][a-z]+.*\n?¥[\d.]+/)
      expect(label, JSON.stringify(label)).toMatchObject({ inside: true })
      expect(label.alpha, JSON.stringify(label)).toBeGreaterThan(0)
    }
    // Flow lines start and end on land: the map's canvas is opaque under both ends of each.
    const ends = (await page.evaluate(FLOW_ENDS_ALPHA)) as number[][]
    expect(ends.length).toBeGreaterThanOrEqual(1)
    for (const [start, end] of ends) {
      expect(start, JSON.stringify(ends)).toBeGreaterThan(0)
      expect(end, JSON.stringify(ends)).toBeGreaterThan(0)
    }
    expect(errors).toEqual([])
    await page.close()
  })

  test('between snapshots every chart rests: none paints more than once a tick but for the race’s slides', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    // Each canvas's paints, by its panel: zrender clears a canvas before each repaint.
    await page.addInitScript(`(() => {
      window.__paints = {}
      const clear = CanvasRenderingContext2D.prototype.clearRect
      CanvasRenderingContext2D.prototype.clearRect = function (...args) {
        const panel = this.canvas.closest('.panel')
        const name = panel ? [...panel.classList].find((c) => c.startsWith('panel-')) : 'other'
        window.__paints[name] = (window.__paints[name] || 0) + 1
        return clear.apply(this, args)
      }
    })()`)
    const errors = collectErrors(page)
    await openScreen(page, `${server.url}/?lang=en`)
    await page.locator('.panel-categories canvas').waitFor()
    await sleep(2000)

    let value = await tickerValue(page)
    await page.evaluate('window.__paints = {}')
    const ticks = 5
    for (let tick = 0; tick < ticks; tick++) {
      await postOrders(server.url, server.token, makeFestivalOrders(200 + tick, 200))
      value = await nextTick(page, value)
    }
    const paints = (await page.evaluate('window.__paints')) as Record<string, number>
    // One drawing a tick, and one more for a tick that lands as the count starts or ends.
    for (const panel of ['panel-categories', 'panel-channels', 'panel-ops', 'panel-curve', 'panel-map'])
      expect(paints[panel] ?? 0, `${panel}: ${JSON.stringify(paints)}`).toBeLessThanOrEqual(ticks + 2)
    // The race slides for 300 ms on a tick where a brand overtakes another: about 18 frames.
    expect(paints['panel-brands'] ?? 0, JSON.stringify(paints)).toBeLessThanOrEqual(20 * (ticks + 1))
    expect(paints['panel-categories'] ?? 0, JSON.stringify(paints)).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('the categories treemap keeps the same tiles in the same places across five ticks', async () => {
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: 1920, height: 1080 })
    const errors = collectErrors(page)
    await openScreen(page, `${server.url}/?lang=en`)
    await page.locator('.panel-categories canvas').waitFor()
    await sleep(1500)

    let value = await tickerValue(page)
    const frames: Places[] = []
    for (let tick = 0; tick < 6; tick++) {
      // New orders every tick: amounts and shares change, ranks do not.
      await postOrders(server.url, server.token, makeFestivalOrders(100 + tick, 200))
      value = await nextTick(page, value)
      // Sampled a third of a tick later: an entrance animation would be in full flight.
      await sleep(300)
      frames.push((await page.evaluate(`${TILE_PLACES}(${JSON.stringify(THEME.palette)})`)) as Places)
    }
    const drawn = Object.entries(frames[0] as Places).filter(([, place]) => place.area > 0.01)
    expect(drawn.length).toBeGreaterThanOrEqual(8)
    for (let index = 1; index < frames.length; index++)
      for (const [colour, before] of drawn) {
        const now = (frames[index] as Places)[colour]
        // A tick moves a tile's edge by a pixel or two: its centre and area hardly change.
        const where = `tick ${index}, tiles in ${colour}: ${JSON.stringify(before)} → ${JSON.stringify(now)}`
        expect(Math.abs((now?.x ?? 0) - before.x), where).toBeLessThan(0.01)
        expect(Math.abs((now?.y ?? 0) - before.y), where).toBeLessThan(0.01)
        expect(Math.abs((now?.area ?? 0) - before.area) / before.area, where).toBeLessThan(0.05)
      }
    expect(errors).toEqual([])
    await page.close()
  })
})
