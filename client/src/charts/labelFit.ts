import { echarts } from './echarts.ts'

export interface Box {
  width: number
  height: number
}

/** Room kept between a label and its tile's edge, in CSS pixels. */
export const LABEL_INSET = 6

/** True when text of this size sits wholly inside the box, with the inset on every side. */
export function labelFits(text: Box, box: Box, inset = LABEL_INSET): boolean {
  return text.width + 2 * inset <= box.width && text.height + 2 * inset <= box.height
}

/**
 * An ECharts `labelLayout` callback that hides every label its tile cannot hold whole, so a
 * name is shown entire or not at all, never cut mid-word as ECharts' own `truncate` does. It
 * measures the full text with ECharts' own measure in the label's font. ECharts has no
 * `show` among the answers a layout callback may give, so a label that does not fit is
 * given a font size of 0 (it draws nothing); the next tick measures afresh.
 */
export function hideLabelsThatDoNotFit(font: { fontSize: number; lineHeight: number; fontFamily: string }) {
  const css = `${font.fontSize}px ${font.fontFamily}`
  return (params: { text: string; rect: Box }) => {
    const lines = params.text.split('\n')
    const width = Math.max(...lines.map((line) => echarts.format.getTextRect(line, css).width))
    const text = { width, height: lines.length * font.lineHeight }
    return labelFits(text, params.rect) ? {} : { fontSize: 0 }
  }
}
