import type { Store } from '../src/clickhouse/store.ts'
import {
  CAMPAIGN_ROLLUPS,
  LAST_YEAR_ROLLUPS,
  ROLLUP_LEVELS,
  type RollupLevel,
  type WindowRollup,
} from '../src/figures/rollupLevels.ts'

/** Each rollup, the rows of it that hold every order once, and the raw orders those are. */
export function rollupChecks(store: Store): { table: string; rollup: string; raw: string }[] {
  const db = store.db
  const inside = (window: { startMs: number; endMs: number } | null, none: string) =>
    window
      ? `ts >= fromUnixTimestamp64Milli(${window.startMs}, 'UTC') AND ts < fromUnixTimestamp64Milli(${window.endMs}, 'UTC')`
      : none
  const check = (level: WindowRollup & Pick<RollupLevel, 'projection'>, rawWhere: string) => ({
    table: level.projection ?? level.table,
    // A projection's sums, read from its own rows (as kept: the states its parts hold).
    rollup: level.projection
      ? `SELECT toString(sumMerge(\`sum(amount)\`)) AS gmv, countMerge(\`count()\`) AS orders
        FROM mergeTreeProjection('${db}', '${level.table}', '${level.projection}')`
      : `SELECT toString(sum(gmv)) AS gmv, sum(orders) AS orders FROM ${db}.${level.table} WHERE ${level.sets[0]?.where || '1'}`,
    // The live-room rollups hold only orders with a room.
    raw: `SELECT toString(sum(amount)) AS gmv, count() AS orders FROM ${db}.orders
      WHERE ${level.requires === 'live_room' ? "live_room != ''" : '1'} AND ${rawWhere}`,
  })
  return [
    ...ROLLUP_LEVELS.map((level) => check(level, '1')),
    // The campaign rollups hold the orders inside the campaign window (all of them when open-ended).
    ...CAMPAIGN_ROLLUPS.map((level) => check(level, inside(store.layout.campaign, '1'))),
    // Last year's window rollups hold the orders inside it (none when no window is configured).
    ...LAST_YEAR_ROLLUPS.map((level) => check(level, inside(store.layout.lastYear, '0'))),
  ]
}

/** Orders held by the raw table and by every rollup: all must move together, or not at all. */
export async function storedOrderCounts(store: Store): Promise<Record<string, number>> {
  const checks = rollupChecks(store)
  const [row] = await store.select<Record<string, number>>(
    `SELECT (SELECT count() FROM ${store.db}.orders) AS raw, ${checks
      .map((check) => `(SELECT orders FROM (${check.rollup})) AS ${check.table}`)
      .join(', ')}`,
  )
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]))
}

/** Every rollup holds exactly its raw orders, each once: a retried or refused batch moved none of them. */
export async function rollupMismatches(store: Store): Promise<string[]> {
  const mismatches: string[] = []
  for (const check of rollupChecks(store)) {
    const [rollup] = await store.select<{ gmv: string; orders: number }>(check.rollup)
    const [raw] = await store.select<{ gmv: string; orders: number }>(check.raw)
    if (Number(rollup?.orders) !== Number(raw?.orders) || rollup?.gmv !== raw?.gmv) {
      mismatches.push(`${check.table}: ${JSON.stringify(rollup)} vs raw ${JSON.stringify(raw)}`)
    }
  }
  return mismatches
}
