import type { Locale } from '@gmv-pulse/shared'
import { Panel, type PanelProps } from './Panel.tsx'
import { PanelChart } from './PanelChart.tsx'
import type { Strings } from './strings.ts'
import type { SnapshotCharts } from './useWallCharts.ts'

/** The wall's left: the top brands and the categories. */
export function LeftColumn({
  charts,
  panel,
  locale,
  strings,
}: {
  charts: SnapshotCharts
  panel: Pick<PanelProps, 'timeZone' | 'strings' | 'asOf'>
  locale: Locale
  strings: Strings
}) {
  const loaded = charts !== null
  return (
    <div className="col col-left">
      <Panel title={strings.topBrands} className="panel-brands" {...panel}>
        <PanelChart
          option={charts?.topBrands}
          loaded={loaded}
          label={strings.topBrands}
          locale={locale}
          strings={strings}
        />
      </Panel>
      <Panel title={strings.categories} className="panel-categories" {...panel}>
        <PanelChart
          option={charts?.categories}
          loaded={loaded}
          label={strings.categories}
          locale={locale}
          strings={strings}
        />
      </Panel>
    </div>
  )
}
