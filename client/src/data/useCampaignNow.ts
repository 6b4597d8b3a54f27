import { campaignNow } from '@gmv-pulse/shared'
import { useNow } from '../ui/useNow.ts'
import { useCampaignQuery } from './queries.ts'

/**
 * Now on the campaign's clock (a replay runs behind the wall clock: shared campaignNow),
 * refreshed every `intervalMs`. For ranges that end now and times shown as now; how fresh
 * data is stays on the wall clock (useNow).
 */
export function useCampaignNow(intervalMs: number): number {
  const campaign = useCampaignQuery().data
  const now = useNow(intervalMs)
  return campaignNow(campaign, now)
}
