import { formatMoneyBrief, formatShare, keyLabel, type Locale, type Share } from '@gmv-pulse/shared'
import type { EChartsCoreOption } from './echarts.ts'
import { fitLabelsToTiles, LABEL_PADDING } from './labelFit.ts'
import { withRedrawKey } from './redrawKey.ts'
import { plotAmount, THEME } from './theme.ts'

/** Caption sizes tried, largest first: a small tile still names itself at 12 px, or says nothing. */
const CAPTION_SIZES = [18, 15, 12] as const
/**
 * Lines of a caption this far apart, whichever size it is set in. A layout callback may change a
 * label's font size but not its line height, and left to ECharts the lines kept the spacing of
 * an earlier size: captions at 15 px were drawn with their lines 8 px apart, over each other.
 */
const CAPTION_LINE_HEIGHT = Math.ceil(CAPTION_SIZES[0] * 1.25)

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
 * caption, drawn only where the tile holds it whole. No animation, at the root nor on the series:
 * a tick moves tiles by a pixel or two, and a tween of that costs frames for nothing.
 */
export function categoriesOption(categories: readonly Share[], locale: Locale): EChartsCoreOption {
  const tiles: CategoryTile[] = categories.map((category, index) => ({
    id: category.key,
    name: category.key,
    value: plotAmount(category.gmv),
    caption: [
      keyLabel('category', category.key, locale),
      // One unit system on the chart: "¥956 thousand" beside "¥1.6 million", never "¥955,770.97".
      formatMoneyBrief(plotAmount(category.gmv), locale),
      formatShare(category.share, locale),
    ].join('\n'),
    itemStyle: { color: THEME.palette[index % THEME.palette.length] as string },
  }))
  // Redrawn when a caption would read differently: its share to a tenth of a percent, which
  // also bounds how far any tile could move (a thousandth of the chart's area).
  return withRedrawKey(JSON.stringify(tiles.map((tile) => [tile.id, tile.caption])), {
    animation: false,
    series: [
      {
        id: 'categories',
        type: 'treemap',
        // The treemap animates its own updates (900 ms by default) whatever the option's root
        // says, and ECharts repaints a chart every frame while any of its animations runs: the
        // tiles were repainted ~47 times a second, most of the 4K wall's frame work.
        animation: false,
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
          fontSize: CAPTION_SIZES[0],
          // ECharts narrows a caption to its tile less this padding; the fit keeps a margin beyond it.
          padding: LABEL_PADDING,
          fontFamily: THEME.fontFamily,
          lineHeight: CAPTION_LINE_HEIGHT,
          formatter: (item: { data: CategoryTile }) => item.data.caption,
        },
        labelLayout: fitLabelsToTiles(CAPTION_SIZES, CAPTION_LINE_HEIGHT, THEME.fontFamily),
        data: tiles,
      },
    ],
  })
}
