import type { Locale } from '@gmv-pulse/shared'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import { CardPanel } from './CardPanel.tsx'
import { FigureTiles } from './FigureTiles.tsx'
import { PresentHeader } from './PresentHeader.tsx'
import { SentencesPanel } from './SentencesPanel.tsx'
import { PRESENTER_STRINGS } from './strings.ts'
import { TopBrandsPanel } from './TopBrandsPanel.tsx'
import { useCutoff } from './useCutoff.ts'
import { useHeadlineExports } from './useHeadlineExports.ts'
import { usePresenterHeadline } from './usePresenterHeadline.ts'
import '../../ui/analyst.css'
import './present.css'

/** The presenter: the headline at a cutoff, read out, laid on a card and exported. */
export function PresentPage({ locale }: { locale: Locale }) {
  const strings = PRESENTER_STRINGS[locale]
  const [at, setAt] = useCutoff()
  const { query, headline, campaignName, campaignStart, timeZone, figures, sentences, ready } = usePresenterHeadline(
    at,
    locale,
  )
  const live = at === null
  const exports = useHeadlineExports(headline, figures, live, campaignStart, locale, timeZone, strings)

  return (
    <div className="analyst present" data-testid="present">
      <PresentHeader
        at={at}
        setAt={setAt}
        headline={headline}
        campaignName={campaignName}
        timeZone={timeZone}
        locale={locale}
        strings={strings}
      />
      <ErrorNote error={query.error} label={strings.failed} onRetry={() => query.refetch()} />
      {!headline && !query.error ? <div className="muted empty-a">{strings.loading}</div> : null}
      {headline ? (
        <>
          <FigureTiles figures={figures} cutoff={headline.cutoff} timeZone={timeZone} strings={strings} />
          <SentencesPanel sentences={sentences} onCopy={exports.copyText} strings={strings} />
          <CardPanel
            exports={exports}
            ready={ready}
            live={live}
            ariaLabel={sentences.find((sentence) => sentence.language === locale)?.text ?? strings.card}
            strings={strings}
          />
          <TopBrandsPanel headline={headline} onPng={exports.chart} locale={locale} strings={strings} />
        </>
      ) : null}
    </div>
  )
}
