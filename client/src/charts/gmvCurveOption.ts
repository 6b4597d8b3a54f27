import { type CampaignCurvePoint, formatMoneyBrief, type Locale } from '@gmv-pulse/shared'
import type { DrawnCurve } from '../data/liveCurve.ts'
import type { EChartsCoreOption } from './echarts.ts'
import { plotAmount, THEME } from './theme.ts'
import { ZONED_AXIS, zonedAxisTime } from './zonedTime.ts'

/**
 * This year's GMV so far against last year's at the same campaign offset, on the campaign's
 * clock: days and hours as the campaign counts them (zonedTime.ts). Last year runs on over its
 * whole window, ahead of this year's line.
 */
export function gmvCurveOption(
  curve: DrawnCurve,
  locale: Locale,
  names: { thisYear: string; lastYear: string },
  timeZone: string,
): EChartsCoreOption {
  const plotted = (points: readonly CampaignCurvePoint[]) =>
    points.map((point) => [zonedAxisTime(Date.parse(point.t), timeZone), plotAmount(point.gmv)])
  return {
    ...ZONED_AXIS,
    animation: false,
    grid: { left: 110, right: 24, top: 40, bottom: 30 },
    legend: {
      top: 0,
      right: 0,
      textStyle: { color: THEME.muted, fontSize: 14 },
      data: [names.thisYear, names.lastYear],
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: THEME.muted, fontSize: 14, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: {
        color: THEME.muted,
        fontSize: 14,
        formatter: (value: number) => formatMoneyBrief(value, locale),
      },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        name: names.thisYear,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: THEME.accent, width: 4 },
        itemStyle: { color: THEME.accent },
        areaStyle: { color: THEME.accentSoft },
        data: plotted(curve.thisYear),
      },
      {
        name: names.lastYear,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: THEME.lastYear, width: 2, type: 'dashed' },
        itemStyle: { color: THEME.lastYear },
        data: plotted(curve.lastYear),
      },
    ],
  }
}
