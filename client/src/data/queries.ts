import {
  type Campaign,
  type CampaignCurve,
  campaignCurveSchema,
  campaignSchema,
  type Filter,
  type Summary,
  summarySchema,
} from '@gmv-pulse/shared'
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

/** The server keeps a filter's curve for 30 s; the wall draws its live total after it in between. */
const CURVE_REFRESH_MS = 60_000

export const curveQuery = (filter: Filter) =>
  queryOptions({
    queryKey: ['curve', filter] as const,
    queryFn: ({ queryKey: [, request], signal }): Promise<CampaignCurve> =>
      getJson('/curve', campaignCurveSchema, { ...request }, signal),
    refetchInterval: CURVE_REFRESH_MS,
  })

export const useCampaignQuery = () => useQuery(campaignQuery())
export const useCurveQuery = (filter: Filter) => useQuery(curveQuery(filter))
export const useSummaryQuery = (filter: Filter) => useQuery(summaryQuery(filter))
