import { formatShare, keyLabel, type Locale, type Share } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { withRedrawKey } from './redrawKey.ts'
import { plotAmount, THEME } from './theme.ts'

/** Channel breakdown as a ring; the livestream slice is pulled out and lit, it is the night's story. */
export function channelsOption(channels: readonly Share[], locale: Locale): EChartsCoreOption {
  // Redrawn when a label would read differently (shares to a tenth of a percent): a slice's
  // angle moves by under half a degree in between.
  const seen = channels.map((channel) => [channel.key, formatShare(channel.share, locale)])
  // Chinese names are two to four characters: one line each, since on two the five small slices
  // on one side needed 200 px of a ring 180 px tall at 1080p and ECharts hid two labels ("直播
  // 14.0%" among them). English names on one line ran past the panel: two lines, a little smaller.
  const oneLine = locale === 'zh-CN'
  return withRedrawKey(JSON.stringify(seen), {
    // No tween: a slice moves by a fraction of a degree a tick, and a tween repaints the ring for 600 ms.
    animation: false,
    series: [
      {
        id: 'channels',
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        label: {
          color: THEME.text,
          fontSize: oneLine ? 16 : 14,
          lineHeight: oneLine ? 20 : 17,
          formatter: (item: { name: string; data: { share: number } }) =>
            `${keyLabel('channel', item.name, locale)}${oneLine ? ' ' : '\n'}${formatShare(item.data.share, locale)}`,
        },
        labelLine: { lineStyle: { color: THEME.muted } },
        // Identified by key: a tick updates each slice in place.
        data: channels.map((channel, index) => ({
          id: channel.key,
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
  })
}
