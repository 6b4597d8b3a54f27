import { type Filter, type Flow, normaliseMoney, type Share, shareOf, toFen } from '@gmv-pulse/shared'
import type { QueryParams, Store } from '../clickhouse/store.ts'
import { rollupsCover } from './planSource.ts'
import type { Column } from './rollupLevels.ts'
import { READ_BUDGET_SETTINGS, sourceFor } from './source.ts'
import type { Range } from './timeRange.ts'

/**
 * GMV split by channel, category and region (largest first, with shares of the split's total)
 * and by brand origin × buyer region (the map's flow lines, largest first). Each is null where
 * no rollup keeps that split under this filter — a brand's regions, for one — rather than read
 * every order.
 */
export interface Splits {
  channels: Share[] | null
  categories: Share[] | null
  regions: Share[] | null
  flows: Flow[] | null
}

const SHARES = { channels: 'channel', categories: 'category', regions: 'region' } as const
const FLOW: readonly Column[] = ['brand_origin', 'region']
const ALL: readonly Column[] = ['channel', 'category', 'region', 'brand_origin']

interface SplitRow {
  split: string
  channel: string
  category: string
  region: string
  brand_origin: string
  gmv_text: string
  order_count: number
}

/** Grouping set per split; the rows say which split they belong to. */
const SETS: Readonly<Record<string, readonly Column[]>> = {
  channels: ['channel'],
  categories: ['category'],
  regions: ['region'],
  flows: FLOW,
}

export async function getSplits(store: Store, filter: Filter, range: Range, flowLimit: number): Promise<Splits> {
  const wanted = Object.entries(SETS).filter(([, columns]) => rollupsCover(filter, columns))
  const together = sourceFor(store, filter, range, { columns: ALL })
  // One scan answers every split when one rollup keeps them all with no raw edge (the day cube,
  // for the campaign so far); otherwise each split reads the rollups that keep it.
  const rows =
    wanted.length > 1 && together.rawMs === 0 && rollupsCover(filter, ALL)
      ? await readSplits(store, together.sql, together.params, wanted)
      : (
          await Promise.all(
            wanted.map(([name, columns]) => {
              const source = sourceFor(store, filter, range, { columns })
              return readSplits(store, source.sql, source.params, [[name, columns]])
            }),
          )
        ).flat()
  const of = (name: string) => rows.filter((row) => row.split === name)
  const covered = new Set(wanted.map(([name]) => name))
  const shares = (name: keyof typeof SHARES): Share[] | null => {
    if (!covered.has(name)) return null
    const list = of(name)
    const totalFen = list.reduce((total, row) => total + toFen(row.gmv_text), 0n)
    return list.map((row) => ({
      key: row[SHARES[name]],
      gmv: normaliseMoney(row.gmv_text),
      orders: Number(row.order_count),
      share: shareOf(toFen(row.gmv_text), totalFen),
    }))
  }
  return {
    channels: shares('channels'),
    categories: shares('categories'),
    regions: shares('regions'),
    flows: covered.has('flows')
      ? of('flows')
          .slice(0, flowLimit)
          .map((row) => ({ origin: row.brand_origin, region: row.region, gmv: normaliseMoney(row.gmv_text) }))
      : null,
  }
}

/** The splits asked for, each largest first (ties by key), from one source in one statement. */
async function readSplits(
  store: Store,
  sql: string,
  params: QueryParams,
  splits: readonly (readonly [string, readonly Column[]])[],
): Promise<SplitRow[]> {
  const present = new Set(splits.flatMap(([, columns]) => columns))
  // A column no split groups by (the source may not even carry it) reads as ''; one that some
  // split groups by reads as '' in the others' rows (group_by_use_nulls = 0).
  const output = ALL.map((column) => (present.has(column) ? column : `'' AS ${column}`)).join(', ')
  const sets = splits.map(([, columns]) => `(${columns.join(', ')})`).join(', ')
  const last = `'${splits.at(-1)?.[0]}'`
  const label =
    splits.length === 1
      ? last
      : `multiIf(${splits
          .slice(0, -1)
          .map(([name, columns]) => `${splitTest(columns, present)}, '${name}'`)
          .join(', ')}, ${last})`
  const rows = await store.select<SplitRow>(
    `SELECT ${label} AS split, ${output}, toString(sum(gmv)) AS gmv_text, sum(orders) AS order_count
     FROM (${sql})
     GROUP BY GROUPING SETS (${sets})
     ORDER BY split, sum(gmv) DESC, ${[...present].join(', ')}
     SETTINGS group_by_use_nulls = 0, ${READ_BUDGET_SETTINGS}`,
    params,
  )
  return rows
}

/** True for the rows of the grouping set that keeps exactly these columns of those present. */
function splitTest(columns: readonly Column[], present: ReadonlySet<Column>): string {
  const bits = [...present].map((column) => `grouping(${column}) = ${columns.includes(column) ? 0 : 1}`)
  return bits.join(' AND ')
}
