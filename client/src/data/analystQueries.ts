import {
  type BrandSearch,
  type BrandSearchRequest,
  brandSearchSchema,
  type Headline,
  type HeadlineRequest,
  headlineSchema,
  type Summary,
  type SummaryRequest,
  summarySchema,
  type Timeseries,
  type TimeseriesRequest,
  type Top,
  type TopRequest,
  timeseriesSchema,
  topSchema,
} from '@gmv-pulse/shared'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { getJson } from './apiClient.ts'

/**
 * Query options for the analyst API. Each key is ['resource', typed request] and each
 * queryFn sends exactly that request, so key and fetch cannot drift; previous data stays on
 * screen while a new filter loads (no blank panel, no spinner flash).
 */

/** Request values as query-string parameters: times as epoch ms, undefined left out. */
export function toParams(request: object): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(request).map(([key, value]) => [key, value === undefined ? undefined : String(value)]),
  )
}

export const rangeSummaryQuery = (request: SummaryRequest) =>
  queryOptions({
    queryKey: ['summary', request] as const,
    queryFn: ({ queryKey: [, req], signal }): Promise<Summary> =>
      getJson('/summary', summarySchema, toParams(req), signal),
    placeholderData: keepPreviousData,
  })

export const timeseriesQuery = (request: TimeseriesRequest) =>
  queryOptions({
    queryKey: ['timeseries', request] as const,
    queryFn: ({ queryKey: [, req], signal }): Promise<Timeseries> =>
      getJson('/timeseries', timeseriesSchema, toParams(req), signal),
    placeholderData: keepPreviousData,
  })

export const topQuery = (request: TopRequest) =>
  queryOptions({
    queryKey: ['top', request] as const,
    queryFn: ({ queryKey: [, req], signal }): Promise<Top> => getJson('/top', topSchema, toParams(req), signal),
    placeholderData: keepPreviousData,
  })

export const brandSearchQuery = (request: BrandSearchRequest) =>
  queryOptions({
    queryKey: ['brands', request] as const,
    queryFn: ({ queryKey: [, req], signal }): Promise<BrandSearch> =>
      getJson('/brands', brandSearchSchema, toParams(req), signal),
    placeholderData: keepPreviousData,
    // Brand names and their campaign-so-far totals barely move while someone types.
    staleTime: 60_000,
    enabled: request.search.trim().length > 0,
  })

export const headlineQuery = (request: HeadlineRequest) =>
  queryOptions({
    queryKey: ['headline', request] as const,
    queryFn: ({ queryKey: [, req], signal }): Promise<Headline> =>
      getJson('/headline', headlineSchema, toParams(req), signal),
    placeholderData: keepPreviousData,
  })
