import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Chart, type ECharts } from '../../charts/Chart.tsx'
import { echarts } from '../../charts/echarts.ts'
import { mapOption, mapOverlay, overseasRanking } from '../../charts/mapOption.ts'
import type { PulseMap } from '../../map/buildPulseMap.ts'
import { loadPulseMap, PULSE_MAP_NAME } from '../../map/loadPulseMap.ts'
import { MapOverlay } from './MapOverlay.tsx'

/**
 * China by province, with buyers abroad ranked beside it. The map waits for its lazily loaded
 * geometry; the rest of the wall does not wait for the map.
 */
export function MapPanel({
  regions,
  flows,
  locale,
  label,
  overseasTitle,
}: {
  regions: readonly Share[]
  flows: readonly Flow[]
  locale: Locale
  label: string
  /** Heading of the ranked list of buyers abroad, beside the map of China. */
  overseasTitle: string
}) {
  const [map, setMap] = useState<PulseMap | null>(null)
  useEffect(() => {
    let cancelled = false
    void loadPulseMap().then((loaded) => {
      if (cancelled) return
      // biome-ignore lint/suspicious/noExplicitAny: registerMap's GeoJSON type is stricter than plain GeoJSON objects
      echarts.registerMap(PULSE_MAP_NAME, loaded.geoJson as any)
      setMap(loaded)
    })
    return () => {
      cancelled = true
    }
  }, [])
  // Made every tick; drawn only once some province's colour is a whole step from the picture
  // on screen (its redraw key, compared by the chart wrapper).
  const option = useMemo(() => (map ? mapOption({ mapName: PULSE_MAP_NAME, regions }) : null), [map, regions])
  const overseas = useMemo(() => overseasRanking(regions, locale), [regions, locale])
  const overlay = useMemo(
    () => (map ? mapOverlay({ regions, flows, centers: map.centers, locale }) : null),
    [map, regions, flows, locale],
  )
  // The chart as last drawn or resized: where a province's centre falls on the panel.
  const [drawnChart, setDrawnChart] = useState<{ chart: ECharts } | null>(null)
  const onDrawn = useCallback((chart: ECharts) => setDrawnChart({ chart }), [])
  return (
    <>
      {option ? <Chart option={option} locale={locale} label={label} onDrawn={onDrawn} /> : <div className="chart" />}
      {overlay && drawnChart ? <MapOverlay overlay={overlay} chart={drawnChart.chart} /> : null}
      {overseas.length > 0 ? (
        <section className="overseas" data-testid="overseas">
          <h3>{overseasTitle}</h3>
          <ol>
            {overseas.map((row) => (
              <li key={row.code}>
                <span className="overseas-name">{row.name}</span>
                <span className="overseas-gmv">{row.gmv}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  )
}
