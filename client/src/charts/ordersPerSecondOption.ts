import { formatCountAxis, type Locale, type Snapshot } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { THEME } from './theme.ts'
import { ZONED_AXIS, zonedAxisTime } from './zonedTime.ts'

/**
 * Orders per second over the last five minutes, with the campaign peak marked when it
 * falls inside the window. A sliding window: animation off, so points do not wobble. Times read
 * on the campaign's clock (zonedTime.ts).
 */
export function ordersPerSecondOption(
  series: Snapshot['ordersPerSecond'],
  peak: Snapshot['peak'],
  locale: Locale,
  timeZone: string,
): EChartsCoreOption {
  const start = Date.parse(series.start)
  const data = series.counts.map((orders, i) => [zonedAxisTime(start + i * 1000, timeZone), orders] as const)
  const peakAt = peak?.at ? zonedAxisTime(Date.parse(peak.at), timeZone) : null
  const first = data[0]?.[0]
  const last = data[data.length - 1]?.[0]
  const peakInWindow = peakAt !== null && first !== undefined && last !== undefined && peakAt >= first && peakAt <= last
  return {
    ...ZONED_AXIS,
    animation: false,
    // Room above the plot for the peak's pin.
    grid: { left: 70, right: 20, top: 44, bottom: 30 },
    xAxis: {
      type: 'time',
      axisLabel: { color: THEME.muted, fontSize: 14, hideOverlap: true },
      axisLine: { lineStyle: { color: THEME.grid } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      // Orders come whole: no tick at 0.5 when a quiet second counts 1.
      minInterval: 1,
      axisLabel: { color: THEME.muted, fontSize: 14, formatter: (value: number) => formatCountAxis(value, locale) },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        type: 'line',
        data,
        showSymbol: false,
        lineStyle: { color: THEME.accent, width: 3 },
        areaStyle: { color: THEME.accentSoft },
        markPoint:
          peak && peakInWindow
            ? {
                symbol: 'pin',
                symbolSize: 56,
                itemStyle: { color: THEME.up },
                // The pin marks where; the panel's title states the peak and its time. A count of
                // five digits or more did not fit the pin's head and was drawn cut ("4,70").
                label: { show: false },
                data: [{ coord: [peakAt, peak.ordersPerSecond], value: peak.ordersPerSecond }],
              }
            : { data: [] },
      },
    ],
  }
}
