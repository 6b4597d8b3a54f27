import type { ECharts } from '../../charts/Chart.tsx'
import { MAP_COLOURS, type mapOverlay } from '../../charts/mapOption.ts'
import { THEME } from '../../charts/theme.ts'
import type { Position } from '../../map/decodeCompressedGeo.ts'

/** The colour scale, drawn on the page beside its words, from the map's own colour stops. */
const SCALE_GRADIENT = `linear-gradient(to top, ${MAP_COLOURS.join(', ')})`
/** How far a flow line bows from the straight path, as a share of its length (ECharts' curveness). */
const CURVENESS = 0.25

/**
 * What changes every tick over the map, drawn on the page where the chart places it: flow
 * lines, the leading provinces' names and GMV, the colour scale's ends. The map's canvas is
 * redrawn only when a province's colour changes (mapOption.ts).
 */
export function MapOverlay({ overlay, chart }: { overlay: ReturnType<typeof mapOverlay>; chart: ECharts }) {
  if (chart.isDisposed()) return null
  const pixel = (at: Position) => chart.convertToPixel({ geoIndex: 0 }, at) as [number, number] | undefined
  return (
    <>
      <svg className="map-flows" aria-hidden="true">
        {overlay.lines.map((line) => {
          const [from, to] = [pixel(line.from), pixel(line.to)]
          if (!from || !to) return null
          const [x1, y1, x2, y2] = [...from, ...to]
          const control = [(x1 + x2) / 2 - (y1 - y2) * CURVENESS, (y1 + y2) / 2 - (x2 - x1) * CURVENESS]
          return (
            <path
              key={line.key}
              d={`M ${x1} ${y1} Q ${control[0]} ${control[1]} ${x2} ${y2}`}
              stroke={THEME.accent}
              strokeWidth={1.5}
              strokeOpacity={0.5}
              fill="none"
            />
          )
        })}
      </svg>
      {overlay.leaders.map((leader) => {
        const at = pixel(leader.at)
        return at ? (
          <div key={leader.code} className="map-label" data-testid="map-label" style={{ left: at[0], top: at[1] }}>
            {leader.name}
            <br />
            {leader.gmv}
          </div>
        ) : null
      })}
      <div className="map-scale" data-testid="map-scale">
        <div className="map-scale-bar" style={{ background: SCALE_GRADIENT }} />
        <div className="map-scale-ends">
          <span>{overlay.scale.max}</span>
          <span>{overlay.scale.min}</span>
        </div>
      </div>
    </>
  )
}
