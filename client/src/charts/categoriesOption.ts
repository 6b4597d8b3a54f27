import { formatMoneyCompact, formatShare, keyLabel, type Locale, type Share } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { hideLabelsThatDoNotFit } from './labelFit.ts'
import { plotAmount, THEME } from './theme.ts'

const LABEL_FONT = { fontSize: 16, lineHeight: 22, fontFamily: THEME.fontFamily }

/** What a tile carries besides its area: its caption, set apart from its identity (the key). */
interface CategoryTile {
  id: string
  name: string
  value: number
  caption: string
  itemStyle: { color: string }
}

/**
 * Categories as a treemap: area is GMV. Each tile is identified by its category key, so a new
 * tick updates the tiles in place (merged, not replaced); the name, amount and share are its
 * caption, drawn only where the tile holds it whole. No animation: a tick moves tiles by a
 * pixel or two, and a tween of that costs frames for nothing.
 */
export function categoriesOption(categories: readonly Share[], locale: Locale): EChartsCoreOption {
  const tiles: CategoryTile[] = categories.map((category, index) => ({
    id: category.key,
    name: category.key,
    value: plotAmount(category.gmv),
    caption: `${keyLabel('category', category.key, locale)}\n${formatMoneyCompact(category.gmv, locale, { fractionDigits: 1 })} · ${formatShare(category.share, locale)}`,
    itemStyle: { color: THEME.palette[index % THEME.palette.length] as string },
  }))
  return {
    animation: false,
    series: [
      {
        id: 'categories',
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        itemStyle: { borderColor: '#0b0f1a', borderWidth: 2, gapWidth: 2 },
        label: {
          color: '#fff',
          ...LABEL_FONT,
          formatter: (item: { data: CategoryTile }) => item.data.caption,
        },
        labelLayout: hideLabelsThatDoNotFit(LABEL_FONT),
        data: tiles,
      },
    ],
  }
}
