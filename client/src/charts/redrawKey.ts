import type { EChartsCoreOption } from './echarts.ts'

/**
 * What a chart shows as a viewer would see it, carried on its option under a symbol (ECharts
 * and JSON both ignore symbol keys). The chart wrapper skips an update that would look the
 * same as the picture on screen: the option's exact numbers may have moved, but not by a pixel,
 * a digit or a colour step.
 */
export const REDRAW_KEY: unique symbol = Symbol('redrawKey')

/**
 * Either text compared as it is (captions, rounded shares, the order of bars), or values
 * measured in steps a viewer can tell apart (the map's colours), compared with the picture on
 * screen itself: a value looks the same until it is a whole step away from what was drawn. A
 * fixed rounding would redraw whenever a value sat at a step's edge, which on a busy wall some
 * value always does.
 */
export type RedrawKey = string | Readonly<Record<string, number>>

export type KeyedOption = EChartsCoreOption & { [REDRAW_KEY]?: RedrawKey }

export function withRedrawKey(key: RedrawKey, option: EChartsCoreOption): KeyedOption {
  return Object.assign(option, { [REDRAW_KEY]: key })
}

/** The option's redraw key, or undefined when it has none (it is drawn every time it changes). */
export function redrawKeyOf(option: EChartsCoreOption): RedrawKey | undefined {
  return (option as KeyedOption)[REDRAW_KEY]
}

/** True when a chart keyed `next` would look as the one drawn with `shown` does. */
export function looksTheSame(next: RedrawKey | undefined, shown: RedrawKey | undefined): boolean {
  if (next === undefined || shown === undefined) return false
  if (typeof next === 'string' || typeof shown === 'string') return next === shown
  for (const name of new Set([...Object.keys(next), ...Object.keys(shown)])) {
    if (Math.abs((next[name] ?? 0) - (shown[name] ?? 0)) >= 1) return false
  }
  return true
}
