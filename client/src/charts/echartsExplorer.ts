/**
 * The explorer's and presenter's extra ECharts components, registered on the same core as
 * the wall's (echarts.ts). Imported only by those lazily loaded screens, so the wall's
 * bundle does not carry them.
 */
import { MarkAreaComponent, TooltipComponent } from 'echarts/components'
import { echarts } from './echarts.ts'

echarts.use([MarkAreaComponent, TooltipComponent])

export { echarts }
