import { type FilterDimension, keyLabel, type Locale } from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { topQuery } from '../../data/analystQueries.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import { BrandTypeahead } from './BrandTypeahead.tsx'
import type { ExplorerState, RangePreset } from './explorerState.ts'
import type { ExplorerStrings } from './strings.ts'
import { type CampaignFrame, campaignDays, dayLabel } from './timeRange.ts'

/** Categories, channels, rooms and regions are few enough to list; the 100 largest cover any festival's. */
const OPTION_LIMIT = 100

function DimensionSelect({
  dimension,
  value,
  onChange,
  strings,
  locale,
}: {
  dimension: Exclude<FilterDimension, 'brand'>
  value: string | undefined
  onChange: (value: string | undefined) => void
  strings: ExplorerStrings
  locale: Locale
}) {
  const options = useQuery(topQuery({ dimension, sort: 'gmv', limit: OPTION_LIMIT }))
  const keys = options.data?.rows.map((row) => row.key) ?? []
  if (value && !keys.includes(value)) keys.unshift(value)
  return (
    <label className="field">
      <span>{strings[dimension]}</span>
      <select
        data-testid={`filter-${dimension}`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{strings.any}</option>
        {keys.map((key) => (
          <option key={key} value={key}>
            {keyLabel(dimension, key, locale)}
          </option>
        ))}
      </select>
      <ErrorNote error={options.error} label={strings.failed} />
    </label>
  )
}

function rangeValue(range: RangePreset): string {
  return range.kind === 'day' ? `day${range.day}` : range.kind
}

export function FilterBar({
  state,
  onChange,
  campaign,
  strings,
  locale,
  now,
}: {
  state: ExplorerState
  onChange: (next: ExplorerState) => void
  campaign: CampaignFrame
  strings: ExplorerStrings
  locale: Locale
  now: number
}) {
  const setFilter = (dimension: FilterDimension, value: string | undefined) => {
    const filter = { ...state.filter }
    if (value === undefined) delete filter[dimension]
    else filter[dimension] = value
    onChange({ ...state, filter })
  }
  const days = campaignDays(campaign)
  const { range } = state
  const setRange = (value: string) => {
    if (value === 'campaign' || value === 'lastHour') onChange({ ...state, range: { kind: value } })
    else if (value === 'custom') {
      const to = state.frozenAt ?? now
      onChange({ ...state, range: { kind: 'custom', from: to - 24 * 3_600_000, to } })
    } else {
      const day = Number(value.replace('day', ''))
      if (day >= 1) onChange({ ...state, range: { kind: 'day', day } })
    }
  }
  const setCustom = (end: 'from' | 'to', text: string) => {
    if (range.kind !== 'custom') return
    const ms = fromLocalInput(text, campaign.timeZone)
    if (ms === null) return
    const next = { ...range, [end]: ms }
    if (next.from < next.to) onChange({ ...state, range: next })
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
      <label className="field">
        <span>{strings.range}</span>
        <select data-testid="range" value={rangeValue(range)} onChange={(event) => setRange(event.target.value)}>
          <option value="campaign">{strings.wholeCampaign}</option>
          {Array.from({ length: days }, (_, index) => index + 1).map((day) => (
            <option key={day} value={`day${day}`}>
              {locale === 'zh-CN' ? `第${day}天` : `${strings.day} ${day}`} · {dayLabel(campaign, day, locale)}
            </option>
          ))}
          <option value="lastHour">{strings.lastHour}</option>
          <option value="custom">{strings.custom}</option>
        </select>
      </label>
      {range.kind === 'custom' ? (
        <>
          <label className="field">
            <span>{strings.from}</span>
            <input
              type="datetime-local"
              data-testid="range-from"
              value={toLocalInput(range.from, campaign.timeZone)}
              onChange={(event) => setCustom('from', event.target.value)}
            />
          </label>
          <label className="field">
            <span>{strings.to}</span>
            <input
              type="datetime-local"
              data-testid="range-to"
              value={toLocalInput(range.to, campaign.timeZone)}
              onChange={(event) => setCustom('to', event.target.value)}
            />
          </label>
        </>
      ) : null}
      <label className="field field-check">
        <input
          type="checkbox"
          data-testid="compare"
          checked={state.compare}
          onChange={(event) => onChange({ ...state, compare: event.target.checked })}
        />
        <span>{strings.compare}</span>
      </label>
      <div className="field">
        <span>{state.frozenAt === null ? strings.live : strings.frozen}</span>
        <div className="freeze">
          {state.frozenAt === null ? (
            <button type="button" data-testid="freeze" onClick={() => onChange({ ...state, frozenAt: now })}>
              {strings.freeze}
            </button>
          ) : (
            <>
              <input
                type="datetime-local"
                data-testid="frozen-at"
                value={toLocalInput(state.frozenAt, campaign.timeZone)}
                onChange={(event) => {
                  const ms = fromLocalInput(event.target.value, campaign.timeZone)
                  if (ms !== null) onChange({ ...state, frozenAt: ms })
                }}
              />
              <button type="button" data-testid="resume" onClick={() => onChange({ ...state, frozenAt: null })}>
                {strings.resume}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  )
}
