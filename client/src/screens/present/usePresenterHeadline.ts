import { campaignNow, headlineSentence, LOCALES, type Locale } from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { headlineQuery } from '../../data/analystQueries.ts'
import { useCampaignQuery } from '../../data/queries.ts'
import { headlineFigures } from './figures.ts'
import { PRESENTER_STRINGS } from './strings.ts'

/** "Now" is re-asked this often: a presenter's figures move while the festival runs, a slide need not tick. */
const NOW_REFRESH_MS = 10_000

/** The headline at the cutoff (null: now, refreshed), with its figures and sentences as the page reads them. */
export function usePresenterHeadline(at: number | null, locale: Locale) {
  const strings = PRESENTER_STRINGS[locale]
  const campaign = useCampaignQuery().data
  const timeZone = campaign?.timeZone ?? 'Asia/Shanghai'
  const query = useQuery({
    ...headlineQuery(at === null ? {} : { at }),
    refetchInterval: at === null ? NOW_REFRESH_MS : false,
  })
  const headline = query.data
  const figures = useMemo(
    () => (headline ? headlineFigures(headline, locale, timeZone, strings, campaignNow(campaign)) : []),
    [headline, campaign, locale, timeZone, strings],
  )
  const sentences = useMemo(
    () =>
      headline ? LOCALES.map((language) => ({ language, text: headlineSentence(headline, language, timeZone) })) : [],
    [headline, timeZone],
  )
  // Exports wait for the answer to this cutoff: never the previous cutoff's figures under a new stamp.
  const ready = headline !== undefined && !query.isPlaceholderData
  return {
    query,
    headline,
    campaignName: headline?.campaign ?? campaign?.name ?? '',
    /** Where "the campaign so far" starts (null when open-ended), for captions. */
    campaignStart: campaign?.start ?? null,
    timeZone,
    figures,
    sentences,
    ready,
  }
}
