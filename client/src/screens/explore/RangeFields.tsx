import type { Locale } from '@gmv-pulse/shared'
import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import type { ExplorerState, RangePreset } from './explorerState.ts'
import type { ExplorerStrings } from './strings.ts'
import { type CampaignFrame, campaignDays, dayLabel } from './timeRange.ts'

const DAY_MS = 24 * 3_600_000

function rangeValue(range: RangePreset): string {
  return range.kind === 'day' ? `day${range.day}` : range.kind
}

/** The time range: the whole campaign, one of its days, the last hour, or from–to in the campaign's zone. */
export function RangeFields({
  state,
  onChange,
  campaign,
  now,
  locale,
  strings,
}: {
  state: ExplorerState
  onChange: (next: ExplorerState) => void
  campaign: CampaignFrame
  now: number
  locale: Locale
  strings: ExplorerStrings
}) {
  const { range } = state
  const setRange = (value: string) => {
    if (value === 'campaign' || value === 'lastHour') onChange({ ...state, range: { kind: value } })
    else if (value === 'custom') {
      const to = state.frozenAt ?? now
      onChange({ ...state, range: { kind: 'custom', from: to - DAY_MS, to } })
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
    <>
      <label className="field">
        <span>{strings.range}</span>
        <select data-testid="range" value={rangeValue(range)} onChange={(event) => setRange(event.target.value)}>
          <option value="campaign">{strings.wholeCampaign}</option>
          {Array.from({ length: campaignDays(campaign) }, (_, index) => index + 1).map((day) => (
            <option key={day} value={`day${day}`}>
              {locale === 'zh-CN' ? `第${day}天` : `${strings.day} ${day}`} · {dayLabel(campaign, day, locale)}
            </option>
          ))}
          <option value="lastHour">{strings.lastHour}</option>
          <option value="custom">{strings.custom}</option>
        </select>
      </label>
      {range.kind === 'custom'
        ? (['from', 'to'] as const).map((end) => (
            <label key={end} className="field">
              <span>{strings[end]}</span>
              <input
                type="datetime-local"
                data-testid={`range-${end}`}
                value={toLocalInput(range[end], campaign.timeZone)}
                onChange={(event) => setCustom(end, event.target.value)}
              />
            </label>
          ))
        : null}
    </>
  )
}
