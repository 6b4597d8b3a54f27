import { FILTER_DIMENSIONS, type Filter, type FilterDimension, TOP_SORTS, type TopSort } from '@gmv-pulse/shared'
import { INTERVAL_CHOICES, type IntervalChoice } from './intervalChoice.ts'

/**
 * Everything the explorer shows is decided by its URL: a link reproduces the view, and the
 * browser's back and forward buttons walk through drills and filter changes. This module is
 * the only place that reads or writes those parameters; it is pure, and its round trip is tested.
 */

export type RangePreset =
  | { kind: 'campaign' }
  /** Day N of the campaign (1-based), midnight to midnight in the campaign time zone. */
  | { kind: 'day'; day: number }
  | { kind: 'lastHour' }
  /** [from, to) in epoch ms. */
  | { kind: 'custom'; from: number; to: number }

export interface ExplorerState {
  filter: Filter
  range: RangePreset
  /** The series' bucket width; 'auto' sizes it to the range. */
  interval: IntervalChoice
  /** Overlay last year's numbers at the same campaign offset. */
  compare: boolean
  /** The leaderboards on screen, one or two dimensions. */
  by: FilterDimension[]
  sort: TopSort
  /** Frozen at this instant (epoch ms); null follows live. */
  frozenAt: number | null
}

export const DEFAULT_BY: FilterDimension[] = ['category', 'brand']

export const DEFAULT_STATE: ExplorerState = {
  filter: {},
  range: { kind: 'campaign' },
  interval: 'auto',
  compare: true,
  by: DEFAULT_BY,
  sort: 'gmv',
  frozenAt: null,
}

/** The parameters this module owns; any other (lang, token) passes through untouched. */
const OWN_PARAMS = new Set<string>([
  ...FILTER_DIMENSIONS,
  'range',
  'from',
  'to',
  'interval',
  'compare',
  'by',
  'sort',
  'frozen',
])

// A campaign of more than 60 days is not a shopping festival; a larger day is a bad link.
const MAX_DAY = 60

function parseTime(value: string | null): number | null {
  if (!value) return null
  const ms = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

function parseRange(params: URLSearchParams): RangePreset {
  const range = params.get('range')
  if (range === 'lastHour') return { kind: 'lastHour' }
  const day = /^day(\d{1,2})$/.exec(range ?? '')
  if (day) {
    const n = Number(day[1])
    if (n >= 1 && n <= MAX_DAY) return { kind: 'day', day: n }
  }
  if (range === 'custom') {
    const from = parseTime(params.get('from'))
    const to = parseTime(params.get('to'))
    if (from !== null && to !== null && from < to) return { kind: 'custom', from, to }
  }
  return { kind: 'campaign' }
}

/** Reads the explorer's state from a query string; anything malformed falls back to its default. */
export function parseExplorerState(search: string): ExplorerState {
  const params = new URLSearchParams(search)
  const filter: Filter = {}
  for (const dimension of FILTER_DIMENSIONS) {
    const value = params.get(dimension)
    if (value && value.length <= 128) filter[dimension] = value
  }
  const by = (params.get('by') ?? '')
    .split(',')
    .filter((value): value is FilterDimension => (FILTER_DIMENSIONS as readonly string[]).includes(value))
    .filter((value, index, all) => all.indexOf(value) === index)
    .slice(0, 2)
  const sort = params.get('sort')
  const interval = params.get('interval')
  return {
    filter,
    range: parseRange(params),
    interval: (INTERVAL_CHOICES as readonly string[]).includes(interval ?? '') ? (interval as IntervalChoice) : 'auto',
    compare: params.get('compare') !== '0',
    by: by.length > 0 ? by : DEFAULT_BY,
    sort: (TOP_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TopSort) : 'gmv',
    frozenAt: parseTime(params.get('frozen')),
  }
}

/**
 * Writes the state as a query string (without "?"), defaults left out so links stay short,
 * in a fixed order so the same state always gives the same URL. Parameters the explorer does
 * not own (`lang`, `token`) are kept from `base`.
 */
export function serializeExplorerState(state: ExplorerState, base = ''): string {
  const params = new URLSearchParams()
  for (const [key, value] of new URLSearchParams(base)) if (!OWN_PARAMS.has(key)) params.append(key, value)
  for (const dimension of FILTER_DIMENSIONS) {
    const value = state.filter[dimension]
    if (value) params.set(dimension, value)
  }
  const { range } = state
  if (range.kind === 'lastHour') params.set('range', 'lastHour')
  if (range.kind === 'day') params.set('range', `day${range.day}`)
  if (range.kind === 'custom') {
    params.set('range', 'custom')
    params.set('from', new Date(range.from).toISOString())
    params.set('to', new Date(range.to).toISOString())
  }
  if (state.interval !== 'auto') params.set('interval', state.interval)
  if (!state.compare) params.set('compare', '0')
  if (state.by.join(',') !== DEFAULT_BY.join(',')) params.set('by', state.by.join(','))
  if (state.sort !== 'gmv') params.set('sort', state.sort)
  if (state.frozenAt !== null) params.set('frozen', new Date(state.frozenAt).toISOString())
  return params.toString()
}

/** Where a click on a leaderboard row leads: the clicked key becomes a filter, the next dimensions show. */
export const DRILL_TARGETS: Readonly<Record<FilterDimension, FilterDimension[]>> = {
  category: ['brand'],
  region: ['brand'],
  channel: ['brand'],
  liveRoom: ['brand'],
  brand: ['channel', 'region'],
}

export function drill(state: ExplorerState, dimension: FilterDimension, key: string): ExplorerState {
  const filter = { ...state.filter, [dimension]: key }
  // Dimensions already pinned by a filter would show one row; skip to the next unpinned ones.
  const targets = DRILL_TARGETS[dimension].filter((target) => filter[target] === undefined)
  const fallback = FILTER_DIMENSIONS.filter((candidate) => filter[candidate] === undefined).slice(0, 1)
  return { ...state, filter, by: targets.length > 0 ? targets : fallback.length > 0 ? fallback : state.by }
}
