import { formatMoneyCompact, keyLabel, type Locale, type RankedBrand } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { withRedrawKey } from './redrawKey.ts'
import { plotAmount, THEME } from './theme.ts'

/** ▲2 / ▼1 / NEW / nothing, for the label beside a bar. */
export function rankChangeMark(change: number | null, newLabel: string): string {
  if (change === null) return newLabel
  if (change > 0) return `▲${change}`
  if (change < 0) return `▼${-change}`
  return ''
}

/** A bar's length is drawn to one part in this many of the longest: under a pixel on the wall. */
const BAR_STEPS = 500

/** How long a brand takes to slide to its new rank. */
export const RACE_SLIDE_MS = 300

/**
 * Top-10 brands as a bar race: ECharts sorts the bars itself (realtimeSort) and animates a
 * brand sliding to its new rank; each bar is labelled with its GMV and its rank change.
 */
export function topBrandsOption(brands: readonly RankedBrand[], locale: Locale, newLabel: string): EChartsCoreOption {
  const top = [...brands].sort((a, b) => a.rank - b.rank).slice(0, 10)
  // Long enough to see a brand slide to its new rank; short, because while a race animates
  // ECharts re-sorts and re-renders the bars every frame (measured: the wall's largest
  // per-frame cost at 4K once the map's moving symbols were gone; 800 ms kept it busy four
  // frames in five). Only when a brand overtakes another or enters: a tick that moves only
  // amounts redraws the bars once, and the motion keeps its meaning.
  const slide = top.some((brand) => brand.rankChange !== 0) ? RACE_SLIDE_MS : 0
  const labels = top.map((brand) =>
    `${formatMoneyCompact(brand.gmv, locale)}  ${rankChangeMark(brand.rankChange, newLabel)}`.trim(),
  )
  // Redrawn when the order, a label or a bar's length by a pixel would change (bars are a
  // few hundred pixels long at most, scaled to the leader's).
  const longest = Math.max(1, ...top.map((brand) => plotAmount(brand.gmv)))
  const seen = top.map((brand, index) => [
    brand.brand,
    labels[index],
    Math.round((BAR_STEPS * plotAmount(brand.gmv)) / longest),
  ])
  return withRedrawKey(JSON.stringify(seen), {
    animationDuration: 0,
    animationDurationUpdate: slide,
    animationEasingUpdate: 'linear',
    grid: { left: 170, right: 200, top: 6, bottom: 6 },
    xAxis: { type: 'value', max: 'dataMax', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      max: 9,
      // A simulator brand reads in the page's script (「云栖家居」 on a Chinese wall); any other as sent.
      data: top.map((brand) => keyLabel('brand', brand.brand, locale)),
      axisLabel: { color: THEME.text, fontSize: 18, width: 160, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
      animationDuration: slide,
      animationDurationUpdate: slide,
    },
    series: [
      {
        type: 'bar',
        realtimeSort: true,
        barWidth: '62%',
        data: top.map((brand, index) => ({
          value: plotAmount(brand.gmv),
          itemStyle: { color: THEME.palette[index % THEME.palette.length], borderRadius: [0, 6, 6, 0] },
          label: {
            show: true,
            position: 'right',
            color: THEME.text,
            fontSize: 18,
            formatter: labels[index],
          },
        })),
      },
    ],
  })
}
