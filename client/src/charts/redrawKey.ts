import type { EChartsCoreOption } from './echarts.ts'

/**
 * What a chart shows as a viewer would see it, carried on its option under a symbol (ECharts
 * and JSON both ignore symbol keys). The chart wrapper skips an update whose key equals the
 * one on screen: the option's exact numbers may have moved, but not by a pixel or a digit.
 */
export const REDRAW_KEY: unique symbol = Symbol('redrawKey')

export type KeyedOption = EChartsCoreOption & { [REDRAW_KEY]?: string }

export function withRedrawKey(key: string, option: EChartsCoreOption): KeyedOption {
  return Object.assign(option, { [REDRAW_KEY]: key })
}

/** The option's redraw key, or undefined when it has none (it is drawn every time it changes). */
export function redrawKeyOf(option: EChartsCoreOption): string | undefined {
  return (option as KeyedOption)[REDRAW_KEY]
}
