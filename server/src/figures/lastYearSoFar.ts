import { randomUUID } from 'node:crypto'
import { type Filter, filterKey, fromFen, toFen } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { keptPerStore } from './keptPerStore.ts'
import type { Column } from './rollupLevels.ts'
import { READ_BUDGET, READ_BUDGET_SETTINGS, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * Last year's GMV per key at the campaign's offset, for rankings of brands and live rooms.
 *
 * Last year "so far" ends inside a day, and for brands and live rooms no rollup keeps that
 * day's part: read afresh it is every raw order of last year's day so far, a cost that grows
 * with the orders stored. So the engine keeps, per question (column, filter and start), the
 * sums per key up to an end, as versions in last_year_so_far (migration 6). A question reads
 * the newest version that ends no later than it does, plus the raw seconds from there to its
 * end: one row per key and a short edge. Versions are written behind the questions, one
 * statement at a time per store:
 * - the first question, or one whose version is older than REBUILD_AFTER_MS, starts a full
 *   read (last year's orders loaded late then count too) and is itself answered as before,
 *   from the rollups and raw rows;
 * - once the edge since the newest version passes EXTEND_AFTER_MS, a new version is written
 *   from that one plus the edge, so the edge stays a couple of minutes of last year.
 * A question ending earlier than every version is answered afresh.
 *
 * Written by hand: versioned running sums kept by the engine are not what a cache library models.
 */

/** Each server instance writes and reads its own versions: instances never wait for each other. */
const WRITER = randomUUID()
const REBUILD_AFTER_MS = 10 * 60_000
const EXTEND_AFTER_MS = 120_000
/** Questions kept per store (an analyst's filters are many; a wall's few): least recently used go first. */
const MAX_QUESTIONS = 16

interface Version {
  /** Sums of [start, upto). */
  upto: number
  /** When the full read this version descends from began. */
  readAt: number
}

interface Question {
  id: string
  fromMs: number
  latest: Version | undefined
}

/** Versions being written, per store; one at a time, so a viewer cycling through filters cannot pile them up. */
interface Writing {
  busy: boolean
  work: Promise<unknown>
}

/** Keyed by the store's identity: the live and the analysts' lanes write one sequence of versions. */
const writingByStore = new WeakMap<object, Writing>()
const keptQuestions = keptPerStore<Question>(MAX_QUESTIONS)

/**
 * Last year's GMV per key over a range as (key, gmv) rows: one per key in `perKey`, plus,
 * when kept sums serve, one per key of the seconds since their version in `edge`. A ranking
 * joins the two; a 250,000-key version needs no GROUP BY of its own.
 */
export interface KeyedRows {
  perKey: string
  edge: string | null
  params: QueryParams
}

/** Both parts as one row per key (for a few keys, or to write a version). */
export function summedPerKey(rows: KeyedRows): string {
  return rows.edge
    ? `SELECT key, sum(gmv) AS gmv FROM (${rows.perKey} UNION ALL ${rows.edge}) GROUP BY key`
    : rows.perKey
}

/**
 * The rows of the keys whose sum reaches the base, one per key, for a ranking by growth: about
 * one brand in twenty at the default base, so a ranking hashes them and probes every key of
 * this year against them. GMV only grows (every amount is positive), so a key at the base by
 * the range's end is at it where the version ends, or has orders in the edge since.
 */
export function atLeastBase(rows: KeyedRows, base: string, prefix: string): { sql: string; params: QueryParams } {
  const atBase = `{${prefix}base:Decimal(18, 2)}`
  const params = { ...rows.params, [`${prefix}base`]: base }
  if (!rows.edge) return { sql: `SELECT key, gmv FROM (${rows.perKey}) WHERE gmv >= ${atBase}`, params }
  const reached = `SELECT key, gmv FROM (${rows.perKey}) WHERE gmv >= ${atBase} OR key IN (SELECT key FROM (${rows.edge}))`
  return {
    sql: `SELECT key, sum(gmv) AS gmv FROM (${reached} UNION ALL ${rows.edge}) GROUP BY key HAVING gmv >= ${atBase}`,
    params,
  }
}

/**
 * The kept sums for this question as rows to sum per key, or null when none serve yet (the
 * caller then reads last year afresh). Either way, brings the kept sums forward behind it.
 */
export function lastYearRows(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  prefix: string,
): KeyedRows | null {
  const question = questionFor(store, filter, column, range)
  const latest = question.latest
  const serves = latest !== undefined && latest.upto <= range.toMs && Date.now() - latest.readAt < REBUILD_AFTER_MS
  keepUp(store, question, filter, column, range)
  return serves ? keptRows(store, question, latest, filter, column, range, prefix) : null
}

/** Last year's GMV of these keys over the range, from the kept sums when they serve. */
export async function lastYearByKey(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0 || range.fromMs >= range.toMs) return new Map(keys.map((key) => [key, fromFen(0n)]))
  const rows = lastYearRows(store, filter, column, range, 'k') ?? afresh(store, filter, column, range)
  const sums = await store.select<{ key: string; gmv: string }>(
    `SELECT key, toString(gmv) AS gmv FROM (${summedPerKey(rows)}) WHERE key IN {keys:Array(String)} ${READ_BUDGET}`,
    { ...rows.params, keys },
  )
  const fen = new Map(sums.map((row) => [row.key, toFen(row.gmv)]))
  return new Map(keys.map((key) => [key, fromFen(fen.get(key) ?? 0n)]))
}

/** Resolves once every version queued for this store is written (tests and benchmarks wait on it). */
export async function lastYearSumsSettled(store: Store): Promise<void> {
  await writingByStore.get(store.identity)?.work
}

function writingOf(store: Store): Writing {
  const writing = writingByStore.get(store.identity) ?? { busy: false, work: Promise.resolve() }
  writingByStore.set(store.identity, writing)
  return writing
}

function questionFor(store: Store, filter: Filter, column: Column, range: Range): Question {
  const id = JSON.stringify([column, filterKey(filter), range.fromMs])
  return keptQuestions(store, id, () => ({ id, fromMs: range.fromMs, latest: undefined }))
}

/** Last year's rows over the range from the rollups and raw rows, as a question asked once reads them, and how much of it is raw. */
export function afresh(
  store: Store,
  filter: Filter,
  column: Column,
  range: Range,
  prefix = 'a',
): KeyedRows & { rawMs: number; projectedMs: number } {
  const source = sourceFor(store, filter, range, { columns: [column], prefix })
  return {
    perKey: `SELECT ${column} AS key, sum(gmv) AS gmv FROM (${source.sql}) GROUP BY key`,
    edge: null,
    params: source.params,
    rawMs: source.rawMs,
    projectedMs: source.projectedMs,
  }
}

/** A version's rows, then the raw edge from its end to the range's end. */
function keptRows(
  store: Store,
  question: Question,
  version: Version,
  filter: Filter,
  column: Column,
  range: Range,
  prefix: string,
): KeyedRows {
  const p = (name: string) => `${prefix}${name}`
  const params: QueryParams = { [p('w')]: WRITER, [p('q')]: question.id, [p('v')]: version.upto }
  // One row per key: each version was written by a GROUP BY key.
  const perKey = `SELECT key, gmv FROM ${store.db}.last_year_so_far
    WHERE writer = {${p('w')}:UUID} AND question = {${p('q')}:String} AND upto = {${p('v')}:Int64}`
  if (version.upto >= range.toMs) return { perKey, edge: null, params }
  const edge = afresh(store, filter, column, { fromMs: version.upto, toMs: range.toMs }, p('e'))
  return { perKey, edge: edge.perKey, params: { ...params, ...edge.params } }
}

/** Queues the version this question needs next, unless one is being written. */
function keepUp(store: Store, question: Question, filter: Filter, column: Column, range: Range): void {
  const state = writingOf(store)
  if (state.busy) return
  const latest = question.latest
  const stale = latest === undefined || Date.now() - latest.readAt >= REBUILD_AFTER_MS
  if (!stale && range.toMs - latest.upto < EXTEND_AFTER_MS) return
  state.busy = true
  state.work = state.work
    .then(() => writeVersion(store, question, filter, column, range.toMs, stale ? undefined : latest))
    .then(
      (version) => {
        question.latest = version
      },
      () => {
        // A failed write leaves the question to be answered afresh until the next one succeeds.
        question.latest = undefined
      },
    )
    .finally(() => {
      state.busy = false
    })
}

/** Writes the sums of [start, upto) per key: from a version and the stretch after it, or read in full. */
async function writeVersion(
  store: Store,
  question: Question,
  filter: Filter,
  column: Column,
  upto: number,
  base: Version | undefined,
): Promise<Version> {
  const readAt = base?.readAt ?? Date.now()
  const whole = { fromMs: question.fromMs, toMs: upto }
  const rows = base ? keptRows(store, question, base, filter, column, whole, 'b') : afresh(store, filter, column, whole)
  await store.execute(
    `INSERT INTO ${store.db}.last_year_so_far (writer, question, upto, key, gmv)
     SELECT {w:UUID}, {q:String}, {v:Int64}, key, gmv FROM (${summedPerKey(rows)})
     SETTINGS ${READ_BUDGET_SETTINGS}, distributed_foreground_insert = 1`,
    { ...rows.params, w: WRITER, q: question.id, v: upto },
  )
  return { upto, readAt }
}
