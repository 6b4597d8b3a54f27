/**
 * Renders the schema from one description per table, for one node or for a cluster, so
 * the two layouts cannot drift apart.
 *
 * One node (embedded or a server): the tables under their own names, as they always were.
 *
 * A cluster (CLICKHOUSE_CLUSTER, a name from the servers' remote_servers): every table is
 * `<name>_local`, a Replicated* engine on each shard's replicas, with a Distributed table
 * under the old name over it, all created ON CLUSTER. Queries keep reading `${db}.orders`,
 * `${db}.orders_by_minute`, … and so read every shard; inserts go to the Distributed
 * tables, which route each row to one replica of its shard (internal_replication=true) and
 * let the replicas copy it among themselves.
 *
 * Materialized views are created on every node over the *local* raw table and write into
 * the *local* rollups, so each shard rolls up the rows it holds. A rollup key (a second, a
 * minute × dimensions, a brand) then has one partial row per shard, and reading through
 * the Distributed table returns all of them. That is correct because every query reading a
 * rollup already aggregates it with sum() … GROUP BY — it has to on one node too, where a
 * SummingMergeTree keeps several rows per key until parts merge.
 */

/** Where the schema goes. */
export interface SchemaTarget {
  /** Database; an identifier, checked by the config schema and again here. */
  db: string
  /** Cluster name as in the servers' remote_servers; unset: one node. */
  cluster?: string
}

export interface Column {
  name: string
  type: string
  comment?: string
}

export interface TableSpec {
  kind: 'table'
  name: string
  columns: readonly Column[]
  /** Null keeps nothing: a stream that views read from, so one pass over a raw block feeds several rollups. */
  engine: 'MergeTree' | 'SummingMergeTree' | 'ReplacingMergeTree' | 'Null'
  partitionBy?: string
  /** Unused by the Null engine. */
  orderBy: string
  /**
   * The table receives deduplicated inserts, directly or through a view: keep a window of
   * recent block hashes so a retried batch under the same insert_deduplication_token is
   * dropped here as in the raw table.
   */
  dedupWindow: boolean
  /** Rows older than this are dropped by the engine as parts merge (a TTL expression). */
  ttl?: string
  /** Further table settings, e.g. how often the TTL is applied. */
  settings?: Readonly<Record<string, number>>
  /** CHECK constraints, by name: the engine refuses a whole insert when one row breaks one, naming that row. */
  constraints?: readonly { name: string; check: string }[]
  /**
   * Cluster only: the Distributed table's sharding key, for tables written through it.
   * Unset for tables only views write into: their Distributed table is read-only (an insert
   * into it fails on a multi-shard cluster, which is what should happen).
   */
  shardBy?: string
}

export interface ViewSpec {
  kind: 'view'
  name: string
  /** Table the view reads inserts from (its local table on a cluster). */
  from: string
  /** Table the view writes into (its local table on a cluster). */
  to: string
  /** The SELECT list; continuation lines keep their own indentation. */
  select: string
  /** Rows of the source the view keeps; unset keeps them all. */
  where?: string
  /** Unset: the view passes rows through, one out for each row in. */
  groupBy?: string
  /**
   * The SELECT list of a subquery over the source that the view reads in its place, for what a
   * row needs of the others in its block (a window over the whole insert).
   */
  fromSelect?: string
  /**
   * Where the view writes on a cluster: 'local' (the default) writes this node's own table, as
   * rollups of the rows this shard holds do; 'routed' writes the Distributed table, which sends
   * each row to its shard, as an insert into the table would.
   */
  into?: 'local' | 'routed'
}

/** Removes a view or table that no longer pays for itself (views first: they write into tables). */
export interface DropSpec {
  kind: 'drop'
  what: 'VIEW' | 'TABLE'
  name: string
}

/** A one-off INSERT … SELECT over the tables as queries see them (Distributed on a cluster). */
export interface BackfillSpec {
  kind: 'backfill'
  into: string
  select: (db: string) => string
}

/** A column added to a table that exists (with its Distributed table on a cluster); rows stored before get the default. */
export interface AddColumnSpec {
  kind: 'addColumn'
  table: string
  column: Column
}

/**
 * A projection on a table that exists: a second copy of some of its columns in another order,
 * kept by the engine part by part and used by any query it answers with fewer rows read.
 * Parts stored before are given theirs by a mutation that runs in the background.
 */
export interface AddProjectionSpec {
  kind: 'addProjection'
  table: string
  name: string
  /** The projection's query: `SELECT … ORDER BY …`, or `SELECT … GROUP BY …` for sums kept per key. */
  select: string
  /** Rows per granule of the projection's own parts, when not the table's (8,192). */
  indexGranularity?: number
}

/** A projection taken off a table: its copy in every part goes with it. */
export interface DropProjectionSpec {
  kind: 'dropProjection'
  table: string
  name: string
}

/**
 * Table settings changed on a table that exists (on a cluster, its replicated table: the
 * Distributed one has no parts). The engine applies them as it next chooses merges.
 */
export interface ModifySettingsSpec {
  kind: 'modifySettings'
  table: string
  settings: Readonly<Record<string, number>>
}

export type SchemaObject =
  | TableSpec
  | ViewSpec
  | BackfillSpec
  | DropSpec
  | AddColumnSpec
  | AddProjectionSpec
  | DropProjectionSpec
  | ModifySettingsSpec

/**
 * Block hashes kept per table for insert deduplication. 10,000 blocks is about half an hour
 * of batches at the 583,000 orders/s peak in 100k batches. On a cluster every batch is
 * split over all shards (see ORDERS_SHARDING_KEY), so each shard sees as many blocks as one
 * node did and the same number holds. Replicated tables also drop hashes older than
 * replicated_deduplication_window_seconds (3,600 s by default on 26.x); older retries are
 * answered by the ingest_batches ledger.
 */
export const DEDUP_WINDOW_BLOCKS = 10_000

/** Suffix of the replicated tables on a cluster; the Distributed tables keep the plain names. */
export const LOCAL_SUFFIX = '_local'

/**
 * Keeper path of each replicated table: one per shard, shared by that shard's replicas.
 * {shard} and {replica} come from each server's macros; {database} and {table} are filled
 * in at CREATE time.
 */
export const REPLICA_PATH = '/clickhouse/tables/{shard}/{database}/{table}'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const CLUSTER_NAME = /^[A-Za-z0-9_.-]+$/

/** Renders the statements for these objects, in order. Pure: no engine is consulted. */
export function renderStatements(objects: readonly SchemaObject[], target: SchemaTarget): string[] {
  checkTarget(target)
  return objects.flatMap((object) => {
    if (object.kind === 'table') return renderTable(object, target)
    if (object.kind === 'view') return [renderView(object, target)]
    if (object.kind === 'drop') return renderDrop(object, target)
    if (object.kind === 'addColumn') return renderAddColumn(object, target)
    if (object.kind === 'addProjection') return renderAddProjection(object, target)
    if (object.kind === 'dropProjection') return [renderDropProjection(object, target)]
    if (object.kind === 'modifySettings') return [renderModifySettings(object, target)]
    return [renderBackfill(object, target)]
  })
}

export function renderCreateDatabase(target: SchemaTarget): string {
  checkTarget(target)
  return `CREATE DATABASE IF NOT EXISTS ${target.db}${onCluster(target)}`
}

/** Name of the table that holds a table's rows: itself on one node, `<name>_local` on a cluster. */
export function storageName(name: string, target: SchemaTarget): string {
  return target.cluster ? `${name}${LOCAL_SUFFIX}` : name
}

function checkTarget(target: SchemaTarget): void {
  if (!IDENTIFIER.test(target.db)) throw new Error(`not a database name: ${JSON.stringify(target.db)}`)
  if (target.cluster !== undefined && !CLUSTER_NAME.test(target.cluster)) {
    throw new Error(`not a cluster name: ${JSON.stringify(target.cluster)}`)
  }
}

function onCluster(target: SchemaTarget): string {
  return target.cluster ? ` ON CLUSTER '${target.cluster}'` : ''
}

function renderTable(table: TableSpec, target: SchemaTarget): string[] {
  const { db, cluster } = target
  const columns = [
    ...table.columns.map(
      (column) => `        ${column.name} ${column.type}${column.comment ? ` COMMENT ${quote(column.comment)}` : ''}`,
    ),
    ...(table.constraints ?? []).map(({ name, check }) => `        CONSTRAINT ${name} CHECK ${check}`),
  ].join(',\n')
  if (table.engine === 'Null') {
    // Nothing to replicate or to read across shards: one per node, under the local name.
    return [
      `CREATE TABLE IF NOT EXISTS ${db}.${storageName(table.name, target)}${onCluster(target)} (
${columns}
      ) ENGINE = Null`,
    ]
  }
  const engine = cluster ? `Replicated${table.engine}('${REPLICA_PATH}', '{replica}')` : table.engine
  const window = cluster ? 'replicated_deduplication_window' : 'non_replicated_deduplication_window'
  const settings = settingAssignments({
    ...(table.dedupWindow ? { [window]: DEDUP_WINDOW_BLOCKS } : {}),
    ...table.settings,
  })
  const clauses = [
    table.partitionBy ? `PARTITION BY ${table.partitionBy}` : null,
    `ORDER BY ${table.orderBy}`,
    table.ttl ? `TTL ${table.ttl}` : null,
    settings.length > 0 ? `SETTINGS ${settings.join(', ')}` : null,
  ].filter((clause) => clause !== null)
  const local = storageName(table.name, target)
  const create = `CREATE TABLE IF NOT EXISTS ${db}.${local}${onCluster(target)} (
${columns}
      ) ENGINE = ${engine}
      ${clauses.join('\n      ')}`
  if (!cluster) return [create]
  const distributedArgs = [`'${cluster}'`, `'${db}'`, `'${local}'`, ...(table.shardBy ? [table.shardBy] : [])]
  const distributed = `CREATE TABLE IF NOT EXISTS ${db}.${table.name}${onCluster(target)} AS ${db}.${local}
      ENGINE = Distributed(${distributedArgs.join(', ')})`
  return [create, distributed]
}

function renderAddColumn({ table, column }: AddColumnSpec, target: SchemaTarget): string[] {
  const { db, cluster } = target
  const definition = `${column.name} ${column.type}${column.comment ? ` COMMENT ${quote(column.comment)}` : ''}`
  const alter = (name: string) => `ALTER TABLE ${db}.${name}${onCluster(target)} ADD COLUMN IF NOT EXISTS ${definition}`
  // The replicated table first: the Distributed table only describes it.
  return cluster ? [alter(storageName(table, target)), alter(table)] : [alter(table)]
}

/**
 * ALTER TABLE on the table that holds a table's parts (the replicated one on a cluster): a
 * Distributed table has no parts, so no projection.
 */
function alterPartsOf(table: string, target: SchemaTarget): string {
  return `ALTER TABLE ${target.db}.${storageName(table, target)}${onCluster(target)}`
}

function renderAddProjection(
  { table, name, select, indexGranularity }: AddProjectionSpec,
  target: SchemaTarget,
): string[] {
  const alter = alterPartsOf(table, target)
  const settings = indexGranularity ? ` WITH SETTINGS (index_granularity = ${indexGranularity})` : ''
  return [
    `${alter} ADD PROJECTION IF NOT EXISTS ${name} (${select})${settings}`,
    `${alter} MATERIALIZE PROJECTION ${name}`,
  ]
}

function renderDropProjection({ table, name }: DropProjectionSpec, target: SchemaTarget): string {
  return `${alterPartsOf(table, target)} DROP PROJECTION IF EXISTS ${name}`
}

function renderModifySettings({ table, settings }: ModifySettingsSpec, target: SchemaTarget): string {
  return `${alterPartsOf(table, target)} MODIFY SETTING ${settingAssignments(settings).join(', ')}`
}

/** `name = value` for each table setting, as CREATE's SETTINGS and ALTER's MODIFY SETTING take them. */
function settingAssignments(settings: Readonly<Record<string, number>>): string[] {
  return Object.entries(settings).map(([name, value]) => {
    if (!IDENTIFIER.test(name) || !Number.isFinite(value)) throw new Error(`not a table setting: ${name} = ${value}`)
    return `${name} = ${value}`
  })
}

function renderView(view: ViewSpec, target: SchemaTarget): string {
  const { db } = target
  const to = view.into === 'routed' ? view.to : storageName(view.to, target)
  const from = `${db}.${storageName(view.from, target)}`
  const source = view.fromSelect ? `(SELECT ${view.fromSelect} FROM ${from})` : from
  return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${view.name}${onCluster(target)} TO ${db}.${to} AS
      SELECT ${view.select}
      FROM ${source}${view.where ? `\n      WHERE ${view.where}` : ''}${view.groupBy ? `\n      GROUP BY ${view.groupBy}` : ''}`
}

function renderDrop(drop: DropSpec, target: SchemaTarget): string[] {
  const { db } = target
  const names = drop.what === 'TABLE' && target.cluster ? [drop.name, storageName(drop.name, target)] : [drop.name]
  return names.map((name) => `DROP ${drop.what} IF EXISTS ${db}.${name}${onCluster(target)} SYNC`)
}

function renderBackfill(backfill: BackfillSpec, target: SchemaTarget): string {
  // Through a Distributed table the rows are otherwise queued on this node and sent to the
  // shards later; a migration run again meanwhile would see the target still empty and
  // count everything twice. Foreground: the INSERT returns once every shard has its rows.
  const settings = target.cluster ? '\n      SETTINGS distributed_foreground_insert = 1' : ''
  return `INSERT INTO ${target.db}.${backfill.into}${settings}
      ${backfill.select(target.db)}`
}

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
}
