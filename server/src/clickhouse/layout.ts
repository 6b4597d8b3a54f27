import type { ClickHouseClient } from '@clickhouse/client'
import { floorTo } from '../figures/grains.ts'
import type { Logger } from '../logger.ts'
import { CUBE_COLUMNS, CUBE_STREAM, cubeStreamOf, RAW_SUMS, STREAM_SUMS } from './migrations.ts'
import { renderStatements, type SchemaObject, type SchemaTarget, storageName, type ViewSpec } from './schemaDdl.ts'

/**
 * What the configuration-dependent rollups are cut for: the campaign's time zone (day
 * buckets start at its midnight) and the campaign window (cube_campaign, brand_campaign and
 * live_room_campaign keep it as one bucket: the campaign-so-far figures without a scan of
 * every day of the day rollups). Everything else is cut in UTC (migrations.ts).
 */
export interface RollupLayout {
  timeZone: string
  /** [startMs, endMs) of the campaign; null when the campaign is open-ended. */
  campaign: { startMs: number; endMs: number } | null
}

/** Used by stores opened without a campaign (benchmarks, tools): China time, no window. */
export const DEFAULT_LAYOUT: RollupLayout = { timeZone: 'Asia/Shanghai', campaign: null }

/**
 * Raised whenever layoutObjects() creates other views or tables: a store built by an earlier
 * version then differs from the wanted layout and is rebuilt at its next start.
 */
const LAYOUT_OBJECTS_VERSION = 2

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
    ...campaignObjects(layout),
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

/**
 * The campaign window as one bucket (all time when the campaign is open-ended): the cube
 * (cube_campaign), each brand (brand_campaign) and each live room alone, with a category or
 * with a region (live_room_campaign). The campaign-so-far figures read one row per key there
 * instead of every day of it. A window on whole days of the layout's zone — any real campaign —
 * is summed from the day rollups as they are written, a second small pass; only a window cut
 * mid-day (the demo's shifted campaign) needs its own pass over finer rows.
 */
function campaignObjects(layout: RollupLayout): SchemaObject[] {
  const window = layout.campaign
  if (window && (!Number.isSafeInteger(window.startMs) || !Number.isSafeInteger(window.endMs))) {
    throw new Error('campaign window not integral')
  }
  const onDays =
    !window ||
    (floorTo('day', window.startMs, layout.timeZone) === window.startMs &&
      floorTo('day', window.endMs, layout.timeZone) === window.endMs)
  const between = (column: string) =>
    window
      ? `${column} >= fromUnixTimestamp64Milli(${window.startMs}, 'UTC') AND ${column} < fromUnixTimestamp64Milli(${window.endMs}, 'UTC')`
      : '1'
  const cube = CUBE_COLUMNS.join(', ')
  const overseas = "max(brand_origin = 'overseas') AS overseas"
  const roomColumns = 'carried, live_room, category, region'
  const cubeCampaign = {
    name: 'cube_campaign_mv',
    to: 'cube_campaign',
    select: `${cube}, ${STREAM_SUMS}`,
    groupBy: cube,
  }
  const brandCampaign = { name: 'brand_campaign_mv', to: 'brand_campaign', groupBy: 'brand' }
  const roomCampaign = { name: 'live_room_campaign_mv', to: 'live_room_campaign' }
  return [
    ...viewWithBackfill(
      onDays
        ? { ...cubeCampaign, from: 'orders_by_day_cube', where: between('day') }
        : { ...cubeCampaign, from: CUBE_STREAM, where: between('minute') },
    ),
    ...viewWithBackfill(
      onDays
        ? {
            ...brandCampaign,
            from: 'orders_by_brand_day',
            select: `brand, ${overseas}, ${STREAM_SUMS}`,
            where: between('day'),
          }
        : { ...brandCampaign, from: 'orders', select: `brand, ${overseas}, ${RAW_SUMS}`, where: between('ts') },
    ),
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
  ]
}

/**
 * Brings the configuration-dependent rollups in line with this start's layout. A layout
 * already built is left alone; a changed one (another time zone, another campaign window) is
 * rebuilt from the raw table: views dropped, tables emptied, views created, then backfilled.
 * Runs before ingest opens, so no insert races the backfill; an interrupted rebuild leaves no
 * layout row and is simply done again at the next start.
 */
export async function syncLayout(
  client: ClickHouseClient,
  target: SchemaTarget,
  layout: RollupLayout,
  logger: Logger,
): Promise<void> {
  const { db } = target
  const wanted = JSON.stringify({ ...layout, objects: LAYOUT_OBJECTS_VERSION })
  const result = await client.query({
    query: `SELECT layout FROM ${db}.rollup_layout FINAL WHERE id = 1`,
    format: 'JSONEachRow',
  })
  const [built] = await result.json<{ layout: string }>()
  if (built?.layout === wanted) return
  const started = Date.now()
  const onCluster = target.cluster ? ` ON CLUSTER '${target.cluster}'` : ''
  const objects = layoutObjects(layout)
  // Every layout has the same views, whatever it cuts them for: the ones about to be created are
  // the ones to drop, and the tables they write into the ones to empty.
  const views = objects.filter((object) => object.kind === 'view')
  const drops: SchemaObject[] = views.map((view) => ({ kind: 'drop', what: 'VIEW', name: view.name }))
  for (const statement of renderStatements(drops, target)) await client.command({ query: statement })
  for (const { to } of views) {
    await client.command({ query: `TRUNCATE TABLE IF EXISTS ${db}.${storageName(to, target)}${onCluster} SYNC` })
  }
  for (const statement of renderStatements(objects, target)) await client.command({ query: statement })
  await client.insert({
    table: `${db}.rollup_layout`,
    values: [{ id: 1, layout: wanted, built_at: Math.floor(Date.now() / 1000) }],
    format: 'JSONEachRow',
    ...(target.cluster ? { clickhouse_settings: { distributed_foreground_insert: 1 } } : {}),
  })
  logger.info({ layout, ms: Date.now() - started }, 'rollups rebuilt for this layout')
}
