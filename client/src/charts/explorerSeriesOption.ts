import {
  formatCount,
  formatCountAxis,
  formatMoneyBrief,
  formatMoneyCompact,
  INTERVAL_MS,
  type Locale,
  type Timeseries,
} from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { plotAmount, THEME } from './theme.ts'
import { ZONED_AXIS, zonedAxisTime } from './zonedTime.ts'

export type SeriesMetric = 'gmv' | 'orders'

export interface SeriesNames {
  thisYear: string
  lastYear: string
  inProgress: string
}

const metricValue = (metric: SeriesMetric, point: { gmv: string; orders: number }): number =>
  metric === 'gmv' ? plotAmount(point.gmv) : point.orders

/**
 * GMV or orders per bucket, with last year's bucket at the same campaign offset drawn on this
 * year's time axis (dashed), and the bucket still running shaded and labelled: its low value
 * is unfinished, not a drop. Times read on the campaign's clock (zonedTime.ts).
 */
export function explorerSeriesOption(
  series: Timeseries,
  metric: SeriesMetric,
  compare: boolean,
  locale: Locale,
  names: SeriesNames,
  timeZone: string,
): EChartsCoreOption {
  const at = (iso: string) => zonedAxisTime(Date.parse(iso), timeZone)
  const format = (value: number) =>
    metric === 'gmv'
      ? formatMoneyCompact(value.toFixed(2), locale, { fractionDigits: value >= 1e4 ? 1 : 2 })
      : formatCount(value, locale)
  const partial = series.points.find((point) => point.partial)
  const showLastYear = compare && series.points.some((point) => point.lastYear !== null)
  return {
    ...ZONED_AXIS,
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: 90, right: 24, top: 40, bottom: 36 },
    legend: { top: 0, right: 0, textStyle: { color: THEME.muted } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => format(Number(value)) },
    xAxis: { type: 'time', axisLabel: { color: THEME.muted, hideOverlap: true }, splitLine: { show: false } },
    yAxis: {
      type: 'value',
      min: 0,
      // Whole orders on a count axis; one unit system for money (formatMoneyBrief).
      minInterval: metric === 'orders' ? 1 : 0,
      axisLabel: {
        color: THEME.muted,
        formatter: (value: number) =>
          metric === 'gmv' ? formatMoneyBrief(value, locale) : formatCountAxis(value, locale),
      },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        name: names.thisYear,
        type: 'line',
        showSymbol: series.points.length < 60,
        lineStyle: { color: THEME.accent, width: 3 },
        itemStyle: { color: THEME.accent },
        areaStyle: { color: THEME.accentSoft },
        data: series.points.map((point) => [at(point.t), metricValue(metric, point)]),
        markArea: partial
          ? {
              silent: true,
              itemStyle: { color: 'rgba(255,255,255,0.06)' },
              label: { color: THEME.muted, position: 'insideTopRight' },
              data: [
                [
                  { name: names.inProgress, xAxis: at(partial.t) },
                  { xAxis: zonedAxisTime(Date.parse(partial.t) + INTERVAL_MS[series.interval], timeZone) },
                ],
              ],
            }
          : undefined,
      },
      ...(showLastYear
        ? [
            {
              name: names.lastYear,
              type: 'line',
              showSymbol: false,
              lineStyle: { color: THEME.lastYear, width: 2, type: 'dashed' },
              itemStyle: { color: THEME.lastYear },
              data: series.points.flatMap((point) =>
                point.lastYear ? [[at(point.t), metricValue(metric, point.lastYear)]] : [],
              ),
            },
          ]
        : []),
    ],
  }
}
