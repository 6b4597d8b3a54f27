import {
  formatCount,
  formatGrowth,
  formatMoment,
  formatMoneyCompact,
  type Headline,
  type Locale,
  thresholdLabel,
} from '@gmv-pulse/shared'
import type { PresenterStrings } from './strings.ts'

/** One headline figure as the page, the card and the CSV show it. */
export interface Figure {
  id: string
  label: string
  /** For reading: compact money, grouped counts. */
  text: string
  /** The exact value behind the text (decimal string to the fen, or a count). */
  exact: string
  /** Latest event time the figure counts (ISO), or null when nothing was counted. */
  asOf: string | null
}

/**
 * The presenter's figures, in slide order. Each keeps the exact value beside its reading, so
 * the page can be checked against the API to the fen, and each carries its own as-of time.
 */
export function headlineFigures(
  h: Headline,
  locale: Locale,
  timeZone: string,
  strings: PresenterStrings,
  nowMs: number,
): Figure[] {
  const figures: Figure[] = [
    {
      id: 'gmv-cny',
      label: strings.gmv,
      text: formatMoneyCompact(h.gmv.cny, locale),
      exact: h.gmv.cny,
      asOf: h.gmv.asOf,
    },
    {
      id: 'gmv-usd',
      label: strings.gmvUsd,
      // Beside ¥ figures a bare "$" could be any dollar: named US$, as the sentence names it.
      text: formatMoneyCompact(h.gmv.usd, locale, { currency: 'USD' }).replace(/^\$/, 'US$'),
      exact: h.gmv.usd,
      asOf: h.gmv.asOf,
    },
  ]
  if (h.growth) {
    figures.push(
      {
        id: 'growth',
        label: strings.growth,
        text: formatGrowth(h.growth.percent, locale),
        exact: h.growth.percent === null ? '' : String(h.growth.percent),
        asOf: h.growth.asOf,
      },
      {
        id: 'last-year-gmv',
        label: strings.lastYearGmv,
        text: formatMoneyCompact(h.growth.lastYearGmv, locale),
        exact: h.growth.lastYearGmv,
        asOf: h.growth.asOf,
      },
    )
  }
  figures.push(
    {
      id: 'peak',
      // When it happened goes in the label: the value stays one number, readable on a slide.
      label: `${strings.peak}${h.peak.at ? ` · ${formatMoment(h.peak.at, timeZone, locale, nowMs)}` : ''}`,
      text: formatCount(h.peak.ordersPerSecond, locale),
      exact: String(h.peak.ordersPerSecond),
      asOf: h.peak.asOf,
    },
    {
      id: 'orders',
      label: strings.orders,
      text: formatCount(h.orders.count, locale),
      exact: String(h.orders.count),
      asOf: h.orders.asOf,
    },
    {
      id: 'brands-above',
      label: thresholdLabel('brands', h.brandsAboveThreshold.threshold, locale),
      text: formatCount(h.brandsAboveThreshold.count, locale),
      exact: String(h.brandsAboveThreshold.count),
      asOf: h.brandsAboveThreshold.asOf,
    },
    {
      id: 'live-rooms-above',
      label: thresholdLabel('liveRooms', h.liveRoomsAboveThreshold.threshold, locale),
      text: formatCount(h.liveRoomsAboveThreshold.count, locale),
      exact: String(h.liveRoomsAboveThreshold.count),
      asOf: h.liveRoomsAboveThreshold.asOf,
    },
    {
      id: 'participating',
      label: strings.participating,
      text: formatCount(h.participatingBrands.count, locale),
      exact: String(h.participatingBrands.count),
      asOf: h.participatingBrands.asOf,
    },
    {
      id: 'overseas',
      label: strings.overseas,
      text: formatCount(h.overseasBrands.count, locale),
      exact: String(h.overseasBrands.count),
      asOf: h.overseasBrands.asOf,
    },
  )
  if (h.firstTimeBrands) {
    figures.push({
      id: 'first-time',
      label: strings.firstTime,
      text: formatCount(h.firstTimeBrands.count, locale),
      exact: String(h.firstTimeBrands.count),
      asOf: h.firstTimeBrands.asOf,
    })
  }
  return figures
}
