import { type Campaign, type Locale, type Snapshot, thresholdLabel } from '@gmv-pulse/shared'
import { Counters } from './Counters.tsx'
import type { Strings } from './strings.ts'

/** The wall's foot: the published counts (rooms and brands above their lines, brands taking part). */
export function WallCounters({
  snapshot,
  campaign,
  locale,
  strings,
}: {
  snapshot: Snapshot | null
  campaign: Campaign | undefined
  locale: Locale
  strings: Strings
}) {
  return (
    <footer className="screen-foot">
      <Counters
        locale={locale}
        counters={[
          {
            label: campaign ? thresholdLabel('liveRooms', campaign.thresholds.liveRoomGmv, locale) : '',
            value: snapshot ? snapshot.liveRoomsAboveThreshold : 0,
            testId: 'live-rooms',
          },
          {
            label: campaign ? thresholdLabel('brands', campaign.thresholds.brandGmv, locale) : '',
            value: snapshot ? snapshot.brandsAboveThreshold : 0,
            testId: 'brands-above',
          },
          {
            label: strings.participatingBrands,
            value: snapshot ? snapshot.participatingBrands : 0,
            testId: 'participating',
          },
          { label: strings.overseasBrands, value: snapshot ? snapshot.overseasBrands : 0, testId: 'overseas' },
        ]}
      />
    </footer>
  )
}
