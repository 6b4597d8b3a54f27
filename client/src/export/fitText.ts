/** A text's rendered width in pixels at a font size and weight: the canvas's or the PDF font's. */
export type MeasureText = (text: string, size: number, weight: TextWeight) => number
export type TextWeight = 400 | 600 | 700

/** Below this an exported text is no longer read from a slide; it is never set smaller. */
export const SMALLEST_TEXT_PX = 12

/**
 * The largest whole font size, at most `size`, at which `text` fits `maxWidth`: a figure is
 * set smaller rather than squeezed (canvas `fillText(…, maxWidth)` narrows the glyphs).
 * Width grows in proportion to size for one font, so one division lands within a pixel
 * or two; the loop settles rounding and kerning.
 */
export function fitFontSize(text: string, size: number, maxWidth: number, weight: TextWeight, measure: MeasureText) {
  const width = measure(text, size, weight)
  if (width <= maxWidth) return size
  let fitted = Math.min(size - 1, Math.floor((size * maxWidth) / width))
  while (fitted > SMALLEST_TEXT_PX && measure(text, fitted, weight) > maxWidth) fitted--
  return Math.max(fitted, SMALLEST_TEXT_PX)
}

/** One size for a row of peers (the grid's figures, the brands): the largest at which all of them fit. */
export function fitCommonSize(
  texts: readonly string[],
  size: number,
  maxWidth: number,
  weight: TextWeight,
  measure: MeasureText,
): number {
  return Math.min(size, ...texts.map((text) => fitFontSize(text, size, maxWidth, weight, measure)))
}

/**
 * `text` on one line if it fits `maxWidth` at `size`, else broken at a space into two lines that
 * both fit, the break chosen to make the longer line shortest ("Brands above" / "¥100 million",
 * not "Brands above ¥100" / "million"); undefined when no break fits. A long label then keeps its
 * size on two lines rather than shrinking on one.
 */
export function fitInTwoLines(
  text: string,
  size: number,
  maxWidth: number,
  weight: TextWeight,
  measure: MeasureText,
): string[] | undefined {
  if (measure(text, size, weight) <= maxWidth) return [text]
  const words = text.split(' ')
  let best: { lines: string[]; longest: number } | undefined
  for (let at = 1; at < words.length; at++) {
    const lines = [words.slice(0, at).join(' '), words.slice(at).join(' ')]
    const longest = Math.max(...lines.map((line) => measure(line, size, weight)))
    if (longest <= maxWidth && (!best || longest < best.longest)) best = { lines, longest }
  }
  return best?.lines
}
