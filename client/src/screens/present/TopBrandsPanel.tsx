import type { Headline, Locale } from '@gmv-pulse/shared'
import { useMemo, useRef } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import '../../charts/echartsExplorer.ts'
import { topBrandsOption } from '../../charts/topBrandsOption.ts'
import type { PresenterStrings } from './strings.ts'

/** The top brands at the cutoff as a chart, with its own PNG export. */
export function TopBrandsPanel({
  headline,
  onPng,
  locale,
  strings,
}: {
  headline: Headline
  onPng: (container: HTMLElement | null) => void
  locale: Locale
  strings: PresenterStrings
}) {
  const chartBox = useRef<HTMLDivElement>(null)
  const option = useMemo(
    () =>
      topBrandsOption(
        headline.topBrands.brands.map((row) => ({
          brand: row.key,
          gmv: row.gmv,
          orders: row.orders,
          rank: row.rank,
          rankChange: 0,
        })),
        locale,
        '',
      ),
    [headline, locale],
  )
  return (
    <section className="panel-a">
      <header className="panel-a-head">
        <h2>{strings.topBrands}</h2>
        <button type="button" data-testid="png-chart" onClick={() => onPng(chartBox.current)}>
          {strings.chartPng}
        </button>
      </header>
      <div ref={chartBox} className="top-chart">
        <Chart option={option} locale={locale} label={strings.topBrands} />
      </div>
    </section>
  )
}
