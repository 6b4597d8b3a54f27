import type { Locale, Snapshot } from '@gmv-pulse/shared'
import { MapPanel } from './MapPanel.tsx'
import { Panel, type PanelProps } from './Panel.tsx'
import type { Strings } from './strings.ts'

/** Buyers by region under the hero; a spotlight whose regions the store does not keep says so. */
export function MapColumnPanel({
  snapshot,
  panel,
  locale,
  strings,
}: {
  snapshot: Snapshot | null
  panel: Pick<PanelProps, 'timeZone' | 'strings' | 'asOf'>
  locale: Locale
  strings: Strings
}) {
  return (
    <Panel title={strings.map} className="panel-map" {...panel}>
      {snapshot && snapshot.regions === null ? (
        <div className="empty">{strings.notKept}</div>
      ) : (
        <MapPanel
          regions={snapshot?.regions ?? []}
          flows={snapshot?.flows ?? []}
          locale={locale}
          label={strings.map}
          overseasTitle={strings.overseasBuyers}
        />
      )}
    </Panel>
  )
}
