import { type Filter, fromFen, toFen } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import type { Column } from './rollupLevels.ts'
import { READ_BUDGET, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * Last year's GMV per key at the campaign's offset, for the keys a ranking shows.
 *
 * Last year "so far" ends inside a day, and for brands and live rooms no rollup keeps that
 * day's part: read afresh it is every raw order of last year's day so far, a cost that grows
 * with the orders stored. So, per store and per question (column and filter), the sums per
 * key from last year's start to the end last asked are kept in memory, and a later question
 * with the same start and a later end reads only the stretch in between (the seconds of last
 * year that passed). Last year does not change while a campaign runs; the sums are read in
 * full again after REBUILD_AFTER_MS anyway, so last year's orders loaded late still count.
 * A question ending earlier than the sums kept is answered by a read of its own.
 *
 * Written by hand: a running sum extended by a cursor is not what a cache library models.
 */
interface RunningSums {
  fromMs: number
  toMs: number
  readAt: number
  fen: Map<string, bigint>
}

/** Questions kept per store (an analyst's filters are many; a wall's few): least recently used go first. */
const MAX_QUESTIONS = 16
const REBUILD_AFTER_MS = 10 * 60_000
/** Per store, question (column and filter) → its sums, as the promise of the latest extension. */
const questionsByStore = new WeakMap<Store, Map<string, Promise<RunningSums>>>()

export async function lastYearByKey(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0 || range.fromMs >= range.toMs) return new Map(keys.map((key) => [key, fromFen(0n)]))
  const questions = questionsByStore.get(store) ?? new Map<string, Promise<RunningSums>>()
  questionsByStore.set(store, questions)
  const id = JSON.stringify([
    column,
    Object.entries(filter)
      .filter(([, value]) => value !== undefined)
      .sort(),
  ])
  // Chained on what is kept, and kept at once, so questions arriving together extend the sums
  // one after the other; each reads them as soon as its own extension is done.
  const next = (questions.get(id) ?? Promise.resolve(undefined)).then(
    (sums) => extend(store, filter, column, range, sums),
    () => extend(store, filter, column, range, undefined),
  )
  questions.delete(id)
  questions.set(id, next)
  while (questions.size > MAX_QUESTIONS) questions.delete(questions.keys().next().value as string)
  const sums = await next
  if (sums.fromMs !== range.fromMs || sums.toMs !== range.toMs) {
    // Earlier than what is kept: this question's own read, for its keys only.
    return readForKeys(store, filter, column, range, keys)
  }
  return new Map(keys.map((key) => [key, fromFen(sums.fen.get(key) ?? 0n)]))
}

/** The kept sums brought to the range's end: extended, read afresh, or left as they are (an earlier end). */
async function extend(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  sums: RunningSums | undefined,
): Promise<RunningSums> {
  const fresh = sums && sums.fromMs === range.fromMs && Date.now() - sums.readAt < REBUILD_AFTER_MS
  if (fresh && sums.toMs >= range.toMs) return sums
  if (fresh) {
    const added = await sumsByKey(store, filter, column, { fromMs: sums.toMs, toMs: range.toMs })
    for (const [key, fen] of added) sums.fen.set(key, (sums.fen.get(key) ?? 0n) + fen)
    sums.toMs = range.toMs
    return sums
  }
  return { ...range, readAt: Date.now(), fen: await sumsByKey(store, filter, column, range) }
}

async function sumsByKey(store: Store, filter: Filter, column: Column, range: Range, keys?: readonly string[]) {
  const source = sourceFor(store, filter, range, { columns: [column] })
  const params: QueryParams = { ...source.params, ...(keys ? { keys } : {}) }
  const rows = await store.select<{ key: string; gmv: string }>(
    `SELECT ${column} AS key, toString(sum(gmv)) AS gmv FROM (${source.sql})
     ${keys ? 'WHERE key IN {keys:Array(String)}' : ''} GROUP BY key ${READ_BUDGET}`,
    params,
  )
  return new Map(rows.map((row) => [row.key, toFen(row.gmv)]))
}

async function readForKeys(store: Store, filter: Filter, column: Column, range: Range, keys: readonly string[]) {
  const fen = await sumsByKey(store, filter, column, range, keys)
  return new Map(keys.map((key) => [key, fromFen(fen.get(key) ?? 0n)]))
}
