import { formatMoneyCompact, type Locale, shiftDecimal } from '@gmv-pulse/shared'
import type { CurvePoint } from '../data/history.ts'
import type { EChartsCoreOption } from './echarts.ts'
import { plotAmount, THEME } from './theme.ts'

/** More points than pixels only costs frame time: a curve is thinned to this many, keeping the last. */
export const MAX_PLOTTED_POINTS = 600

export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points]
  const step = points.length / max
  const kept: T[] = []
  for (let index = 0; index < max - 1; index++) kept.push(points[Math.floor(index * step)] as T)
  kept.push(points[points.length - 1] as T)
  return kept
}

/** "00:00" / "1:05" style campaign offset labels (hours:minutes, or minutes:seconds in the first hour). */
export function formatOffset(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.floor(seconds % 60)
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
}

/** This year's GMV against last year's at the same campaign offset. */
export function gmvCurveOption(
  points: readonly CurvePoint[],
  locale: Locale,
  names: { thisYear: string; lastYear: string },
): EChartsCoreOption {
  const shown = thin(points, MAX_PLOTTED_POINTS)
  const hasLastYear = shown.some((point) => point.lastYearGmv !== null)
  return {
    animation: false,
    grid: { left: 110, right: 20, top: 36, bottom: 30 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 'dataMax',
      axisLabel: { color: THEME.muted, fontSize: 14, formatter: formatOffset },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: {
        color: THEME.muted,
        fontSize: 14,
        // Axis ticks are floats already; format them through the same compact money rules.
        formatter: (value: number) =>
          formatMoneyCompact(shiftDecimal(value.toFixed(2), 0), locale, { fractionDigits: 0 }),
      },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        name: names.thisYear,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: THEME.accent, width: 4 },
        areaStyle: { color: THEME.accentSoft },
        data: shown.map((point) => [point.offsetSeconds, plotAmount(point.gmv)]),
      },
      {
        name: names.lastYear,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: THEME.lastYear, width: 2, type: 'dashed' },
        data: hasLastYear
          ? shown.flatMap((point) =>
              point.lastYearGmv === null ? [] : [[point.offsetSeconds, plotAmount(point.lastYearGmv)]],
            )
          : [],
      },
    ],
  }
}
