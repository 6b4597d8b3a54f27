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
 * The full read (every key: seconds at festival scale) runs behind the first question, which
 * meanwhile reads its own keys only, as before; a question ending earlier than the sums kept
 * is answered the same way.
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
interface Question {
  /** The sums as last brought up to date; undefined before the first read or after a failed one. */
  latest: RunningSums | undefined
  /** The reads and extensions of these sums, one after the other; never rejects. */
  work: Promise<unknown>
}

/** Per store, question (column and filter) → its sums. */
const questionsByStore = new WeakMap<Store, Map<string, Question>>()
/**
 * Stores with a full read running. One at a time per store: a viewer cycling through filters
 * gets answers at the old cost, and never a pile of background reads that would slow the wall.
 */
const fillingStores = new WeakSet<Store>()

export async function lastYearByKey(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0 || range.fromMs >= range.toMs) return new Map(keys.map((key) => [key, fromFen(0n)]))
  const questions = questionsByStore.get(store) ?? new Map<string, Question>()
  questionsByStore.set(store, questions)
  const id = JSON.stringify([
    column,
    Object.entries(filter)
      .filter(([, value]) => value !== undefined)
      .sort(),
  ])
  const question = questions.get(id) ?? { latest: undefined, work: Promise.resolve() }
  questions.delete(id)
  questions.set(id, question)
  while (questions.size > MAX_QUESTIONS) questions.delete(questions.keys().next().value as string)

  const { latest } = question
  const fresh = latest !== undefined && latest.fromMs === range.fromMs && Date.now() - latest.readAt < REBUILD_AFTER_MS
  if (fresh && latest.toMs > range.toMs) return readForKeys(store, filter, column, range, keys)
  if (!fresh) {
    // Nothing to extend yet: the full read (every key, seconds at festival scale) goes on behind
    // this answer, which reads its own keys only, as a question asked once would.
    if (!fillingStores.has(store)) {
      fillingStores.add(store)
      question.work = question.work
        .then(() => extend(store, filter, column, range, undefined))
        .then(
          (sums) => {
            question.latest = sums
          },
          () => {
            question.latest = undefined
          },
        )
        .finally(() => {
          fillingStores.delete(store)
        })
    }
    return readForKeys(store, filter, column, range, keys)
  }
  // Extensions run one after the other on the same sums; each question reads them once its own is done.
  const update = question.work.then(() => extend(store, filter, column, range, latest))
  question.work = update.catch(() => {
    question.latest = undefined
  })
  const sums = await update
  // A question queued before this one may have taken the sums past this end.
  if (sums.toMs !== range.toMs) return readForKeys(store, filter, column, range, keys)
  return new Map(keys.map((key) => [key, fromFen(sums.fen.get(key) ?? 0n)]))
}

/** The sums brought to the range's end: the kept ones extended by the stretch since, or read in full. */
async function extend(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  sums: RunningSums | undefined,
): Promise<RunningSums> {
  if (!sums) return { ...range, readAt: Date.now(), fen: await sumsByKey(store, filter, column, range) }
  if (sums.toMs < range.toMs) {
    const added = await sumsByKey(store, filter, column, { fromMs: sums.toMs, toMs: range.toMs })
    for (const [key, fen] of added) sums.fen.set(key, (sums.fen.get(key) ?? 0n) + fen)
    sums.toMs = range.toMs
  }
  return sums
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

/** Resolves once every read queued for this store's kept sums is done (tests and benchmarks wait on it). */
export async function lastYearSumsSettled(store: Store): Promise<void> {
  const questions = questionsByStore.get(store)
  if (questions) await Promise.all([...questions.values()].map((question) => question.work))
}
