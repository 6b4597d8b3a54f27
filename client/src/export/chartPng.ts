import { echarts } from '../charts/echarts.ts'

/** Export resolution: twice the chart's CSS size, sharp on a slide or a retina screen. */
export const CHART_EXPORT_PIXEL_RATIO = 2
/** Charts have transparent backgrounds on the page; an exported image gets the page's colour. */
const EXPORT_BACKGROUND = '#0b1020'

/**
 * The PNG of the ECharts chart inside `container`, rendered by ECharts itself at 2× pixel
 * ratio with the same options the page shows; null when no chart is there yet.
 */
export function chartPngDataUrl(container: HTMLElement | null): string | null {
  const node = container?.matches('.chart') ? container : container?.querySelector<HTMLElement>('.chart')
  const chart = node ? echarts.getInstanceByDom(node) : undefined
  if (!chart) return null
  return chart.getDataURL({ type: 'png', pixelRatio: CHART_EXPORT_PIXEL_RATIO, backgroundColor: EXPORT_BACKGROUND })
}
