import {
  cutoffLabel,
  formatClock,
  formatMoneyCompact,
  formatStamp,
  formatZoneName,
  type Headline,
  headlineSentence,
  keyLabel,
  type Locale,
} from '@gmv-pulse/shared'
import type { CardContent } from './cardLayout.ts'
import type { Figure } from './figures.ts'
import type { PresenterStrings } from './strings.ts'

/**
 * What the card says. A chosen cutoff reads as the festival says it ("As of Nov 11 24:00");
 * a live one is stamped to the second and marked live, so two exports taken seconds apart
 * say which moment each shows.
 */
export function cardContent(
  h: Headline,
  figures: Figure[],
  live: boolean,
  locale: Locale,
  timeZone: string,
  strings: PresenterStrings,
): CardContent {
  const mark = locale === 'zh-CN' ? `（${strings.live}）` : ` (${strings.live})`
  const at = live ? `${formatStamp(h.cutoff, timeZone, locale)}${mark}` : cutoffLabel(h.cutoff, timeZone, locale)
  const leader = Number(h.topBrands.brands[0]?.gmv ?? 0)
  return {
    title: `GMV Pulse · ${h.campaign}`,
    cutoff: locale === 'zh-CN' ? `截至${at}` : `As of ${at}`,
    asOf: `${strings.asOf} ${h.gmv.asOf ? formatClock(h.gmv.asOf, timeZone) : '—'} (${formatZoneName(timeZone, locale)})`,
    figures,
    topBrandsLabel: strings.topBrands,
    topBrands: h.topBrands.brands.map((row) => ({
      // In the page's script, as the wall and the chart beside the card name it.
      name: keyLabel('brand', row.key, locale),
      text: formatMoneyCompact(row.gmv, locale),
      // A bar's length only, in pixels: the one place the amounts become floats.
      share: leader > 0 ? Number(row.gmv) / leader : 0,
    })),
    sentence: headlineSentence(h, locale, timeZone),
  }
}
