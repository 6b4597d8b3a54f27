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
  | {
      kind: 'text'
      x: number
      /** Alphabetic baseline. */
      y: number
      text: string
      size: number
      weight: 400 | 600 | 700
      color: string
      align: 'left' | 'right'
      /** The canvas squeezes longer text into this width: nothing spills off the card. */
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
  topBrands: { name: string; text: string }[]
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
} as const

/** The figures on the big line; the rest go into the grid. */
const HERO = new Set(['gmv-cny', 'gmv-usd', 'growth'])

export function layoutCard(content: CardContent, format: CardFormat): CardItem[] {
  const { width, height } = CARD_SIZES[format]
  const slide = format === 'slide'
  const pad = slide ? 80 : 64
  const scale = slide ? 1 : 0.8
  const items: CardItem[] = [{ kind: 'background', width, height, from: CARD_COLORS.from, to: CARD_COLORS.to }]
  const text = (
    x: number,
    y: number,
    value: string,
    size: number,
    options: Partial<Pick<Extract<CardItem, { kind: 'text' }>, 'weight' | 'color' | 'align' | 'maxWidth'>> = {},
  ) =>
    items.push({
      kind: 'text',
      x,
      y,
      text: value,
      size: Math.round(size),
      weight: options.weight ?? 400,
      color: options.color ?? CARD_COLORS.text,
      align: options.align ?? 'left',
      maxWidth: options.maxWidth ?? width - 2 * pad,
    })

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
  const sub = [usd ? `≈ ${usd.text}` : '', growth ? `${growth.text} ${growth.label}` : ''].filter(Boolean).join('   ')
  const growthColor = growth?.exact.startsWith('-') ? CARD_COLORS.down : CARD_COLORS.up
  text(pad, slide ? 500 : 430, sub, 44 * scale, { color: growth ? growthColor : CARD_COLORS.text, maxWidth: heroWidth })

  // The grid: four columns, two rows of the remaining figures, each with its label under it.
  const grid = content.figures.filter((figure) => !HERO.has(figure.id)).slice(0, 8)
  const gridTop = slide ? 580 : 490
  const gridWidth = slide ? 1140 : width - 2 * pad
  const cell = gridWidth / 4
  const rowHeight = 150 * scale
  items.push({ kind: 'rule', x: pad, y: gridTop - 10, width: gridWidth, color: CARD_COLORS.rule })
  grid.forEach((figure, index) => {
    const x = pad + (index % 4) * cell
    const y = gridTop + Math.floor(index / 4) * rowHeight
    text(x, y + 64 * scale, figure.text, 50 * scale, { weight: 700, maxWidth: cell - 20 })
    text(x, y + 104 * scale, figure.label, 22 * scale, { color: CARD_COLORS.muted, maxWidth: cell - 20 })
  })

  // Top brands: a column on the slide's right, two columns under the grid on the square.
  const brands = content.topBrands.slice(0, slide ? 8 : 6)
  if (slide) {
    const left = 1300
    const right = width - pad
    text(left, 260, content.topBrandsLabel, 30, { color: CARD_COLORS.muted, maxWidth: right - left })
    items.push({ kind: 'rule', x: left, y: 285, width: right - left, color: CARD_COLORS.rule })
    brands.forEach((brand, index) => {
      const y = 340 + index * 58
      text(left, y, `${index + 1}  ${brand.name}`, 30, { maxWidth: (right - left) * 0.58 })
      text(right, y, brand.text, 30, { align: 'right', color: CARD_COLORS.accent, maxWidth: (right - left) * 0.4 })
    })
  } else {
    const top = gridTop + 2 * rowHeight + 40
    text(pad, top, content.topBrandsLabel, 24, { color: CARD_COLORS.muted })
    const column = (width - 2 * pad) / 2
    brands.forEach((brand, index) => {
      const x = pad + Math.floor(index / 3) * column
      const y = top + 46 + (index % 3) * 42
      text(x, y, `${index + 1}  ${brand.name}`, 26, { maxWidth: column * 0.55 })
      text(x + column - 24, y, brand.text, 26, { align: 'right', color: CARD_COLORS.accent, maxWidth: column * 0.4 })
    })
  }

  items.push({ kind: 'rule', x: pad, y: height - pad - 50 * scale, width: width - 2 * pad, color: CARD_COLORS.rule })
  text(pad, height - pad + 4, content.sentence, 32 * scale, { weight: 600 })
  return items
}
