/** The campaign window in China time (Asia/Shanghai is UTC+8 all year: China has no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3600_000
export const CAMPAIGN_DAYS = 11
export const CAMPAIGN_SECONDS = CAMPAIGN_DAYS * 86_400

export type CampaignYear = 2020 | 2019
export const CAMPAIGN_YEARS: readonly CampaignYear[] = [2020, 2019]

/** Nov 1, 00:00 China time of the given year, as epoch milliseconds. */
export function campaignStartMs(year: number): number {
  return Date.UTC(year, 10, 1) - CHINA_OFFSET_MS
}

export function campaignEndMs(year: number): number {
  return campaignStartMs(year) + CAMPAIGN_SECONDS * 1000
}

/** Formats epoch milliseconds as ISO-8601 in China time ("2020-11-11T00:00:00+08:00"). */
export function toChinaIso(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** Which campaign a moment belongs to, or null when it falls outside both windows. */
export function campaignYearOf(ms: number): CampaignYear | null {
  for (const year of CAMPAIGN_YEARS) if (ms >= campaignStartMs(year) && ms < campaignEndMs(year)) return year
  return null
}
