import type { Store } from '../../server/src/clickhouse/store.ts'

export interface TableSize {
  table: string
  rows: number
  bytes: number
  /** A materialized view writes into it. */
  rollup: boolean
  /** A projection, kept inside this table's parts (its bytes are counted in the table's too). */
  projectionOf?: string
}

const quoted = (name: string) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``

/** Tables of the store's database that hold rows (views excluded), found in system.tables, not by name. */
async function storedTables(store: Store): Promise<string[]> {
  const rows = await store.select<{ name: string }>(
    `SELECT name FROM system.tables WHERE database = {db:String} AND engine LIKE '%MergeTree' ORDER BY name`,
    { db: store.db },
  )
  return rows.map((row) => row.name)
}

/**
 * Waits for the store's mutations to finish: a migration that adds a projection builds it for
 * the parts already stored in the background, and queries timed meanwhile would read both ways.
 */
export async function settleMutations(store: Store, onWait: (left: number) => void): Promise<void> {
  for (;;) {
    const [row] = await store.select<{ left: string }>(
      'SELECT count() AS left FROM system.mutations WHERE database = {db:String} AND NOT is_done',
      { db: store.db },
    )
    const left = Number(row?.left ?? 0)
    if (left === 0) return
    onWait(left)
    await new Promise((resolve) => setTimeout(resolve, 5_000))
  }
}

/**
 * OPTIMIZE … FINAL on every table but `except` (the raw table: forcing a merge of all of it
 * would take longer than generating it), so a rollup's row count is what it settles at.
 */
export async function settleTables(store: Store, except: string, onTable: (table: string) => void): Promise<void> {
  for (const table of await storedTables(store)) {
    if (table === except) continue
    onTable(table)
    await store.command(`OPTIMIZE TABLE ${store.db}.${quoted(table)} FINAL`)
  }
}

export interface MonthParts {
  /** The partition id: the month as YYYYMM (toYYYYMM). */
  month: string
  parts: number
  /** Before the month of the moment modelled: it takes no more orders. */
  closed: boolean
}

/**
 * A month-partitioned table as the engine leaves it by the moment modelled (`nowMs`): every
 * month before that one has taken no insert for days, so the engine has merged each into one
 * part (migration 14, CLOSED_MONTH_AGE_SECONDS). A store generated minutes ago has no such age,
 * so the closed months are merged here, as the engine would have done; the live month keeps the
 * parts its inserts left. Returns each month's active parts afterwards.
 */
export async function mergeClosedMonths(
  store: Store,
  table: string,
  nowMs: number,
  onMonth: (month: string) => void,
): Promise<MonthParts[]> {
  const now = new Date(nowMs)
  const liveMonth = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`
  const months = async () =>
    (
      await store.select<{ month: string; parts: string }>(
        `SELECT partition_id AS month, count() AS parts FROM system.parts
         WHERE active AND database = {db:String} AND table = {table:String} GROUP BY month ORDER BY month`,
        { db: store.db, table },
      )
    ).map((row) => ({ month: row.month, parts: Number(row.parts), closed: row.month < liveMonth }))
  for (const { month, parts, closed } of await months()) {
    // A partition id the engine made from toYYYYMM: six digits, safe inside the statement.
    if (!closed || parts < 2 || !/^\d{6}$/.test(month)) continue
    onMonth(month)
    await store.command(`OPTIMIZE TABLE ${store.db}.${quoted(table)} PARTITION ID '${month}' FINAL`)
  }
  return months()
}

/**
 * Rows and bytes on disk of each table's active parts, largest first (an empty table shows 0), and
 * which are rollups: tables a view writes into, but for the raw table (a view writes it too, from
 * the order intake).
 */
export async function tableSizes(store: Store, rawTable: string): Promise<TableSize[]> {
  const parts = await store.select<{ table: string; rows: number; bytes: number }>(
    `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes
     FROM system.parts WHERE active AND database = {db:String} GROUP BY table`,
    { db: store.db },
  )
  const targets = await store.select<{ table: string }>(
    `SELECT DISTINCT target_table AS table FROM system.tables
     WHERE database = {db:String} AND engine = 'MaterializedView' AND target_database = {db:String}`,
    { db: store.db },
  )
  const projections = await store.select<{ table: string; name: string; rows: number; bytes: number }>(
    `SELECT table, name, sum(rows) AS rows, sum(bytes_on_disk) AS bytes
     FROM system.projection_parts WHERE active AND database = {db:String} GROUP BY table, name`,
    { db: store.db },
  )
  const rollups = new Set(targets.map((target) => target.table))
  const byTable = new Map(parts.map((part) => [part.table, part]))
  return [
    ...(await storedTables(store)).map((table) => ({
      table,
      rows: Number(byTable.get(table)?.rows ?? 0),
      bytes: Number(byTable.get(table)?.bytes ?? 0),
      rollup: rollups.has(table) && table !== rawTable,
    })),
    ...projections.map((projection) => ({
      table: `${projection.table} projection ${projection.name}`,
      rows: Number(projection.rows),
      bytes: Number(projection.bytes),
      rollup: false,
      projectionOf: projection.table,
    })),
  ].sort((a, b) => b.bytes - a.bytes)
}
