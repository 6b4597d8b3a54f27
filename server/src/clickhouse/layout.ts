import type { ClickHouseClient } from '@clickhouse/client'
import { floorTo } from '../figures/grains.ts'
import type { Logger } from '../logger.ts'
import { CUBE_COLUMNS, CUBE_STREAM, cubeStreamOf, RAW_SUMS, STREAM_SUMS } from './migrations.ts'
import { renderStatements, type SchemaObject, type SchemaTarget, storageName, type ViewSpec } from './schemaDdl.ts'

/**
 * What the configuration-dependent rollups are cut for: the campaign's time zone (day
 * buckets start at its midnight), the campaign window (cube_campaign, brand_campaign and
 * live_room_campaign keep it as one bucket: the campaign-so-far figures without a scan of
 * every day of the day rollups) and last year's window (brand_last_year). Everything else
 * is cut in UTC (migrations.ts).
 */
export interface RollupLayout {
  timeZone: string
  /** [startMs, endMs) of the campaign; null when the campaign is open-ended. */
  campaign: Window | null
  /** [startMs, endMs) of last year's campaign; null when none is configured. */
  lastYear: Window | null
}

export interface Window {
  startMs: number
  endMs: number
}

/** Used by stores opened without a campaign (benchmarks, tools): China time, no window. */
export const DEFAULT_LAYOUT: RollupLayout = { timeZone: 'Asia/Shanghai', campaign: null, lastYear: null }

// An IANA zone name; it is spliced into view definitions, so nothing else may pass.
const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/

function dayOf(column: string, timeZone: string): string {
  return `toDateTime(toStartOfDay(${column}, '${timeZone}'), 'UTC') AS day`
}

/** The views (and their backfills) that depend on the layout, in the order they must be created. */
export function layoutObjects(layout: RollupLayout): SchemaObject[] {
  if (!TIME_ZONE.test(layout.timeZone)) throw new Error(`not a time zone name: ${JSON.stringify(layout.timeZone)}`)
  const tz = layout.timeZone
  const cube = CUBE_COLUMNS.join(', ')
  return [
    // Days of the minute cube stream (migrations.ts): partial sums, not orders, are grouped here.
    ...viewWithBackfill({
      name: 'orders_by_day_cube_mv',
      from: CUBE_STREAM,
      to: 'orders_by_day_cube',
      select: `${dayOf('minute', tz)}, ${cube}, ${STREAM_SUMS}`,
      groupBy: `day, ${cube}`,
    }),
    ...viewWithBackfill({
      name: 'orders_by_brand_day_mv',
      from: 'orders',
      to: 'orders_by_brand_day',
      select: `${dayOf('ts', tz)}, brand, category, brand_origin, ${RAW_SUMS}`,
      groupBy: 'day, brand, category, brand_origin',
    }),
    ...viewWithBackfill({
      name: 'orders_by_live_room_day_mv',
      from: 'orders',
      to: 'orders_by_live_room_day',
      select: `${dayOf('ts', tz)}, ${ROOM_SETS_SELECT}`,
      where: "live_room != ''",
      groupBy: 'GROUPING SETS ((day, live_room), (day, live_room, category), (day, live_room, region))',
    }),
    ...windowObjects(layout),
  ]
}

/**
 * A live room alone, with a category or with a region (the GROUPING SETS beside it). grouping()
 * sets a bit per column left out of the set: 3 − it is the bitmask of those kept.
 */
const ROOM_SETS_SELECT = `toUInt8(3 - grouping(category, region)) AS carried, live_room, category, region, ${RAW_SUMS}`

/**
 * A view and the backfill that gives its table what the view would have written for the rows
 * already stored (the stream keeps none: its backfill reads what it would have carried).
 */
function viewWithBackfill(view: Omit<ViewSpec, 'kind'>): SchemaObject[] {
  const source = (db: string) => (view.from === CUBE_STREAM ? cubeStreamOf(db) : `${db}.${view.from}`)
  return [
    { kind: 'view', ...view },
    {
      kind: 'backfill',
      into: view.to,
      select: (db) =>
        `SELECT ${view.select} FROM ${source(db)}${view.where ? ` WHERE ${view.where}` : ''} GROUP BY ${view.groupBy}`,
    },
  ]
}

/** True when the window starts and ends on midnights of the layout's zone (null: all time). */
function onWholeDays(window: Window | null, timeZone: string): boolean {
  return (
    !window ||
    (floorTo('day', window.startMs, timeZone) === window.startMs &&
      floorTo('day', window.endMs, timeZone) === window.endMs)
  )
}

/** A condition keeping the rows of a time column inside the window ('1' for all time, '0' for none). */
function inside(window: Window | null, column: string, none = '1'): string {
  if (!window) return none
  if (!Number.isSafeInteger(window.startMs) || !Number.isSafeInteger(window.endMs)) {
    throw new Error('rollup window not integral')
  }
  return `${column} >= fromUnixTimestamp64Milli(${window.startMs}, 'UTC') AND ${column} < fromUnixTimestamp64Milli(${window.endMs}, 'UTC')`
}

/**
 * The campaign window as one bucket (all time when the campaign is open-ended): the cube
 * (cube_campaign), each brand (brand_campaign) and each live room alone, with a category or
 * with a region (live_room_campaign); and last year's window per brand (brand_last_year, empty
 * when none is configured). The figures over exactly a window read one row per key there
 * instead of every day of it. A window on whole days of the layout's zone — any real campaign —
 * is summed from the day rollups as they are written, a second small pass; only a window cut
 * mid-day (the demo's shifted campaign) needs its own pass over finer rows.
 */
function windowObjects(layout: RollupLayout): SchemaObject[] {
  const window = layout.campaign
  const onDays = onWholeDays(window, layout.timeZone)
  const between = (column: string) => inside(window, column)
  const cube = CUBE_COLUMNS.join(', ')
  const roomColumns = 'carried, live_room, category, region'
  const cubeCampaign = {
    name: 'cube_campaign_mv',
    to: 'cube_campaign',
    select: `${cube}, ${STREAM_SUMS}`,
    groupBy: cube,
  }
  const roomCampaign = { name: 'live_room_campaign_mv', to: 'live_room_campaign' }
  return [
    ...viewWithBackfill(
      onDays
        ? { ...cubeCampaign, from: 'orders_by_day_cube', where: between('day') }
        : { ...cubeCampaign, from: CUBE_STREAM, where: between('minute') },
    ),
    ...brandWindow('brand_campaign', layout, window, '1'),
    ...viewWithBackfill(
      onDays
        ? {
            ...roomCampaign,
            from: 'orders_by_live_room_day',
            select: `${roomColumns}, ${STREAM_SUMS}`,
            where: between('day'),
            groupBy: roomColumns,
          }
        : {
            ...roomCampaign,
            from: 'orders',
            select: ROOM_SETS_SELECT,
            where: `live_room != '' AND ${between('ts')}`,
            groupBy: 'GROUPING SETS ((live_room), (live_room, category), (live_room, region))',
          },
    ),
    ...brandWindow('brand_last_year', layout, layout.lastYear, '0'),
  ]
}

/** One row per brand of a window (`none` keeps all time or nothing when it is null). */
function brandWindow(table: string, layout: RollupLayout, window: Window | null, none: '1' | '0'): SchemaObject[] {
  const overseas = "max(brand_origin = 'overseas') AS overseas"
  const view = { name: `${table}_mv`, to: table, groupBy: 'brand' }
  return viewWithBackfill(
    onWholeDays(window, layout.timeZone)
      ? {
          ...view,
          from: 'orders_by_brand_day',
          select: `brand, ${overseas}, ${STREAM_SUMS}`,
          where: inside(window, 'day', none),
        }
      : { ...view, from: 'orders', select: `brand, ${overseas}, ${RAW_SUMS}`, where: inside(window, 'ts', none) },
  )
}

/** A layout view and the backfill that goes with it. */
interface LayoutUnit {
  view: ViewSpec & { kind: 'view' }
  objects: SchemaObject[]
}

function layoutUnits(layout: RollupLayout): LayoutUnit[] {
  const units: LayoutUnit[] = []
  for (const object of layoutObjects(layout)) {
    if (object.kind === 'view') units.push({ view: object, objects: [object] })
    else units.at(-1)?.objects.push(object)
  }
  return units
}

/** Each view's statements as rendered for this target: what a rebuild would run. */
function definitions(units: readonly LayoutUnit[], target: SchemaTarget): Record<string, string> {
  return Object.fromEntries(units.map((unit) => [unit.view.name, renderStatements(unit.objects, target).join(';\n')]))
}

/**
 * What the store's rollup_layout row says was built: each view's statements. A row written
 * before views were recorded one by one holds the layout and version 2 of layoutObjects,
 * whose views are the ones rendered today for that layout with no last-year window (the
 * last-year view came later); anything else unknown counts as nothing built.
 */
function builtDefinitions(recorded: string | undefined, target: SchemaTarget): Record<string, string> {
  if (!recorded) return {}
  try {
    const parsed = JSON.parse(recorded) as {
      views?: Record<string, string>
      objects?: number
      timeZone?: string
      campaign?: Window | null
    }
    if (parsed.views) return parsed.views
    if (parsed.objects === 2 && typeof parsed.timeZone === 'string' && parsed.campaign !== undefined) {
      return definitions(layoutUnits({ timeZone: parsed.timeZone, campaign: parsed.campaign, lastYear: null }), target)
    }
  } catch {
    // Not JSON: rebuild everything.
  }
  return {}
}

/**
 * Brings the configuration-dependent rollups in line with this start's layout. Only the views
 * whose statements changed are rebuilt — with the views that read from what they write — so a
 * new last-year window rebuilds one small rollup, not every day rollup over billions of raw
 * orders: each is dropped, its table emptied, then created again and backfilled, in creation
 * order. Runs before ingest opens, so no insert races a backfill; an interrupted rebuild
 * leaves the old record and is simply done again at the next start.
 */
export async function syncLayout(
  client: ClickHouseClient,
  target: SchemaTarget,
  layout: RollupLayout,
  logger: Logger,
): Promise<void> {
  const { db } = target
  const result = await client.query({
    query: `SELECT layout FROM ${db}.rollup_layout FINAL WHERE id = 1`,
    format: 'JSONEachRow',
  })
  const [built] = await result.json<{ layout: string }>()
  const units = layoutUnits(layout)
  const wanted = definitions(units, target)
  const record = JSON.stringify({ layout, views: wanted })
  if (built?.layout === record) return
  const before = builtDefinitions(built?.layout, target)
  const rebuilt: LayoutUnit[] = []
  for (const unit of units) {
    // Units come in creation order, so a view's source is settled before the view is looked at.
    const sourceRebuilt = rebuilt.some((earlier) => earlier.view.to === unit.view.from)
    if (before[unit.view.name] === wanted[unit.view.name] && !sourceRebuilt) continue
    rebuilt.push(unit)
  }
  const started = Date.now()
  const onCluster = target.cluster ? ` ON CLUSTER '${target.cluster}'` : ''
  const drops: SchemaObject[] = rebuilt.map(({ view }) => ({ kind: 'drop', what: 'VIEW', name: view.name }))
  for (const statement of renderStatements(drops, target)) await client.command({ query: statement })
  for (const { view } of rebuilt) {
    await client.command({ query: `TRUNCATE TABLE IF EXISTS ${db}.${storageName(view.to, target)}${onCluster} SYNC` })
  }
  for (const unit of rebuilt) {
    for (const statement of renderStatements(unit.objects, target)) await client.command({ query: statement })
  }
  await client.insert({
    table: `${db}.rollup_layout`,
    values: [{ id: 1, layout: record, built_at: Math.floor(Date.now() / 1000) }],
    format: 'JSONEachRow',
    ...(target.cluster ? { clickhouse_settings: { distributed_foreground_insert: 1 } } : {}),
  })
  if (rebuilt.length > 0) {
    logger.info(
      { layout, views: rebuilt.map((unit) => unit.view.name), ms: Date.now() - started },
      'rollups rebuilt for this layout',
    )
  }
}
