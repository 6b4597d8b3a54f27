import {
  campaignNow,
  cutoffLabel,
  formatClock,
  formatMoneyCompact,
  formatZoneName,
  type Headline,
  headlineSentence,
  headlineTable,
  LOCALES,
  type Locale,
  toCsv,
} from '@gmv-pulse/shared'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Chart } from '../../charts/Chart.tsx'
import '../../charts/echartsExplorer.ts'
import { topBrandsOption } from '../../charts/topBrandsOption.ts'
import { headlineQuery } from '../../data/analystQueries.ts'
import { useCampaignQuery } from '../../data/queries.ts'
import { chartPngDataUrl } from '../../export/chartPng.ts'
import { dataUrlToBlob, downloadBlob, downloadText } from '../../export/download.ts'
import { ErrorNote } from '../../ui/ErrorNote.tsx'
import { fromLocalInput, toLocalInput } from '../../ui/localInput.ts'
import '../../ui/analyst.css'
import { CARD_SIZES, type CardFormat, layoutCard } from './cardLayout.ts'
import { canvasPng, drawCard, renderCard } from './drawCard.ts'
import { cardPdf } from './exportPdf.ts'
import { headlineFigures } from './figures.ts'
import { parseCutoff, serializeCutoff } from './presentUrl.ts'
import { PRESENTER_STRINGS } from './strings.ts'
import './present.css'

/** "Now" is re-asked this often: a presenter's figures move while the festival runs, a slide need not tick. */
const NOW_REFRESH_MS = 10_000

function useCutoff(): [number | null, (at: number | null) => void] {
  const [at, setAt] = useState(() => parseCutoff(window.location.search))
  useEffect(() => {
    const onPop = () => setAt(parseCutoff(window.location.search))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const change = (next: number | null) => {
    const query = serializeCutoff(next, window.location.search)
    window.history.pushState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`)
    setAt(next)
  }
  return [at, change]
}

export function PresentPage({ locale }: { locale: Locale }) {
  const strings = PRESENTER_STRINGS[locale]
  const [at, setAt] = useCutoff()
  const campaign = useCampaignQuery().data
  const timeZone = campaign?.timeZone ?? 'Asia/Shanghai'
  const query = useQuery({
    ...headlineQuery(at === null ? {} : { at }),
    refetchInterval: at === null ? NOW_REFRESH_MS : false,
  })
  const headline = query.data
  const [format, setFormat] = useState<CardFormat>('slide')
  const [status, setStatus] = useState<string | null>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const chartBox = useRef<HTMLDivElement>(null)

  const figures = useMemo(
    () => (headline ? headlineFigures(headline, locale, timeZone, strings, campaignNow(campaign)) : []),
    [headline, campaign, locale, timeZone, strings],
  )
  const sentences = useMemo(
    () =>
      headline ? LOCALES.map((language) => ({ language, text: headlineSentence(headline, language, timeZone) })) : [],
    [headline, timeZone],
  )
  const cardItems = useCallback(
    (h: Headline, cardFormat: CardFormat) =>
      layoutCard(
        {
          title: `GMV Pulse · ${h.campaign}`,
          cutoff:
            locale === 'zh-CN'
              ? `截至${cutoffLabel(h.cutoff, timeZone, locale)}`
              : `As of ${cutoffLabel(h.cutoff, timeZone, locale)}`,
          asOf: `${strings.asOf} ${h.gmv.asOf ? formatClock(h.gmv.asOf, timeZone) : '—'} (${formatZoneName(timeZone, locale)})`,
          figures,
          topBrandsLabel: strings.topBrands,
          topBrands: h.topBrands.brands.map((row) => ({ name: row.key, text: formatMoneyCompact(row.gmv, locale) })),
          sentence: headlineSentence(h, locale, timeZone),
        },
        cardFormat,
      ),
    [locale, timeZone, strings, figures],
  )

  useEffect(() => {
    if (!headline || !canvas.current) return
    const target = canvas.current
    let cancelled = false
    // Text is measured with the page's fonts: wait for them, or the first card is drawn in a fallback.
    document.fonts.ready.then(() => {
      if (!cancelled) drawCard(target, cardItems(headline, format), format)
    })
    return () => {
      cancelled = true
    }
  }, [headline, format, cardItems])

  const chartOption = useMemo(
    () =>
      headline
        ? topBrandsOption(
            headline.topBrands.brands.map((row) => ({
              brand: row.key,
              gmv: row.gmv,
              orders: row.orders,
              rank: row.rank,
              rankChange: 0,
            })),
            locale,
            '',
          )
        : null,
    [headline, locale],
  )

  const ready = headline !== undefined && !query.isPlaceholderData
  const stem = headline ? `headline-${headline.cutoff.replace(/[:.]/g, '-')}` : 'headline'
  const say = (text: string) => {
    setStatus(text)
    setTimeout(() => setStatus((current) => (current === text ? null : current)), 4000)
  }
  const exportPng = async (cardFormat: CardFormat) => {
    if (!headline) return
    const { width, height } = CARD_SIZES[cardFormat]
    downloadBlob(
      await canvasPng(renderCard(cardItems(headline, cardFormat), cardFormat)),
      `${stem}-${width}x${height}.png`,
    )
  }
  const exportPdf = async () => {
    if (!headline) return
    const card = renderCard(cardItems(headline, format), format)
    const { width, height } = CARD_SIZES[format]
    // One name per format and size: the slide's and the square's PDFs never overwrite each other.
    downloadBlob(
      await cardPdf(card.toDataURL('image/png'), format, `GMV Pulse ${headline.campaign}`),
      `${stem}-${width}x${height}.pdf`,
    )
  }
  const copyImage = async () => {
    if (!headline) return
    try {
      const blob = canvasPng(renderCard(cardItems(headline, format), format))
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
      say(strings.copied)
    } catch (error) {
      say(`${strings.copyFailed}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const copyText = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      say(strings.copied)
    } catch (error) {
      say(`${strings.copyFailed}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const run = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => say(error instanceof Error ? error.message : String(error)))
  }

  return (
    <div className="analyst present" data-testid="present">
      <header className="analyst-head">
        <h1>
          GMV Pulse · {strings.title} <span className="muted">{headline?.campaign ?? campaign?.name ?? ''}</span>
        </h1>
        <nav>
          <a href={`/explore?lang=${locale}`}>{strings.explorer}</a>
        </nav>
        <label className="field">
          <span>{strings.cutoff}</span>
          <div className="freeze">
            <input
              type="datetime-local"
              data-testid="cutoff"
              value={at === null ? '' : toLocalInput(at, timeZone)}
              onChange={(event) => {
                const ms = fromLocalInput(event.target.value, timeZone)
                if (ms !== null) setAt(ms)
              }}
            />
            <button type="button" data-testid="cutoff-now" disabled={at === null} onClick={() => setAt(null)}>
              {at === null ? strings.nowLive : strings.now}
            </button>
          </div>
        </label>
      </header>
      <ErrorNote error={query.error} label={strings.failed} onRetry={() => query.refetch()} />
      {!headline && !query.error ? <div className="muted empty-a">{strings.loading}</div> : null}

      {headline ? (
        <>
          <section className="figures" data-testid="figures" data-cutoff={headline.cutoff}>
            {figures.map((figure) => (
              <div key={figure.id} className="figure" data-testid={`figure-${figure.id}`} data-value={figure.exact}>
                <div className="figure-value">{figure.text}</div>
                <div className="figure-label">{figure.label}</div>
                <div className="figure-as-of muted">
                  {strings.asOf} {figure.asOf ? formatClock(figure.asOf, timeZone) : '—'}
                </div>
              </div>
            ))}
          </section>

          <section className="panel-a sentences">
            <header className="panel-a-head">
              <h2>{strings.sentences}</h2>
            </header>
            {sentences.map(({ language, text }) => (
              <div key={language} className="sentence">
                <p lang={language} data-testid={`sentence-${language}`}>
                  {text}
                </p>
                <button type="button" data-testid={`copy-sentence-${language}`} onClick={() => copyText(text)}>
                  {strings.copySentence} ({language})
                </button>
              </div>
            ))}
          </section>

          <section className="panel-a card-panel">
            <header className="panel-a-head">
              <h2>{strings.card}</h2>
              <select
                data-testid="card-format"
                value={format}
                onChange={(event) => setFormat(event.target.value as CardFormat)}
              >
                <option value="slide">{strings.slide}</option>
                <option value="square">{strings.square}</option>
              </select>
              {status ? (
                <span className="status" role="status" data-testid="export-status">
                  {status}
                </span>
              ) : null}
            </header>
            <div className="exports">
              <span className="muted">{strings.exports}</span>
              <button type="button" data-testid="png-slide" disabled={!ready} onClick={run(() => exportPng('slide'))}>
                {strings.png} 1920×1080
              </button>
              <button type="button" data-testid="png-square" disabled={!ready} onClick={run(() => exportPng('square'))}>
                {strings.png} 1080×1080
              </button>
              <button type="button" data-testid="pdf" disabled={!ready} onClick={run(exportPdf)}>
                {strings.pdf}
              </button>
              <button
                type="button"
                data-testid="csv"
                disabled={!ready}
                onClick={() => downloadText(toCsv(headlineTable(headline)), `${stem}.csv`)}
              >
                {strings.csv}
              </button>
              <button type="button" data-testid="copy-image" disabled={!ready} onClick={run(copyImage)}>
                {strings.copyImage}
              </button>
            </div>
            <canvas
              ref={canvas}
              className={`card-canvas card-${format}`}
              data-testid="card-canvas"
              role="img"
              aria-label={sentences.find((sentence) => sentence.language === locale)?.text ?? strings.card}
            />
          </section>

          <section className="panel-a">
            <header className="panel-a-head">
              <h2>{strings.topBrands}</h2>
              <button
                type="button"
                data-testid="png-chart"
                onClick={() => {
                  const url = chartPngDataUrl(chartBox.current)
                  if (url) downloadBlob(dataUrlToBlob(url), `${stem}-top-brands.png`)
                }}
              >
                {strings.chartPng}
              </button>
            </header>
            <div ref={chartBox} className="top-chart">
              {chartOption ? <Chart option={chartOption} locale={locale} label={strings.topBrands} /> : null}
            </div>
          </section>
        </>
      ) : null}
    </div>
  )
}
