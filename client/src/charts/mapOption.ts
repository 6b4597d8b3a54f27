import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { formatMoneyBrief, isChinaProvince, keyLabel } from '@gmv-pulse/shared'
import { mapRegionOf } from '../map/buildPulseMap.ts'
import type { Position } from '../map/decodeCompressedGeo.ts'
import type { EChartsCoreOption } from './echarts.ts'
import { withRedrawKey } from './redrawKey.ts'
import { plotAmount, THEME } from './theme.ts'

/**
 * Where a flow line starts, by brand origin, always on land: domestic brands from Hangzhou,
 * the festival's home; overseas brands from Shanghai, where cross-border goods enter (the
 * order says overseas, not which country).
 */
export const ORIGIN_POINTS: Readonly<Record<string, { at: Position; province: string }>> = {
  domestic: { at: [120.15, 30.28], province: 'CN-ZJ' },
  overseas: { at: [121.47, 31.23], province: 'CN-SH' },
}
export const DEFAULT_ORIGIN = ORIGIN_POINTS.domestic as { at: Position; province: string }
/** More lines than this turn the map into noise. */
export const MAX_FLOW_LINES = 15
/**
 * The provinces named on the map with their GMV: the leaders, no more than the eye takes in.
 */
export const LABELLED_PROVINCES = 4
/**
 * Colour steps the eye can tell apart on the scale: a province whose share of the largest
 * moves by less than 1/COLOUR_STEPS keeps its colour, so the map is not redrawn for it.
 */
export const COLOUR_STEPS = 128
/**
 * Two labels closer than this (degrees of longitude and latitude) would overlap: a two-line
 * label ("Shandong / ¥697 thousand") is up to about 9° of longitude wide and 3.5° of latitude
 * high on the wall's map panel, its line gap included.
 */
const LABEL_SPAN: Position = [9, 3.5]

/** The largest provinces, each far enough from those already chosen for its label to stand clear. */
export function spacedLeaders<T extends { code: string }>(
  ranked: readonly T[],
  centers: Readonly<Record<string, Position>>,
  limit = LABELLED_PROVINCES,
): T[] {
  const chosen: T[] = []
  for (const province of ranked) {
    if (chosen.length === limit) break
    const at = centers[province.code]
    if (!at) continue
    const clear = chosen.every((other) => {
      const [x, y] = centers[other.code] as Position
      return Math.abs(x - at[0]) >= LABEL_SPAN[0] || Math.abs(y - at[1]) >= LABEL_SPAN[1]
    })
    if (clear) chosen.push(province)
  }
  return chosen
}

export interface MapOptionInput {
  mapName: string
  regions: readonly Share[]
  flows: readonly Flow[]
  centers: Readonly<Record<string, Position>>
  locale: Locale
}

/** GMV per province of China (Hong Kong, Macao and Taiwan under either code), largest first. */
export function provinceTotals(regions: readonly Share[]): { code: string; value: number }[] {
  const byProvince = new Map<string, { code: string; value: number }>()
  for (const region of regions) {
    const code = mapRegionOf(region.key)
    if (!isChinaProvince(code)) continue
    const known = byProvince.get(code)
    // Two codes for one shape (HK and CN-HK): their sum is plotted and labelled, as pixels.
    if (known) known.value += plotAmount(region.gmv)
    else byProvince.set(code, { code, value: plotAmount(region.gmv) })
  }
  return [...byProvince.values()].sort((a, b) => b.value - a.value)
}

/**
 * China by province, filling its panel, coloured by GMV on a visible scale; the leading
 * provinces named with their GMV; flow lines from each brand origin to the provinces buying
 * most, every line starting and ending on land.
 */
export function mapOption({ mapName, regions, flows, centers, locale }: MapOptionInput): EChartsCoreOption {
  const provinces = provinceTotals(regions)
  const max = Math.max(1, provinces[0]?.value ?? 0)
  const lines = flows
    .map((flow) => ({ flow, origin: ORIGIN_POINTS[flow.origin] ?? DEFAULT_ORIGIN, region: mapRegionOf(flow.region) }))
    // Lines end in a province; one that starts in the province it ends in has nothing to draw.
    .filter(({ origin, region }) => isChinaProvince(region) && centers[region] && region !== origin.province)
    .sort((a, b) => plotAmount(b.flow.gmv) - plotAmount(a.flow.gmv))
    .slice(0, MAX_FLOW_LINES)
  const leaders = spacedLeaders(provinces, centers).map((province) => ({
    name: province.code,
    text: `${keyLabel('region', province.code, locale)}\n${formatMoneyBrief(province.value, locale)}`,
  }))
  const scaleText = [formatMoneyBrief(max, locale), formatMoneyBrief(0, locale)]
  const lineData = lines.map(({ flow, origin, region }) => ({
    coords: [origin.at, centers[region] as Position],
    name: `${region} ${flow.origin}`,
  }))
  // What the map shows, as the eye sees it: redrawing the map (every province's outline) is
  // the wall's dearest update, and most ticks change nothing here a viewer could tell.
  const seen = {
    colours: provinces.map(({ code, value }) => [code, Math.round((COLOUR_STEPS * value) / max)]),
    leaders,
    scaleText,
    lines: lineData.map((line) => line.name),
  }
  return withRedrawKey(JSON.stringify(seen), {
    animation: false,
    geo: {
      map: mapName,
      roam: false,
      // The whole panel, a little room kept at the bottom left for the colour scale.
      top: 8,
      bottom: 8,
      left: 8,
      right: 8,
      silent: true,
      itemStyle: { areaColor: '#1c2740', borderColor: '#3a4a6e', borderWidth: 0.8 },
      emphasis: { disabled: true },
      label: { show: false },
      regions: leaders.map((leader) => ({
        name: leader.name,
        label: {
          show: true,
          color: '#fff',
          fontSize: 15,
          lineHeight: 18,
          fontWeight: 600,
          textBorderColor: '#05070d',
          textBorderWidth: 3,
          formatter: leader.text,
        },
      })),
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      seriesIndex: 0,
      left: 8,
      bottom: 8,
      orient: 'vertical',
      itemWidth: 12,
      itemHeight: 110,
      calculable: false,
      realtime: false,
      text: scaleText,
      textStyle: { color: THEME.muted, fontSize: 13 },
      inRange: { color: ['#23304d', '#7a3b12', '#ff6a00', '#ffd27a'] },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: provinces.map(({ code, value }) => ({ name: code, value })),
      },
      {
        type: 'lines',
        coordinateSystem: 'geo',
        // Drawn still: a moving symbol on each line repaints the map's line layer every frame,
        // measured as the wall's largest steady cost at 4K (software canvas, a 2× stage).
        effect: { show: false },
        lineStyle: { color: THEME.accent, width: 1.5, opacity: 0.5, curveness: 0.25 },
        data: lineData,
      },
    ],
  })
}

export interface OverseasRow {
  code: string
  name: string
  gmv: string
}

/** Buyers abroad, largest first, by country name in the page's language: the wall lists them beside the map. */
export function overseasRanking(regions: readonly Share[], locale: Locale, limit = 5): OverseasRow[] {
  return regions
    .filter((region) => !isChinaProvince(mapRegionOf(region.key)))
    .sort((a, b) => plotAmount(b.gmv) - plotAmount(a.gmv))
    .slice(0, limit)
    .map((region) => ({
      code: region.key,
      name: keyLabel('region', region.key, locale),
      gmv: formatMoneyBrief(plotAmount(region.gmv), locale),
    }))
}
