import {
  type Filter,
  formatIntervalWidth,
  formatZoneName,
  type Locale,
  type Timeseries,
  timeseriesTable,
  toCsv,
} from '@gmv-pulse/shared'
import { useMemo, useRef } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import '../../charts/echartsExplorer.ts'
import { explorerSeriesOption, type SeriesMetric } from '../../charts/explorerSeriesOption.ts'
import { chartCaption } from '../../export/chartCaption.ts'
import { chartPngDataUrl } from '../../export/chartPng.ts'
import { dataUrlToBlob, downloadBlob, downloadText } from '../../export/download.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import type { ExplorerStrings } from './strings.ts'

export function SeriesPanel({
  series,
  error,
  loading,
  metric,
  compare,
  strings,
  locale,
  filter,
  fileStem,
}: {
  series: Timeseries | undefined
  error: unknown
  loading: boolean
  metric: SeriesMetric
  compare: boolean
  strings: ExplorerStrings
  locale: Locale
  filter: Filter
  fileStem: string
}) {
  const container = useRef<HTMLDivElement>(null)
  const title = metric === 'gmv' ? strings.gmvOverTime : strings.ordersOverTime
  const option = useMemo(
    () =>
      series
        ? explorerSeriesOption(
            series,
            metric,
            compare,
            locale,
            {
              thisYear: strings.thisYear,
              lastYear: strings.lastYear,
              inProgress: strings.inProgress,
            },
            series.timeZone,
          )
        : null,
    [series, metric, compare, locale, strings],
  )
  const exportPng = () => {
    const url = series?.to ? chartPngDataUrl(container.current, seriesCaption(series, title, filter, locale)) : null
    if (url) downloadBlob(dataUrlToBlob(url), `${metric}-${fileStem}.png`)
  }
  return (
    <section className="panel-a series" data-testid={`series-${metric}`}>
      <header className="panel-a-head">
        <h2>{title}</h2>
        <span className="muted">
          {series ? `${formatIntervalWidth(series.interval, locale)} · ${formatZoneName(series.timeZone, locale)}` : ''}
        </span>
        <button type="button" data-testid={`png-${metric}`} disabled={!option} onClick={exportPng}>
          ⤓ {strings.downloadPng}
        </button>
        <button
          type="button"
          data-testid={`csv-series-${metric}`}
          disabled={!series}
          onClick={() => series && downloadText(toCsv(timeseriesTable(series)), `timeseries-${fileStem}.csv`)}
        >
          ⤓ {strings.downloadCsv}
        </button>
      </header>
      <ErrorNote error={error} label={strings.failed} />
      <div ref={container} className={`series-body ${loading ? 'loading' : ''}`}>
        {option ? (
          <Chart option={option} locale={locale} notMerge label={title} />
        ) : (
          <div className="muted empty-a">{strings.loading}</div>
        )}
      </div>
    </section>
  )
}

/** The series' PNG says what it shows: its title, filter, answered range, zone and bucket width. */
function seriesCaption(series: Timeseries, title: string, filter: Filter, locale: Locale) {
  const { from, to, timeZone, interval } = series
  return chartCaption({ title, filter, from, to: to ?? '', timeZone, interval, locale })
}
