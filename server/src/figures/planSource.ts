import type { Filter } from '@gmv-pulse/shared'
import type { QueryParams } from '../clickhouse/store.ts'
import { DIMENSION_COLUMNS, filterClause } from '../queries/filterClause.ts'
import { ceilTo, floorTo, type Grain, nominalMs } from './grains.ts'
import {
  CAMPAIGN_ROLLUPS,
  type Column,
  LAST_YEAR_ROLLUPS,
  ROLLUP_LEVELS,
  type RollupLevel,
  type RollupSet,
  setFor,
} from './rollupLevels.ts'
import type { Range } from './timeRange.ts'

export interface SourceRequest {
  db: string
  timeZone: string
  filter: Filter
  /** Columns the caller groups or reads by, besides time, gmv and orders. */
  columns?: readonly Column[]
  range: Range
  /**
   * The grains whose buckets nest in the caller's time buckets (a 1h series can sum hours,
   * minutes and seconds, not days); undefined when the caller does not group by time.
   */
  grains?: readonly Grain[]
  /** Added to every event time, in ms: moves last year's orders onto this year's clock. */
  shiftMs?: number
  /** The campaign window the campaign rollups were built for; used when the range is exactly it. */
  campaignWindow?: { startMs: number; endMs: number } | null
  /** Last year's window, which LAST_YEAR_ROLLUPS were built for; likewise. */
  lastYearWindow?: { startMs: number; endMs: number } | null
  /**
   * The caller asks only which keys occur (DISTINCT, IN), not their sums: a window rollup is
   * then read as it lies, without the FINAL that merges each key's parts.
   */
  keysOnly?: boolean
  /**
   * The caller only sums gmv and orders over every row (a total): rows may then be subtracted,
   * so a range from the campaign's start can be read as the campaign window less its rest.
   */
  sumsOnly?: boolean
  /** Prefix of this source's parameter names, so several sources share one statement. */
  prefix: string
}

export interface PlannedSource {
  /**
   * A subquery of `t` (DateTime64(3)) and `grain` (the bucket width of the row: 'day' …
   * 'second', or 'raw' for one order) when time was asked for, then the columns, `gmv` and `orders`.
   */
  sql: string
  params: QueryParams
  /** Milliseconds of the range left to raw rows: 0 when rollups answer all of it. */
  rawMs: number
  /**
   * Milliseconds of the range read from an aggregate projection of the raw table (a brand's
   * hours or seconds): cheap for one brand, but for every brand a row per brand and bucket
   * (its seconds nearly as many rows as the orders).
   */
  projectedMs: number
  /**
   * True when the rows are already one per value of the columns asked for (a campaign rollup
   * keyed by exactly them, read with FINAL): a caller may use them without grouping again.
   */
  onePerKey: boolean
}

interface Segment {
  level: { level: RollupLevel; set: RollupSet } | 'raw'
  fromMs: number
  toMs: number
}

/** Grains a projection's rows can be summed to in the read (UTC, as its own buckets), coarsest first. */
const PROJECTION_BUCKETS: readonly [Grain, string][] = [
  ['hour', 'toStartOfHour'],
  ['minute', 'toStartOfMinute'],
]

/** Columns a query involves: what it groups by and what it filters on. */
export function neededColumns(filter: Filter, columns: readonly Column[] = []): Set<Column> {
  const needed = new Set<Column>(columns)
  for (const [dimension, column] of Object.entries(DIMENSION_COLUMNS) as [keyof Filter, Column][]) {
    if (filter[dimension] !== undefined) needed.add(column)
  }
  return needed
}

/** The rollups that can answer these columns, coarsest first, at most one per grain. */
export function ladderFor(
  needed: ReadonlySet<Column>,
  grains?: readonly Grain[],
): { level: RollupLevel; set: RollupSet }[] {
  const ladder: { level: RollupLevel; set: RollupSet }[] = []
  for (const level of ROLLUP_LEVELS) {
    if (grains && !grains.includes(level.grain)) continue
    if (ladder.some((rung) => rung.level.grain === level.grain)) continue
    const set = setFor(level, needed)
    if (set) ladder.push({ level, set })
  }
  return ladder
}

/**
 * Splits [from, to) over the ladder: the coarsest rollup takes the whole buckets inside the
 * range, each finer one the whole buckets of what is left at the edges, and raw rows only the
 * ragged remainder, shorter than the finest grain on each side. An open end is a whole bucket.
 */
function decompose(
  fromMs: number,
  toMs: number,
  ladder: { level: RollupLevel; set: RollupSet }[],
  timeZone: string,
): Segment[] {
  if (fromMs >= toMs) return []
  const [rung, ...finer] = ladder
  if (!rung) return [{ level: 'raw', fromMs, toMs }]
  const innerFrom = ceilTo(rung.level.grain, fromMs, timeZone)
  const innerTo = floorTo(rung.level.grain, toMs, timeZone)
  if (innerFrom >= innerTo) return decompose(fromMs, toMs, finer, timeZone)
  return [
    ...decompose(fromMs, innerFrom, finer, timeZone),
    { level: rung, fromMs: innerFrom, toMs: innerTo },
    ...decompose(innerTo, toMs, finer, timeZone),
  ]
}

/**
 * The split of [from, to) that reads the fewest rollup rows. Coarsest first is not always
 * fewest: a day of the full cube is ~23,500 rows where 24 hours of a channel × origin pair are
 * 504, so the ladder is also tried without its coarsest rungs. Dropping a coarse rung leaves
 * the finest one, so the raw edges stay the same.
 */
function cheapestSplit(
  fromMs: number,
  toMs: number,
  ladder: { level: RollupLevel; set: RollupSet }[],
  timeZone: string,
): Segment[] {
  let best: { segments: Segment[]; rows: number } | undefined
  for (let skip = 0; skip < Math.max(1, ladder.length); skip++) {
    const segments = decompose(fromMs, toMs, ladder.slice(skip), timeZone)
    const rows = rowsOf(segments)
    if (!best || rows < best.rows) best = { segments, rows }
  }
  return best?.segments ?? []
}

/**
 * Orders in a second at the festival's mean rate (2.32 billion in 950,400 s): a raw read's rows
 * per second of range, in the unit of a rollup set's rowsPerBucket.
 */
const RAW_ROWS_PER_SECOND = 2_440

/** What reading these segments costs at festival scale, in rows: rollup rows per bucket, raw rows per second. */
function rowsOf(segments: readonly Segment[]): number {
  return segments.reduce(
    (sum, { level, fromMs, toMs }) =>
      sum +
      (level === 'raw'
        ? ((toMs - fromMs) / 1000) * RAW_ROWS_PER_SECOND
        : ((toMs - fromMs) / nominalMs(level.level.grain)) * level.set.rowsPerBucket),
    0,
  )
}

/**
 * The exact source of a figure: for any filter and any [from, to), a UNION ALL of rollup rows
 * and raw rows whose sums equal the raw table's, to the fen. Each figure file asks it for the
 * columns it groups by; which tables answer is decided here alone, so every figure reads the
 * same rows for the same question.
 */
export function planSource(request: SourceRequest): PlannedSource {
  const columns = request.columns ?? []
  const needed = neededColumns(request.filter, columns)
  const shiftMs = request.shiftMs ?? 0
  const where = filterClause(request.filter)
  const p = (name: string) => `${request.prefix}${name}`
  const params: QueryParams = { ...where.params }
  const withTime = request.grains !== undefined
  const columnList = columns.length > 0 ? `${columns.join(', ')}, ` : ''

  const { fromMs, toMs } = request.range
  const isWindow = (window: { startMs: number; endMs: number } | null | undefined) =>
    window && fromMs === window.startMs && toMs === window.endMs
  // Exactly a window some rollups keep as one bucket, not grouped by time: one row per key there.
  const windowRollups = withTime
    ? []
    : isWindow(request.campaignWindow)
      ? CAMPAIGN_ROLLUPS
      : isWindow(request.lastYearWindow)
        ? LAST_YEAR_ROLLUPS
        : []
  for (const rollup of windowRollups) {
    const set = setFor(rollup, needed)
    if (!set) continue
    // Each window rollup is keyed by its set's columns: FINAL merges a key's parts on read, so
    // asked for exactly those columns it gives one row per value of them.
    const onePerKey =
      !request.keysOnly &&
      set.columns.length === columns.length &&
      columns.every((column) => set.columns.includes(column))
    return {
      sql: `SELECT ${columnList}gmv, orders FROM ${request.db}.${rollup.table}${onePerKey ? ' FINAL' : ''}
        WHERE 1${set.where ? ` AND ${set.where}` : ''} ${where.sql}`,
      params,
      rawMs: 0,
      projectedMs: 0,
      onePerKey,
    }
  }

  // A rollup row moves as a whole: with a shift, only grains the shift is a whole number of.
  const grains = request.grains?.filter((grain) => shiftMs % nominalMs(grain) === 0) ?? (shiftMs === 0 ? undefined : [])
  const ladder = ladderFor(needed, grains)
  /** The segments' rows as one UNION ALL, their parameters named with the tag. */
  const render = (segments: Segment[], tag: string): { sql: string; rawMs: number; projectedMs: number } => {
    const branches: string[] = []
    let rawMs = 0
    let projectedMs = 0
    const byLevel = new Map<Segment['level'], Segment[]>()
    for (const segment of segments) byLevel.set(segment.level, [...(byLevel.get(segment.level) ?? []), segment])
    let index = 0
    for (const [level, parts] of byLevel) {
      const time = level === 'raw' ? 'ts' : level.level.time
      const conditions = parts.map((part) => {
        const from = p(`${tag}F${index}`)
        const to = p(`${tag}T${index}`)
        index += 1
        params[from] = part.fromMs
        params[to] = part.toMs
        if (level === 'raw') rawMs += part.toMs - part.fromMs
        else if (level.level.projection) projectedMs += part.toMs - part.fromMs
        return `(${time} >= fromUnixTimestamp64Milli({${from}:Int64}, 'UTC') AND ${time} < fromUnixTimestamp64Milli({${to}:Int64}, 'UTC'))`
      })
      const projected = level !== 'raw' && level.level.projection !== undefined
      // A projection's rows are summed inside the read to the coarsest grain above its own that
      // the caller's buckets hold: a minute series gets a minute's row, not 60 seconds to sum again.
      const coarser = projected
        ? PROJECTION_BUCKETS.find(
            ([bucketGrain]) => grains?.includes(bucketGrain) && nominalMs(bucketGrain) > nominalMs(level.level.grain),
          )
        : undefined
      const bucket = coarser ? `${coarser[1]}(${time})` : time
      // Only the level's first segment can start inside an hour (later ones start where an hour
      // or a day ends): its first row is placed at that start, not before it, so rows stay in
      // time order beside the raw edge before it (a milestone's search adds them up in that order).
      const firstFrom = p(`${tag}S${index}`)
      if (coarser) params[firstFrom] = parts[0]?.fromMs ?? 0
      const start = coarser ? `greatest(${bucket}, fromUnixTimestamp64Milli({${firstFrom}:Int64}, 'UTC'))` : bucket
      const grain = level === 'raw' ? 'raw' : (coarser?.[0] ?? level.level.grain)
      const timeColumn = withTime
        ? `${level === 'raw' ? 'ts' : `toDateTime64(${start}, 3, 'UTC')`} + toIntervalMillisecond({${p('Shift')}:Int64}) AS t, '${grain}' AS grain, `
        : ''
      const measures =
        level === 'raw'
          ? 'amount AS gmv, toUInt64(1) AS orders'
          : projected
            ? 'sum(amount) AS gmv, count() AS orders'
            : 'gmv, orders'
      const table = level === 'raw' ? 'orders' : level.level.table
      const setWhere = level !== 'raw' && level.set.where ? ` AND ${level.set.where}` : ''
      // An aggregate projection answers a query grouped by its keys (or fewer) and filtered on them.
      const keys = [...(withTime ? [bucket] : []), ...columns]
      const groupBy = projected && keys.length > 0 ? `\n        GROUP BY ${keys.join(', ')}` : ''
      branches.push(
        `SELECT ${timeColumn}${columnList}${measures} FROM ${request.db}.${table}
        WHERE (${conditions.join(' OR ')})${setWhere} ${where.sql}${groupBy}`,
      )
    }
    if (withTime) params[p('Shift')] = shiftMs
    if (branches.length === 0) {
      // An empty range: one branch that yields nothing keeps the statement's shape.
      const timeColumn = withTime ? `toDateTime64(0, 3, 'UTC') AS t, 'raw' AS grain, ` : ''
      branches.push(
        `SELECT ${timeColumn}${columnList}amount AS gmv, toUInt64(1) AS orders FROM ${request.db}.orders WHERE 0`,
      )
    }
    return { sql: branches.join('\n      UNION ALL\n      '), rawMs, projectedMs }
  }
  const forward = cheapestSplit(fromMs, toMs, ladder, request.timeZone)

  // From the campaign's start to a point inside it, a caller that only sums may read the whole
  // window's one bucket less the rest of the window, when the rest reads fewer rows: "up to
  // now" is the window less orders not yet placed, where its forward reading is every second
  // of today so far for a brand, or every raw order of it for a live room.
  const window = request.campaignWindow
  const complementSet =
    request.sumsOnly && columns.length === 0 && !withTime && shiftMs === 0 && window
      ? CAMPAIGN_ROLLUPS.map((rollup) => ({ rollup, set: setFor(rollup, needed) })).find(({ set }) => set)
      : undefined
  if (complementSet?.set && window && fromMs === window.startMs && fromMs < toMs && toMs < window.endMs) {
    const rest = cheapestSplit(toMs, window.endMs, ladder, request.timeZone)
    if (rowsOf(rest) < rowsOf(forward)) {
      const { rollup, set } = complementSet
      const subtracted = render(rest, 'X')
      return {
        sql: `SELECT gmv, toInt64(orders) AS orders FROM ${request.db}.${rollup.table}
        WHERE 1${set.where ? ` AND ${set.where}` : ''} ${where.sql}
      UNION ALL
      SELECT -gmv AS gmv, -toInt64(orders) AS orders FROM (${subtracted.sql})`,
        params,
        rawMs: subtracted.rawMs,
        projectedMs: subtracted.projectedMs,
        onePerKey: false,
      }
    }
  }
  const { sql, rawMs, projectedMs } = render(forward, '')
  return { sql, params, rawMs, projectedMs, onePerKey: false }
}

/** True when rollups alone answer these columns for a range on whole days (or an open end). */
export function rollupsCover(filter: Filter, columns: readonly Column[] = []): boolean {
  return ladderFor(neededColumns(filter, columns)).length > 0
}
