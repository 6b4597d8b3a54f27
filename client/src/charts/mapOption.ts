import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { formatMoneyBrief, isChinaProvince, keyLabel } from '@gmv-pulse/shared'
import { mapRegionOf } from '../map/buildPulseMap.ts'
import type { Position } from '../map/decodeCompressedGeo.ts'
import type { EChartsCoreOption } from './echarts.ts'
import { withRedrawKey } from './redrawKey.ts'
import { plotAmount } from './theme.ts'

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
 * Colour steps the eye can tell apart on a four-colour scale: a province whose share of the
 * largest moves by less than 1/COLOUR_STEPS keeps its colour, so the map is not redrawn for
 * it. At 128 steps a demo-sized campaign still redrew the map every tick, for shifts no eye
 * could see on the wall.
 */
export const COLOUR_STEPS = 32
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

export interface MapLeader {
  code: string
  /** The province's name in the page's language. */
  name: string
  gmv: string
  /** Where its label stands: the province's centre (longitude, latitude). */
  at: Position
}

/** A flow line from a brand origin to a province buying from it. */
export interface MapFlowLine {
  /** Province and origin: one line per pair. */
  key: string
  from: Position
  to: Position
}

/**
 * What the map panel draws over the map, on the page rather than on the canvas: the leading
 * provinces with their GMV, the flow lines from each brand origin to the provinces buying
 * most (every line starting and ending on land), and the colour scale's ends. These change
 * nearly every tick; the map under them changes only when a colour step does, and only then
 * is it redrawn (its every province outline was the wall's dearest update).
 */
export function mapOverlay({ regions, flows, centers, locale }: Omit<MapOptionInput, 'mapName'>) {
  const provinces = provinceTotals(regions)
  const max = scaleTop(provinces)
  const leaders: MapLeader[] = spacedLeaders(provinces, centers).map((province) => ({
    code: province.code,
    name: keyLabel('region', province.code, locale),
    gmv: formatMoneyBrief(province.value, locale),
    at: centers[province.code] as Position,
  }))
  const lines: MapFlowLine[] = flows
    .map((flow) => ({ flow, origin: ORIGIN_POINTS[flow.origin] ?? DEFAULT_ORIGIN, region: mapRegionOf(flow.region) }))
    // Lines end in a province; one that starts in the province it ends in has nothing to draw.
    .filter(({ origin, region }) => isChinaProvince(region) && centers[region] && region !== origin.province)
    .sort((a, b) => plotAmount(b.flow.gmv) - plotAmount(a.flow.gmv))
    .slice(0, MAX_FLOW_LINES)
    .map(({ flow, origin, region }) => ({
      key: `${region} ${flow.origin}`,
      from: origin.at,
      to: centers[region] as Position,
    }))
  return { leaders, lines, scale: { max: formatMoneyBrief(max, locale), min: formatMoneyBrief(0, locale) } }
}

/**
 * The top of the colour scale: the largest province's GMV (provinceTotals sorts them), at least
 * 1 so an empty map divides by something. The map's colours and the scale's words both stop here.
 */
function scaleTop(provinces: readonly { value: number }[]): number {
  return Math.max(1, provinces[0]?.value ?? 0)
}

/** Each province's GMV as a share of the largest province's: what its colour stands for. */
function sharesOfLargest(provinces: readonly { code: string; value: number }[]): [string, number][] {
  const max = scaleTop(provinces)
  return provinces.map(({ code, value }) => [code, value / max])
}

/**
 * China by province, filling its panel, coloured by GMV on a visible scale. Its words and
 * lines (leaders, flows, the scale's ends) are mapOverlay's, drawn on the page.
 */
export function mapOption({ mapName, regions }: Pick<MapOptionInput, 'mapName' | 'regions'>): EChartsCoreOption {
  const provinces = provinceTotals(regions)
  const max = scaleTop(provinces)
  // What the map shows, as the eye sees it: each province's colour in steps, relative to the
  // largest province, so growth alike everywhere changes none. Redrawn once some province is a
  // whole step from the picture on screen.
  const colours = Object.fromEntries(sharesOfLargest(provinces).map(([code, share]) => [code, COLOUR_STEPS * share]))
  return withRedrawKey(colours, {
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
    },
    // Colours only: the scale is drawn on the page with its words (MapPanel), from the same stops.
    visualMap: {
      type: 'continuous',
      show: false,
      min: 0,
      max,
      seriesIndex: 0,
      inRange: { color: [...MAP_COLOURS] },
    },
    series: [{ type: 'map', geoIndex: 0, data: provinces.map(({ code, value }) => ({ name: code, value })) }],
  })
}

/** From no GMV to the largest province's, evenly spaced over the scale, as ECharts spreads them. */
export const MAP_COLOURS = ['#23304d', '#7a3b12', '#ff6a00', '#ffd27a'] as const

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
