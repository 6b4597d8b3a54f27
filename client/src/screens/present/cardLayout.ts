import { fitCommonSize, fitFontSize, fitInTwoLines, type MeasureText, type TextWeight } from '../../export/fitText.ts'
import type { Figure } from './figures.ts'

/**
 * The headline card as a list of drawing instructions: a pure layout (tested without a
 * browser) that drawCard.ts paints on a Canvas 2D context. The page shows the same canvas it
 * exports, so the PNG, the PDF and the clipboard image are the card on screen.
 */

export const CARD_SIZES = {
  slide: { width: 1920, height: 1080 },
  square: { width: 1080, height: 1080 },
} as const
export type CardFormat = keyof typeof CARD_SIZES

export type CardItem =
  | { kind: 'background'; width: number; height: number; from: string; to: string }
  | { kind: 'rule'; x: number; y: number; width: number; color: string }
  /** A bar of the top-brands chart: a rectangle, vector in the PDF as on the canvas. */
  | { kind: 'bar'; x: number; y: number; width: number; height: number; color: string }
  | {
      kind: 'text'
      x: number
      /** Alphabetic baseline. */
      y: number
      text: string
      /** Already fitted to maxWidth with the layout's measure: set at this size, never squeezed. */
      size: number
      weight: TextWeight
      color: string
      align: 'left' | 'right'
      /** The room the text was fitted to (a painter with other font metrics fits it again). */
      maxWidth: number
    }

export interface CardContent {
  title: string
  /** "截至11月11日24:00" / "As of Nov 11 24:00". */
  cutoff: string
  /** "数据截至 23:59:59 (中国标准时间)". */
  asOf: string
  figures: Figure[]
  topBrandsLabel: string
  /** `share`: the brand's GMV over the leader's (0–1), the bar's length. */
  topBrands: { name: string; text: string; share: number }[]
  sentence: string
}

export const CARD_COLORS = {
  from: '#111a30',
  to: '#05070d',
  text: '#e8ecf5',
  muted: '#8a93a8',
  accent: '#ff8a2a',
  up: '#2fd180',
  down: '#ff4d4f',
  rule: '#27304a',
  bar: '#5c3517',
} as const

/** The figures on the big line; the rest go into the grid. */
export const HERO = new Set(['gmv-cny', 'gmv-usd', 'growth'])

/** Text options; `size` is the size wanted, set smaller when the text would not fit. */
type TextOptions = Partial<Pick<Extract<CardItem, { kind: 'text' }>, 'weight' | 'color' | 'align' | 'maxWidth'>>

export function layoutCard(content: CardContent, format: CardFormat, measure: MeasureText): CardItem[] {
  const { width, height } = CARD_SIZES[format]
  const slide = format === 'slide'
  const pad = slide ? 80 : 64
  const scale = slide ? 1 : 0.8
  const items: CardItem[] = [{ kind: 'background', width, height, from: CARD_COLORS.from, to: CARD_COLORS.to }]
  /** A text item at the largest size up to `size` that fits (`fixed`: a size already fitted for a group). */
  const text = (x: number, y: number, value: string, size: number, options: TextOptions = {}, fixed = false) => {
    const weight = options.weight ?? 400
    const maxWidth = options.maxWidth ?? width - 2 * pad
    const wanted = Math.round(size)
    items.push({
      kind: 'text',
      x,
      y,
      text: value,
      size: fixed ? wanted : fitFontSize(value, wanted, maxWidth, weight, measure),
      weight,
      color: options.color ?? CARD_COLORS.text,
      align: options.align ?? 'left',
      maxWidth,
    })
  }

  const half = (width - 2 * pad) / 2 - 16
  text(pad, pad + 30, content.title, 40 * scale, { weight: 700, color: CARD_COLORS.accent, maxWidth: half })
  text(width - pad, pad + 30, content.cutoff, 34 * scale, { align: 'right', maxWidth: half, weight: 600 })
  text(width - pad, pad + 74, content.asOf, 24 * scale, { align: 'right', color: CARD_COLORS.muted, maxWidth: half })

  const byId = new Map(content.figures.map((figure) => [figure.id, figure]))
  const gmv = byId.get('gmv-cny')
  const heroWidth = slide ? 1100 : width - 2 * pad
  text(pad, slide ? 260 : 230, gmv?.label ?? '', 40 * scale, { color: CARD_COLORS.muted, maxWidth: heroWidth })
  text(pad, slide ? 420 : 360, gmv?.text ?? '—', 170 * scale, {
    weight: 700,
    color: CARD_COLORS.accent,
    maxWidth: heroWidth,
  })
  const usd = byId.get('gmv-usd')
  const growth = byId.get('growth')
  const sub = [usd?.text ?? '', growth ? `${growth.text} ${growth.label}` : ''].filter(Boolean).join('   ')
  const growthColor = growth?.exact.startsWith('-') ? CARD_COLORS.down : CARD_COLORS.up
  text(pad, slide ? 500 : 430, sub, 44 * scale, { color: growth ? growthColor : CARD_COLORS.text, maxWidth: heroWidth })

  // The grid: four columns, two rows of the remaining figures, each with its label under it,
  // every figure at one size (the largest at which the longest fits its cell).
  const grid = content.figures.filter((figure) => !HERO.has(figure.id)).slice(0, 8)
  const gridTop = slide ? 580 : 490
  const gridWidth = slide ? 1140 : width - 2 * pad
  const cell = gridWidth / 4
  const rowHeight = 150 * scale
  const cellText = cell - 20
  const figureSize = fitCommonSize(
    grid.map((figure) => figure.text),
    Math.round(50 * scale),
    cellText,
    700,
    measure,
  )
  items.push({ kind: 'rule', x: pad, y: gridTop - 10, width: gridWidth, color: CARD_COLORS.rule })
  grid.forEach((figure, index) => {
    const x = pad + (index % 4) * cell
    const y = gridTop + Math.floor(index / 4) * rowHeight
    text(x, y + 64 * scale, figure.text, figureSize, { weight: 700, maxWidth: cellText }, true)
    // A label takes two lines of a narrow cell rather than shrink to one: a label with a moment
    // ("Peak orders/s · 00:00:26") puts the moment on the second, a long one ("Live rooms above
    // ¥100 million") wraps there; only what fits neither way is set smaller.
    const [label = '', ...moment] = figure.label.split(' · ')
    const labelSize = 22 * scale
    const lines =
      moment.length > 0
        ? [label, moment.join(' · ')]
        : (fitInTwoLines(label, Math.round(labelSize), cellText, 400, measure) ?? [label])
    lines.forEach((line, index) => {
      text(x, y + (104 + 28 * index) * scale, line, labelSize, { color: CARD_COLORS.muted, maxWidth: cellText })
    })
  })

  // Top brands, each with a bar of its GMV against the leader's: a column on the slide's
  // right, two columns under the grid on the square.
  const brands = content.topBrands.slice(0, slide ? 8 : 6)
  const columnWidth = slide ? width - pad - 1300 : (width - 2 * pad) / 2 - 24
  const nameWidth = columnWidth * 0.58
  const valueWidth = columnWidth * 0.4
  const brandSize = slide ? 30 : 26
  const names = brands.map((brand, index) => `${index + 1}  ${brand.name}`)
  const nameSize = fitCommonSize(names, brandSize, nameWidth, 400, measure)
  const valueSize = fitCommonSize(
    brands.map((brand) => brand.text),
    brandSize,
    valueWidth,
    400,
    measure,
  )
  const brandRow = (x: number, y: number, index: number) => {
    const brand = brands[index]
    if (!brand) return
    text(x, y, names[index] ?? '', nameSize, { maxWidth: nameWidth }, true)
    text(
      x + columnWidth,
      y,
      brand.text,
      valueSize,
      { align: 'right', color: CARD_COLORS.accent, maxWidth: valueWidth },
      true,
    )
    const barWidth = Math.max(2, Math.min(1, brand.share) * columnWidth)
    items.push({
      kind: 'bar',
      x,
      y: y + brandSize * 0.35,
      width: barWidth,
      height: brandSize * 0.2,
      color: CARD_COLORS.bar,
    })
  }
  if (slide) {
    const left = width - pad - columnWidth
    text(left, 260, content.topBrandsLabel, 30, { color: CARD_COLORS.muted, maxWidth: columnWidth })
    items.push({ kind: 'rule', x: left, y: 285, width: columnWidth, color: CARD_COLORS.rule })
    for (const index of brands.keys()) brandRow(left, 340 + index * 58, index)
  } else {
    const top = gridTop + 2 * rowHeight + 40
    text(pad, top, content.topBrandsLabel, 24, { color: CARD_COLORS.muted })
    const column = (width - 2 * pad) / 2
    for (const index of brands.keys())
      brandRow(pad + Math.floor(index / 3) * column, top + 46 + (index % 3) * 42, index)
  }

  items.push({ kind: 'rule', x: pad, y: height - pad - 50 * scale, width: width - 2 * pad, color: CARD_COLORS.rule })
  text(pad, height - pad + 4, content.sentence, 32 * scale, { weight: 600 })
  return items
}
