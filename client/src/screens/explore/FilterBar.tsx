import type { FilterDimension, Locale } from '@gmv-pulse/shared'
import { BrandTypeahead } from './BrandTypeahead.tsx'
import { DimensionSelect } from './DimensionSelect.tsx'
import type { ExplorerState } from './explorerState.ts'
import { FreezeField } from './FreezeField.tsx'
import { IntervalField } from './IntervalField.tsx'
import type { IntervalOption } from './intervalChoice.ts'
import { RangeFields } from './RangeFields.tsx'
import type { ExplorerStrings } from './strings.ts'
import type { CampaignFrame } from './timeRange.ts'

/** Every control of the view: the filter, the range and its interval, last year, live or frozen. */
export function FilterBar({
  state,
  onChange,
  campaign,
  intervals,
  now,
  locale,
  strings,
}: {
  state: ExplorerState
  onChange: (next: ExplorerState) => void
  campaign: CampaignFrame
  intervals: { options: IntervalOption[]; fellBack: boolean; chosen: string | undefined }
  now: number
  locale: Locale
  strings: ExplorerStrings
}) {
  const setFilter = (dimension: FilterDimension, value: string | undefined) => {
    const filter = { ...state.filter }
    if (value === undefined) delete filter[dimension]
    else filter[dimension] = value
    onChange({ ...state, filter })
  }
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <div className="field field-brand">
        <span>{strings.brand}</span>
        <BrandTypeahead
          value={state.filter.brand}
          onChange={(brand) => setFilter('brand', brand)}
          strings={strings}
          locale={locale}
        />
      </div>
      {(['category', 'channel', 'liveRoom', 'region'] as const).map((dimension) => (
        <DimensionSelect
          key={dimension}
          dimension={dimension}
          value={state.filter[dimension]}
          onChange={(value) => setFilter(dimension, value)}
          strings={strings}
          locale={locale}
        />
      ))}
      <RangeFields state={state} onChange={onChange} campaign={campaign} now={now} locale={locale} strings={strings} />
      <IntervalField
        value={state.interval}
        {...intervals}
        onChange={(interval) => onChange({ ...state, interval })}
        locale={locale}
        strings={strings}
      />
      <label className="field field-check">
        <input
          type="checkbox"
          data-testid="compare"
          checked={state.compare}
          onChange={(event) => onChange({ ...state, compare: event.target.checked })}
        />
        <span>{strings.compare}</span>
      </label>
      <FreezeField state={state} onChange={onChange} timeZone={campaign.timeZone} now={now} strings={strings} />
    </div>
  )
}
