import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { useEffect, useMemo, useState } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import { echarts } from '../../charts/echarts.ts'
import { mapOption, overseasRanking } from '../../charts/mapOption.ts'
import type { PulseMap } from '../../map/buildPulseMap.ts'
import { loadPulseMap, PULSE_MAP_NAME } from '../../map/loadPulseMap.ts'

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
  const option = useMemo(
    () => (map ? mapOption({ mapName: PULSE_MAP_NAME, regions, flows, centers: map.centers, locale }) : null),
    [map, regions, flows, locale],
  )
  const overseas = useMemo(() => overseasRanking(regions, locale), [regions, locale])
  return (
    <>
      {option ? <Chart option={option} locale={locale} label={label} /> : <div className="chart" />}
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
