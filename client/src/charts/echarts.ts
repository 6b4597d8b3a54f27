/**
 * The only ECharts import for the screen: the core plus exactly the charts and components
 * the panels use, on the canvas renderer, so the bundle carries nothing else.
 */
import { BarChart, LineChart, LinesChart, MapChart, PieChart, TreemapChart } from 'echarts/charts'
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  VisualMapComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { LabelLayout } from 'echarts/features'
import { CanvasRenderer } from 'echarts/renderers'
import { THEME } from './theme.ts'

echarts.use([
  BarChart,
  LineChart,
  LinesChart,
  MapChart,
  PieChart,
  TreemapChart,
  GeoComponent,
  GridComponent,
  // The wall's campaign curve names its two lines.
  LegendComponent,
  MarkPointComponent,
  VisualMapComponent,
  // labelLayout callbacks: the treemap hides a caption its tile cannot hold (labelFit.ts).
  LabelLayout,
  CanvasRenderer,
])

/** Every chart's text in the page's face: without it ECharts draws in the browser's sans-serif. */
export const CHART_THEME = 'gmv-pulse'
echarts.registerTheme(CHART_THEME, { textStyle: { fontFamily: THEME.fontFamily } })

export type { EChartsCoreOption } from 'echarts/core'
export { echarts }
