import { echarts } from './echarts.ts'

export interface Box {
  width: number
  height: number
}

/** The padding the treemap sets around a caption (categoriesOption.ts), in CSS pixels. */
export const LABEL_PADDING = 4
/** Room kept between a label and its tile's edge: the padding and 2 px more for rounding. */
export const LABEL_INSET = LABEL_PADDING + 2

/** True when text of this size sits wholly inside the box, with the inset on every side. */
export function labelFits(text: Box, box: Box, inset = LABEL_INSET): boolean {
  return text.width + 2 * inset <= box.width && text.height + 2 * inset <= box.height
}

/**
 * The largest of `sizes` (font sizes, largest first) at which every line fits the box, lines
 * `lineHeight` pixels apart, or 0 when none does. `measure` gives a line's width at a font size.
 */
export function fittingFontSize(
  lines: readonly string[],
  box: Box,
  sizes: readonly number[],
  lineHeight: number,
  measure: (line: string, fontSize: number) => number,
): number {
  for (const size of sizes) {
    const width = Math.max(...lines.map((line) => measure(line, size)))
    if (labelFits({ width, height: lines.length * lineHeight }, box)) return size
  }
  return 0
}

/**
 * An ECharts `labelLayout` callback that sets each caption whole, at the largest of `sizes`
 * its tile holds, or not at all: never cut mid-word as ECharts' own `truncate` does. It
 * measures with ECharts' own text measure. ECharts has no `show` among the answers a layout
 * callback may give, so a caption no size fits gets a font size of 0 and draws nothing; each
 * render measures afresh.
 */
export function fitLabelsToTiles(sizes: readonly number[], lineHeight: number, fontFamily: string) {
  const measure = (line: string, fontSize: number) =>
    echarts.format.getTextRect(line, `${fontSize}px ${fontFamily}`).width
  // A node without a caption (the treemap's root, or an empty treemap) comes with text null.
  return (params: { text: string | null | undefined; rect: Box }) => {
    if (typeof params.text !== 'string') return {}
    const fontSize = fittingFontSize(params.text.split('\n'), params.rect, sizes, lineHeight, measure)
    return { fontSize }
  }
}
