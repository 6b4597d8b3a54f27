import { type Headline, headlineTable, type Locale, toCsv } from '@gmv-pulse/shared'
import { useCallback } from 'react'
import { chartCaption } from '../../export/chartCaption.ts'
import { chartPngDataUrl } from '../../export/chartPng.ts'
import { dataUrlToBlob, downloadBlob, downloadText } from '../../export/download.ts'
import { cardContent } from './cardContent.ts'
import type { CardFormat, CardItem } from './cardLayout.ts'
import { layoutCard } from './cardLayout.ts'
import { cardPdf } from './cardPdf.ts'
import { canvasMeasure, canvasPng, renderCard } from './drawCard.ts'
import type { Figure } from './figures.ts'
import { exportFileName } from './fileNames.ts'
import type { PresenterStrings } from './strings.ts'
import { useStatus } from './useStatus.ts'

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Every export of the headline on screen: the card (PNG, PDF, clipboard) in either format,
 * the CSV, the chart, the sentences. Each is of the headline the page shows, so its name and
 * its stamp carry that headline's cutoff; what went wrong is said in the status line.
 */
export function useHeadlineExports(
  headline: Headline | undefined,
  figures: Figure[],
  live: boolean,
  campaignStart: string | null,
  locale: Locale,
  timeZone: string,
  strings: PresenterStrings,
) {
  const [status, say] = useStatus()
  const cardItems = useCallback(
    (format: CardFormat): CardItem[] | null =>
      headline
        ? layoutCard(cardContent(headline, figures, live, locale, timeZone, strings), format, canvasMeasure())
        : null,
    [headline, figures, live, locale, timeZone, strings],
  )
  const cutoff = headline?.cutoff
  const run = useCallback(
    (action: () => Promise<void>) => () => {
      action().catch((error: unknown) => say(message(error)))
    },
    [say],
  )

  const png = (format: CardFormat) =>
    run(async () => {
      const items = cardItems(format)
      if (items)
        downloadBlob(
          await canvasPng(renderCard(items, format)),
          exportFileName(cutoff, { kind: 'card', format, type: 'png' }),
        )
    })
  const pdf = (format: CardFormat) =>
    run(async () => {
      const items = cardItems(format)
      if (!items || !headline) return
      const file = await cardPdf(items, format, `GMV Pulse ${headline.campaign}`)
      downloadBlob(file, exportFileName(cutoff, { kind: 'card', format, type: 'pdf' }))
    })
  const csv = () => {
    if (headline) downloadText(toCsv(headlineTable(headline)), exportFileName(cutoff, { kind: 'csv' }))
  }
  const chart = (container: HTMLElement | null) => {
    if (!headline) return
    const caption = chartCaption({
      title: `${strings.topBrands} · ${headline.campaign}`,
      filter: {},
      from: campaignStart,
      to: headline.cutoff,
      timeZone,
      locale,
    })
    const url = chartPngDataUrl(container, caption)
    if (url) downloadBlob(dataUrlToBlob(url), exportFileName(cutoff, { kind: 'chart' }))
  }
  const copyImage = (format: CardFormat) =>
    run(async () => {
      const items = cardItems(format)
      if (!items) return
      try {
        const blob = canvasPng(renderCard(items, format))
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
        say(strings.copied)
      } catch (error) {
        say(`${strings.copyFailed}: ${message(error)}`)
      }
    })
  const copyText = (text: string) =>
    run(async () => {
      try {
        await navigator.clipboard.writeText(text)
        say(strings.copied)
      } catch (error) {
        say(`${strings.copyFailed}: ${message(error)}`)
      }
    })
  return { status, cardItems, png, pdf, csv, chart, copyImage, copyText }
}

export type HeadlineExports = ReturnType<typeof useHeadlineExports>
