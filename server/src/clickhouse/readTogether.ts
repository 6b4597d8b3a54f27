import type { QueryParams, Store } from './store.ts'

/**
 * A store whose reads asked in the same turn of the event loop reach the engine as one
 * statement: a branch of a UNION ALL each, whose rows come back as JSON text.
 *
 * Why: the embedded engine runs one parameterized statement at a time per process, and each
 * costs a floor of its own (about 2 ms for `SELECT 1` through the client) on top of its work.
 * A figure read of the campaign so far is a few milliseconds of work, so a headline of seven
 * figures paid nearly as much in floors as in reads. Measured at 125M orders, side by side,
 * five of the headline's statements: 37.1 ms one after another, 29.7 ms as one. The branches
 * of a UNION ALL run side by side on the engine's threads, where scalar subqueries (the form
 * before) ran one after another: the whole headline at 1.25B orders, alternating, medians
 * 34.7 → 29.6 ms and 28.5 → 23.7 ms in two runs (p95 42.1 → 40.2, 36.2 → 29.8).
 *
 * Each figure still asks its own statement (figures/), and a caller sees its own rows. Should
 * the statement fail (one read over its row budget, say), each read is asked again on its own,
 * so each caller gets its own answer or its own error.
 *
 * Written by hand: batching reads into one statement is particular to this engine's floor; a
 * DataLoader would batch by key, not by statement.
 */
export function readTogether(store: Store): Store {
  let waiting: Read[] = []
  const send = () => {
    const batch = waiting
    waiting = []
    void askTogether(store, batch)
  }
  return {
    ...store,
    select<Row>(query: string, params: QueryParams = {}): Promise<Row[]> {
      return new Promise<Row[]>((resolve, reject) => {
        // After this turn's microtasks: every read a Promise.all of figures asks goes together.
        if (waiting.length === 0) setImmediate(send)
        waiting.push({ query, params, resolve: resolve as (rows: unknown[]) => void, reject })
      })
    },
  }
}

interface Read {
  query: string
  params: QueryParams
  resolve: (rows: unknown[]) => void
  reject: (error: unknown) => void
}

/** More than this many reads in a turn go as several statements. */
const MAX_READS_PER_STATEMENT = 16

async function askTogether(store: Store, reads: readonly Read[]): Promise<void> {
  for (let start = 0; start < reads.length; start += MAX_READS_PER_STATEMENT) {
    const batch = reads.slice(start, start + MAX_READS_PER_STATEMENT)
    if (batch.length === 1) askAlone(store, batch[0] as Read)
    else await askAsOne(store, batch)
  }
}

function askAlone(store: Store, read: Read): void {
  store.select(read.query, read.params).then(read.resolve, read.reject)
}

async function askAsOne(store: Store, batch: readonly Read[]): Promise<void> {
  const { sql, params } = combined(batch)
  let answers: Map<number, string[]>
  try {
    const branches = await store.select<{ read: number; rows: string[] }>(sql, params)
    answers = new Map(branches.map((branch) => [branch.read, branch.rows]))
  } catch {
    for (const read of batch) askAlone(store, read)
    return
  }
  batch.forEach((read, index) => {
    try {
      read.resolve((answers.get(index) ?? []).map((text) => JSON.parse(text)))
    } catch (error) {
      read.reject(error)
    }
  })
}

/** A parameter's name in a statement: `{name:Type}`. */
const PARAMETER = /\{([A-Za-z_][A-Za-z0-9_]*):/g

/**
 * One statement of a UNION ALL branch per read, its parameters renamed apart: a row each, the
 * read's place in the batch and its rows, kept as one JSON text each under the statement's
 * output settings (decimals quoted), so a caller parses what it would have read alone.
 * groupArray keeps a small subquery's ORDER BY; the branches' rows come in any order.
 */
function combined(batch: readonly Pick<Read, 'query' | 'params'>[]): { sql: string; params: QueryParams } {
  const params: QueryParams = {}
  const branches = batch.map((read, index) => {
    const prefix = `r${index}_`
    for (const [name, value] of Object.entries(read.params)) params[`${prefix}${name}`] = value
    // The read's own text, then a line break: it may end in a comment.
    const query = read.query.replace(PARAMETER, (_, name: string) => `{${prefix}${name}:`)
    return `SELECT toUInt8(${index}) AS read, groupArray(formatRowNoNewline('JSONEachRow', *)) AS rows FROM (\n${query}\n)`
  })
  return { sql: branches.join('\nUNION ALL\n'), params }
}
