import { BRAND_HOURS_PROJECTION, BRAND_SECONDS_PROJECTION } from '../clickhouse/migrations.ts'
import type { Grain } from './grains.ts'

/** Columns a figure may filter or group by: the allow-list of identifiers in generated SQL. */
export type Column = 'brand' | 'category' | 'channel' | 'live_room' | 'region' | 'brand_origin'

/** One way a rollup's rows can be read: the columns they are keyed by, and the rows that are. */
export interface RollupSet {
  columns: readonly Column[]
  /** SQL condition selecting this set's rows in a table holding several sets; '' when one. */
  where: string
  /**
   * Rows of this set in one bucket at festival scale (docs/storage.md): what reading a bucket
   * costs, so the planner can take hours of a small set over days of a large one.
   */
  rowsPerBucket: number
}

export interface RollupLevel {
  table: string
  grain: Grain
  /** The time column: the start of each row's bucket, DateTime('UTC'). */
  time: string
  /** Smallest first: a query reads the first set that carries every column it needs. */
  sets: readonly RollupSet[]
  /** A column every read must involve: the live-room table holds only orders with a room. */
  requires?: Column
  /**
   * Set when the rows are an aggregate projection of this (raw) table rather than a table of
   * sums: read as `sum(amount)` and `count()` grouped by `time` and the set's columns, with
   * conditions on `time` only, which the engine answers from the projection's rows.
   */
  projection?: string
}

const CUBE: readonly Column[] = ['category', 'channel', 'region', 'brand_origin']
/** A live room alone, with a category, or with a region: the sets of both live-room tables. */
const LIVE_ROOM_SETS: readonly RollupSet[] = [
  { columns: ['live_room'], where: 'carried = 0', rowsPerBucket: 2_400 },
  { columns: ['live_room', 'category'], where: 'carried = 2', rowsPerBucket: 2_400 * 40 },
  { columns: ['live_room', 'region'], where: 'carried = 1', rowsPerBucket: 2_400 * 45 },
]

/**
 * Every rollup by grain, coarsest first, each in order of preference (fewest rows first).
 * The schema itself lives in clickhouse/migrations.ts and clickhouse/layout.ts; docs/storage.md
 * gives each table's size at festival scale.
 */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [
  // Every combination present: about 23,500 a day.
  {
    table: 'orders_by_day_cube',
    grain: 'day',
    time: 'day',
    sets: [{ columns: CUBE, where: '', rowsPerBucket: 23_500 }],
  },
  {
    table: 'orders_by_brand_day',
    grain: 'day',
    time: 'day',
    sets: [{ columns: ['brand', 'category', 'brand_origin'], where: '', rowsPerBucket: 250_000 }],
    requires: 'brand',
  },
  {
    table: 'orders_by_live_room_day',
    grain: 'day',
    time: 'day',
    sets: LIVE_ROOM_SETS,
    requires: 'live_room',
  },
  {
    table: 'orders_by_hour_pair',
    grain: 'hour',
    time: 'hour',
    // Smallest first: 7 channels × 3 origins, 40 categories × 3 origins, 45 regions × 3 origins …
    sets: [
      { columns: ['channel', 'brand_origin'], where: 'carried = 5', rowsPerBucket: 7 * 3 },
      { columns: ['category', 'brand_origin'], where: 'carried = 9', rowsPerBucket: 40 * 3 },
      { columns: ['region', 'brand_origin'], where: 'carried = 3', rowsPerBucket: 45 * 3 },
      { columns: ['category', 'channel'], where: 'carried = 12', rowsPerBucket: 40 * 7 },
      { columns: ['channel', 'region'], where: 'carried = 6', rowsPerBucket: 7 * 45 },
      { columns: ['category', 'region'], where: 'carried = 10', rowsPerBucket: 40 * 45 },
    ],
  },
  // A brand's hours: no rollup table keeps them (brand × hour would be a fifth of the orders),
  // so they are an aggregate projection of the raw table, read for one brand at a time. In an
  // hour of the festival (8.8 million orders) nearly every brand sells.
  {
    table: 'orders',
    grain: 'hour',
    time: 'toStartOfHour(ts)',
    sets: [{ columns: ['brand', 'category', 'brand_origin'], where: '', rowsPerBucket: 200_000 }],
    requires: 'brand',
    projection: BRAND_HOURS_PROJECTION,
  },
  {
    table: 'orders_by_minute_key',
    grain: 'minute',
    time: 'minute',
    sets: [
      { columns: [], where: 'carried = 0', rowsPerBucket: 1 },
      { columns: ['category'], where: 'carried = 4', rowsPerBucket: 40 },
      { columns: ['channel'], where: 'carried = 2', rowsPerBucket: 7 },
      { columns: ['region'], where: 'carried = 1', rowsPerBucket: 45 },
    ],
  },
  { table: 'orders_by_second', grain: 'second', time: 'second', sets: [{ columns: [], where: '', rowsPerBucket: 1 }] },
  // A brand's seconds, likewise: a range's edges inside an hour are summed from these. One
  // second holds a row per brand selling in it: about 2,000 at the festival's mean rate.
  {
    table: 'orders',
    grain: 'second',
    time: 'toStartOfSecond(ts)',
    sets: [{ columns: ['brand', 'category', 'brand_origin'], where: '', rowsPerBucket: 2_000 }],
    requires: 'brand',
    projection: BRAND_SECONDS_PROJECTION,
  },
]

/** A rollup of the campaign window as a single bucket: no time column. */
export type WindowRollup = Pick<RollupLevel, 'table' | 'sets' | 'requires'>

/**
 * The campaign window as one bucket (clickhouse/layout.ts), in order of preference: the
 * campaign-so-far figures read one row per key there instead of every day of the day rollups.
 * brand_campaign is keyed by brand alone (a brand may sell in several categories), so it
 * answers no other filter.
 */
export const CAMPAIGN_ROLLUPS: readonly WindowRollup[] = [
  { table: 'cube_campaign', sets: [{ columns: CUBE, where: '', rowsPerBucket: 23_500 }] },
  { table: 'brand_campaign', sets: [{ columns: ['brand'], where: '', rowsPerBucket: 250_000 }], requires: 'brand' },
  { table: 'live_room_campaign', sets: LIVE_ROOM_SETS, requires: 'live_room' },
]

/** Last year's campaign window as one bucket: the first-time brands compare with every brand of it. */
export const LAST_YEAR_ROLLUPS: readonly WindowRollup[] = [
  { table: 'brand_last_year', sets: [{ columns: ['brand'], where: '', rowsPerBucket: 250_000 }], requires: 'brand' },
]

/** The rollup set that answers a query needing these columns at this grain, if any. */
export function setFor(level: WindowRollup, needed: ReadonlySet<Column>): RollupSet | undefined {
  if (level.requires && !needed.has(level.requires)) return undefined
  return level.sets.find((set) => [...needed].every((column) => set.columns.includes(column)))
}
