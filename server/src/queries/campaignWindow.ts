import type { Campaign } from '@gmv-pulse/shared'

/**
 * Last year's window, aligned to this one by campaign offset: an instant t this year
 * corresponds to t − offsetMs last year, where offsetMs = start − lastYear.start.
 */
export interface LastYearAlignment {
  offsetMs: number
  startMs: number
  endMs: number
}

export function lastYearAlignment(campaign: Campaign): LastYearAlignment | null {
  if (!campaign.start || !campaign.lastYear) return null
  const startMs = Date.parse(campaign.lastYear.start)
  return { offsetMs: Date.parse(campaign.start) - startMs, startMs, endMs: Date.parse(campaign.lastYear.end) }
}

/** [fromMs, toMs) this year moved onto last year's clock and clipped to last year's window; null when empty. */
export function lastYearRange(
  alignment: LastYearAlignment,
  fromMs: number,
  toMs: number,
): { fromMs: number; toMs: number } | null {
  const from = Math.max(fromMs - alignment.offsetMs, alignment.startMs)
  const to = Math.min(toMs - alignment.offsetMs, alignment.endMs)
  return from < to ? { fromMs: from, toMs: to } : null
}

export function campaignBounds(campaign: Campaign): { startMs: number | undefined; endMs: number | undefined } {
  return {
    startMs: campaign.start ? Date.parse(campaign.start) : undefined,
    endMs: campaign.end ? Date.parse(campaign.end) : undefined,
  }
}
