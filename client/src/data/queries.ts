import { type Campaign, campaignSchema, type Filter, type Summary, summarySchema } from '@gmv-pulse/shared'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { getJson } from './apiClient.ts'

/** The query key is the request: key and fetch cannot drift. */
export const campaignQuery = () =>
  queryOptions({
    queryKey: ['campaign'] as const,
    queryFn: ({ signal }): Promise<Campaign> => getJson('/campaign', campaignSchema, {}, signal),
    staleTime: 5 * 60_000,
  })

export const summaryQuery = (filter: Filter) =>
  queryOptions({
    queryKey: ['summary', filter] as const,
    queryFn: ({ queryKey: [, request], signal }): Promise<Summary> =>
      getJson('/summary', summarySchema, { ...request }, signal),
    placeholderData: (previous) => previous,
  })

export const useCampaignQuery = () => useQuery(campaignQuery())
export const useSummaryQuery = (filter: Filter) => useQuery(summaryQuery(filter))
