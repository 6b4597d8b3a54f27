import type { Locale } from '@gmv-pulse/shared'
import { useEffect, useRef } from 'react'
import { CHART_THEME, type EChartsCoreOption, echarts } from './echarts.ts'

export type ECharts = ReturnType<typeof echarts.init>

import { looksTheSame, type RedrawKey, redrawKeyOf } from './redrawKey.ts'
import { cancelChartUpdate, scheduleChartUpdate, UPDATE_MEASURE } from './updateQueue.ts'

export interface ChartProps {
  option: EChartsCoreOption
  /** Replace series instead of merging (needed when the set of series changes). */
  notMerge?: boolean
  className?: string
  label: string
  /** The page's language: ECharts' own words (month and day names on a time axis) follow it. */
  locale: Locale
  /** Called after each drawing and each resize: what the page lays over the chart follows it. */
  onDrawn?: (chart: ECharts) => void
}

/**
 * The one chart wrapper: init once on mount, setOption on every new option (no re-init per
 * tick), resize with the element, dispose on unmount. The stage has a fixed 1920×1080 size
 * in CSS pixels, so devicePixelRatio keeps the canvas crisp when the stage is scaled to 4K.
 */
const UPDATE_START = 'chart-update-start'

export function Chart({ option, notMerge = false, className, label, locale, onDrawn }: ChartProps) {
  const element = useRef<HTMLDivElement>(null)
  const instance = useRef<ECharts | null>(null)
  // A chart made anew (another language) starts from the option on screen.
  const latest = useRef(option)
  latest.current = option
  const name = useRef(label)
  name.current = label
  const drawn = useRef(onDrawn)
  drawn.current = onDrawn
  /** The chart on screen has had an option set: it has a model to place things by. */
  const hasDrawn = useRef(false)
  /** The redraw key of the option on screen (redrawKey.ts). */
  const shownKey = useRef<RedrawKey | undefined>(undefined)

  /**
   * Draws `next` in a frame of its own (updateQueue.ts), there and then rather than deferred
   * again by ECharts; skipped when it would look as the picture on screen does (redrawKey.ts).
   */
  const draw = useRef((chart: ECharts, next: EChartsCoreOption, merge: boolean) => {
    const key = redrawKeyOf(next)
    if (looksTheSame(key, shownKey.current)) {
      cancelChartUpdate(chart)
      return
    }
    scheduleChartUpdate(chart, () => {
      performance.mark(UPDATE_START)
      chart.setOption(next, { notMerge: !merge })
      // Painted now, in this frame: left to its own animation loop, ECharts paints in the next
      // frame, which is the next chart's turn, so every frame carried one chart's paint and
      // another's update (measured: a 26 ms frame p95 at 1080p against 14 ms per update).
      chart.getZr().flush()
      shownKey.current = key
      hasDrawn.current = true
      performance.measure(`${UPDATE_MEASURE}${name.current}`, UPDATE_START)
      // Observers have the entry; the page's own buffer must not grow for as long as the wall runs.
      performance.clearMarks(UPDATE_START)
      performance.clearMeasures(`${UPDATE_MEASURE}${name.current}`)
      drawn.current?.(chart)
    })
  }).current

  useEffect(() => {
    const node = element.current
    if (!node) return
    let chart: ECharts | null = null
    // React removes an unmounted chart's element before it runs this effect's cleanup; the
    // observer then reports a 0×0 box, and a map laid out at 0×0 throws inside ECharts.
    const observer = new ResizeObserver(() => {
      if (chart && node.isConnected && node.clientWidth > 0 && node.clientHeight > 0) {
        chart.resize()
        // Before its first drawing a chart has no model to place anything by.
        if (hasDrawn.current) drawn.current?.(chart)
      }
    })
    // Made in a frame of its own, as every drawing is, and its first drawing in a later one:
    // six charts made in the commit that brings the first snapshot held the first number back
    // (measured on a fresh page: 700 ms from the snapshot's arrival to the number).
    scheduleChartUpdate(node, () => {
      chart = echarts.init(node, CHART_THEME, {
        renderer: 'canvas',
        devicePixelRatio: stageDevicePixelRatio(),
        locale: locale === 'zh-CN' ? 'ZH' : 'EN',
      })
      instance.current = chart
      shownKey.current = undefined
      hasDrawn.current = false
      draw(chart, latest.current, true)
      observer.observe(node)
    })
    return () => {
      cancelChartUpdate(node)
      observer.disconnect()
      if (chart) {
        cancelChartUpdate(chart)
        chart.dispose()
      }
      instance.current = null
    }
  }, [locale, draw])

  useEffect(() => {
    const chart = instance.current
    if (chart) draw(chart, option, !notMerge)
  }, [option, notMerge, draw])

  return <div ref={element} className={className ?? 'chart'} role="img" aria-label={label} />
}

/** The stage is scaled with a CSS transform; render at the resolution it ends up at on the wall. */
function stageDevicePixelRatio(): number {
  const scale = Math.min(window.innerWidth / 1920, window.innerHeight / 1080)
  return Math.max(1, Math.min(4, (window.devicePixelRatio || 1) * scale))
}
