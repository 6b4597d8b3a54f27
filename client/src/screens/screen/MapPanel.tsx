import type { Flow, Locale, Share } from '@gmv-pulse/shared'
import { useEffect, useMemo, useState } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import { echarts } from '../../charts/echarts.ts'
import { mapOption } from '../../charts/mapOption.ts'
import type { PulseMap } from '../../map/buildPulseMap.ts'
import { loadPulseMap, PULSE_MAP_NAME } from '../../map/loadPulseMap.ts'

/** The map waits for its lazily loaded geometry; the rest of the wall does not wait for the map. */
export function MapPanel({
  regions,
  flows,
  locale,
  label,
}: {
  regions: readonly Share[]
  flows: readonly Flow[]
  locale: Locale
  label: string
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
  return option ? <Chart option={option} locale={locale} label={label} /> : <div className="chart" />
}
