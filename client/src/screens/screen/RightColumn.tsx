import { formatCount, formatMoment, formatShare, type Locale, type Snapshot } from '@gmv-pulse/shared'
import type { ComponentProps } from 'react'
import type { Chart } from '../../charts/Chart.tsx'
import { Panel, type PanelProps } from './Panel.tsx'
import { PanelChart } from './PanelChart.tsx'
import type { Strings } from './strings.ts'
import type { SnapshotCharts } from './useWallCharts.ts'

/** The wall's right: orders per second with the peak, the campaign curve, the channels with livestream's share. */
export function RightColumn({
  snapshot,
  charts,
  curve,
  clock,
  panel,
  locale,
  strings,
}: {
  snapshot: Snapshot | null
  charts: SnapshotCharts
  curve: ComponentProps<typeof Chart>['option']
  clock: number
  panel: Pick<PanelProps, 'timeZone' | 'strings' | 'asOf'>
  locale: Locale
  strings: Strings
}) {
  const livestream = snapshot?.channels?.find((channel) => channel.key === 'livestream')
  const peak = snapshot?.peak
  const loaded = charts !== null
  const chart = { locale, strings, loaded }
  return (
    <div className="col col-right">
      <Panel
        title={strings.ordersPerSecond}
        className="panel-ops"
        aside={
          <span className="peak" data-testid="peak">
            {strings.peak} {peak ? formatCount(peak.ordersPerSecond, locale) : '—'}
            {peak?.at ? ` · ${formatMoment(peak.at, panel.timeZone, locale, clock)}` : ''}
          </span>
        }
        {...panel}
      >
        <PanelChart option={charts?.ordersPerSecond} label={strings.ordersPerSecond} {...chart} loaded={false} />
      </Panel>
      <Panel title={strings.curve} className="panel-curve" {...panel}>
        <PanelChart option={curve} label={strings.curve} {...chart} />
      </Panel>
      <Panel
        title={strings.channels}
        className="panel-channels"
        aside={
          <span className="peak">
            {strings.livestreamShare} {livestream ? formatShare(livestream.share, locale) : '—'}
          </span>
        }
        {...panel}
      >
        <PanelChart option={charts?.channels} label={strings.channels} {...chart} />
      </Panel>
    </div>
  )
}
