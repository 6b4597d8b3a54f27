import { echarts } from '../charts/echarts.ts'
import { THEME } from '../charts/theme.ts'
import { fitFontSize } from './fitText.ts'

/** Export resolution: twice the chart's CSS size, sharp on a slide or a retina screen. */
export const CHART_EXPORT_PIXEL_RATIO = 2
/** Charts have transparent backgrounds on the page; an exported image gets the page's colour. */
const EXPORT_BACKGROUND = '#0b1020'

/** What a chart image says about itself: a title, then the filter, the range and the time zone. */
export interface ChartCaption {
  title: string
  lines: string[]
}

/** Caption type sizes in CSS px (doubled with the chart). */
const TITLE_PX = 18
const LINE_PX = 13
const PAD_PX = 12

/**
 * The PNG of the ECharts chart inside `container`, rendered by ECharts itself at 2× pixel
 * ratio with the options the page shows, under a caption band: a chart passed around on its
 * own still says what it shows, under which filter, over which range, in which time zone.
 * Null when no chart is there yet.
 */
export function chartPngDataUrl(container: HTMLElement | null, caption: ChartCaption): string | null {
  const node = container?.matches('.chart') ? container : container?.querySelector<HTMLElement>('.chart')
  const chart = node ? echarts.getInstanceByDom(node) : undefined
  if (!chart) return null
  const plot = chart.getRenderedCanvas({ pixelRatio: CHART_EXPORT_PIXEL_RATIO, backgroundColor: EXPORT_BACKGROUND })
  const scale = CHART_EXPORT_PIXEL_RATIO
  const band = (PAD_PX * 2 + TITLE_PX + caption.lines.length * (LINE_PX + 6)) * scale
  const canvas = document.createElement('canvas')
  canvas.width = plot.width
  canvas.height = plot.height + band
  const context = canvas.getContext('2d')
  if (!context) return null
  context.fillStyle = EXPORT_BACKGROUND
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.textBaseline = 'top'
  const room = canvas.width - 2 * PAD_PX * scale
  // Each line at the largest size up to its own that fits the chart's width: never cut, never squeezed.
  const write = (text: string, px: number, weight: 400 | 600, color: string, y: number) => {
    const size = fitFontSize(text, px * scale, room, weight, (value, at) => {
      context.font = `${weight} ${at}px ${THEME.fontFamily}`
      return context.measureText(value).width
    })
    context.font = `${weight} ${size}px ${THEME.fontFamily}`
    context.fillStyle = color
    context.fillText(text, PAD_PX * scale, y)
  }
  write(caption.title, TITLE_PX, 600, THEME.text, PAD_PX * scale)
  caption.lines.forEach((line, index) => {
    write(line, LINE_PX, 400, THEME.muted, (PAD_PX + TITLE_PX + 6 + index * (LINE_PX + 6)) * scale)
  })
  context.drawImage(plot, 0, band)
  return canvas.toDataURL('image/png')
}
