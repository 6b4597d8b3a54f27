import { growthPercent, sumMoney } from '@gmv-pulse/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { rangeSummaryQuery, timeseriesQuery } from '../../data/analystQueries.ts'
import { useCampaignQuery } from '../../data/queries.ts'
import { useCampaignNow } from '../../data/useCampaignNow.ts'
import type { ExplorerState } from './explorerState.ts'
import { intervalOptions, requestInterval, seriesSpan } from './intervalChoice.ts'
import { resolveRange } from './timeRange.ts'

type Answered = { from: string | null; to: string | null }

/**
 * What the explorer's view asks the server: the range the state resolves to, its summary and
 * its series at an interval the server will accept over that range, and last year's total
 * beside this year's when comparing.
 */
export function useExplorerData(state: ExplorerState) {
  const campaignQuery = useCampaignQuery()
  const campaign = campaignQuery.data
  const frame = useMemo(
    () => ({
      start: campaign?.start ?? null,
      end: campaign?.end ?? null,
      timeZone: campaign?.timeZone ?? 'Asia/Shanghai',
    }),
    [campaign],
  )
  // The last-hour preset moves with the minute; a coarser clock would leave it behind.
  const now = useCampaignNow(15_000)
  const range = resolveRange(state.range, frame, now, state.frozenAt)
  const summary = useQuery(rangeSummaryQuery({ ...state.filter, ...range }))

  // An open-ended campaign's span is the data's, known from the last answer.
  const [answered, setAnswered] = useState<Answered | undefined>(undefined)
  const span = seriesSpan(range, frame, answered)
  const interval = requestInterval(state.interval, span)
  const series = useQuery(timeseriesQuery({ ...state.filter, ...range, interval }))
  const answeredFrom = series.data?.from ?? null
  const answeredTo = series.data?.to ?? null
  useEffect(() => {
    if (answeredFrom !== null || answeredTo !== null) setAnswered({ from: answeredFrom, to: answeredTo })
  }, [answeredFrom, answeredTo])

  const queryClient = useQueryClient()
  const refresh = useCallback(() => {
    for (const resource of ['summary', 'timeseries', 'top']) queryClient.invalidateQueries({ queryKey: [resource] })
  }, [queryClient])

  const yoy = useMemo(() => {
    const points = series.data?.points ?? []
    if (!state.compare || points.length === 0 || points.some((point) => point.lastYear === null)) return null
    const lastYear = sumMoney(points.map((point) => point.lastYear?.gmv ?? '0.00'))
    return { lastYear, percent: growthPercent(sumMoney(points.map((point) => point.gmv)), lastYear) }
  }, [series.data, state.compare])

  return {
    campaignQuery,
    campaignName: campaign?.name ?? '',
    frame,
    now,
    range,
    summary,
    series,
    yoy,
    refresh,
    intervals: intervalOptions(span),
    /** The analyst's choice is refused over this range and auto is shown instead. */
    intervalFellBack: interval !== state.interval,
  }
}

export type ExplorerData = ReturnType<typeof useExplorerData>
