import { type Filter, filterKey, type Locale, type Snapshot } from '@gmv-pulse/shared'
import { useMemo } from 'react'
import { categoriesOption } from '../../charts/categoriesOption.ts'
import { gmvCurveOption } from '../../charts/gmvCurveOption.ts'
import { ordersPerSecondOption } from '../../charts/ordersPerSecondOption.ts'
import { channelsOption } from '../../charts/sharesOptions.ts'
import { topBrandsOption } from '../../charts/topBrandsOption.ts'
import { withLiveTotal } from '../../data/liveCurve.ts'
import { useCurveQuery } from '../../data/queries.ts'
import type { Strings } from './strings.ts'

/** The wall's chart options from the snapshot on screen; null until the first one arrives. */
export function useSnapshotCharts(snapshot: Snapshot | null, locale: Locale, strings: Strings, timeZone: string) {
  return useMemo(() => {
    if (!snapshot) return null
    return {
      ordersPerSecond: ordersPerSecondOption(snapshot.ordersPerSecond, snapshot.peak, locale, timeZone),
      // A figure the store keeps no rollup for under this spotlight comes as null: say so.
      topBrands: snapshot.topBrands ? topBrandsOption(snapshot.topBrands, locale, strings.newEntry) : null,
      channels: snapshot.channels ? channelsOption(snapshot.channels, locale) : null,
      categories: snapshot.categories ? categoriesOption(snapshot.categories, locale) : null,
    }
  }, [snapshot, locale, strings, timeZone])
}

export type SnapshotCharts = ReturnType<typeof useSnapshotCharts>

/** The campaign so far from the server, hour by hour, with this filter's live total as its newest point. */
export function useCurveHistory(
  filter: Filter,
  snapshot: Snapshot | null,
  locale: Locale,
  strings: Strings,
  timeZone: string,
) {
  const curve = useCurveQuery(filter).data
  const key = filterKey(filter)
  return useMemo(
    () =>
      gmvCurveOption(
        // Another filter's live total never joins this filter's curve.
        withLiveTotal(curve, snapshot && filterKey(snapshot.filter) === key ? snapshot : null),
        locale,
        { thisYear: strings.thisYear, lastYear: strings.lastYear },
        timeZone,
      ),
    [curve, snapshot, key, locale, strings, timeZone],
  )
}
