import { tz } from '@date-fns/tz'
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns'
import type { RangePreset } from './explorerState.ts'

/** What the range presets need to know about the campaign. */
export interface CampaignFrame {
  start: string | null
  end: string | null
  timeZone: string
}

/** [from, to) in epoch ms; an open end lets the server default it (campaign window, then its clock). */
export interface ResolvedRange {
  from?: number
  to?: number
}

const HOUR_MS = 3_600_000

/** Number of calendar days the campaign spans in its time zone; 0 when it has no fixed window. */
export function campaignDays(campaign: CampaignFrame): number {
  if (!campaign.start || !campaign.end) return 0
  const inZone = { in: tz(campaign.timeZone) }
  // The end is exclusive: a campaign ending at midnight does not reach into the next day.
  return differenceInCalendarDays(Date.parse(campaign.end) - 1, Date.parse(campaign.start), inZone) + 1
}

/** Day N (1-based) of the campaign: local midnight to midnight, clipped to the campaign window. */
export function campaignDay(campaign: CampaignFrame, day: number): ResolvedRange | null {
  if (!campaign.start) return null
  const inZone = { in: tz(campaign.timeZone) }
  const first = startOfDay(Date.parse(campaign.start), inZone)
  const from = Math.max(addDays(first, day - 1, inZone).getTime(), Date.parse(campaign.start))
  let to = addDays(first, day, inZone).getTime()
  if (campaign.end) to = Math.min(to, Date.parse(campaign.end))
  return from < to ? { from, to } : null
}

/**
 * The query range of a preset. Frozen, every range stops at the frozen instant; live, the
 * last hour is anchored to the current minute so the query key (and the cache) changes once
 * a minute, not on every render.
 */
export function resolveRange(
  preset: RangePreset,
  campaign: CampaignFrame,
  nowMs: number,
  frozenAt: number | null,
): ResolvedRange {
  const cap = (range: ResolvedRange): ResolvedRange => {
    if (frozenAt === null) return range
    const to = range.to === undefined ? frozenAt : Math.min(range.to, frozenAt)
    return range.from !== undefined && range.from >= to ? { from: range.from, to: range.from + 1000 } : { ...range, to }
  }
  switch (preset.kind) {
    case 'campaign':
      return cap({})
    case 'day':
      return cap(campaignDay(campaign, preset.day) ?? {})
    case 'lastHour': {
      const end = frozenAt ?? Math.floor(nowMs / 60_000) * 60_000 + 60_000
      return { from: end - HOUR_MS, to: end }
    }
    case 'custom':
      return cap({ from: preset.from, to: preset.to })
  }
}

/** "Nov 11" / "11月11日": the calendar date of day N, for the preset's label. */
export function dayLabel(campaign: CampaignFrame, day: number, locale: 'en' | 'zh-CN'): string {
  const range = campaignDay(campaign, day)
  if (!range?.from) return ''
  return format(range.from, locale === 'zh-CN' ? 'M月d日' : 'MMM d', { in: tz(campaign.timeZone) })
}
