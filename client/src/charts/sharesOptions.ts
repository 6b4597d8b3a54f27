import { formatMoneyCompact, formatShare, type Locale, type Share } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { plotAmount, THEME } from './theme.ts'

export type LabelOf = (key: string) => string

/** Channel breakdown as a ring; the livestream slice is pulled out and lit, it is the night's story. */
export function channelsOption(channels: readonly Share[], locale: Locale, labelOf: LabelOf): EChartsCoreOption {
  return {
    animationDurationUpdate: 600,
    series: [
      {
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: {
          color: THEME.text,
          fontSize: 16,
          lineHeight: 20,
          formatter: (item: { name: string; data: { share: number } }) =>
            `${labelOf(item.name)}\n${formatShare(item.data.share, locale)}`,
        },
        labelLine: { lineStyle: { color: THEME.muted } },
        data: channels.map((channel, index) => ({
          name: channel.key,
          value: plotAmount(channel.gmv),
          share: channel.share,
          selected: channel.key === 'livestream',
          itemStyle: { color: THEME.palette[index % THEME.palette.length] },
        })),
        selectedMode: 'multiple',
        selectedOffset: 12,
      },
    ],
  }
}

/** Categories as a treemap: area is GMV, the label carries the name, the amount and the share. */
export function categoriesOption(categories: readonly Share[], locale: Locale, labelOf: LabelOf): EChartsCoreOption {
  return {
    animationDurationUpdate: 600,
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        itemStyle: { borderColor: '#0b0f1a', borderWidth: 2, gapWidth: 2 },
        label: { color: '#fff', fontSize: 16, lineHeight: 22, overflow: 'truncate' },
        data: categories.map((category, index) => ({
          name: `${labelOf(category.key)}\n${formatMoneyCompact(category.gmv, locale, { fractionDigits: 1 })} · ${formatShare(category.share, locale)}`,
          value: plotAmount(category.gmv),
          itemStyle: { color: THEME.palette[index % THEME.palette.length] },
        })),
      },
    ],
  }
}
