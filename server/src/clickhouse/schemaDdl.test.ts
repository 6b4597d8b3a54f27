import { describe, expect, test } from 'vitest'
import { layoutObjects } from './layout.ts'
import { bootstrapStatements, CUBE_STREAM, MIGRATIONS, SCHEMA_MIGRATIONS, schemaStatements } from './migrations.ts'
import { DEDUP_WINDOW_BLOCKS, REPLICA_PATH, renderStatements, type SchemaObject, type TableSpec } from './schemaDdl.ts'

const db = 'gmv_pulse'
const cluster = 'gmv_cluster'
const single = schemaStatements({ db })
const clustered = schemaStatements({ db, cluster })
const allSingle = [...bootstrapStatements({ db }), ...single.flatMap((version) => version.statements)]
const allClustered = [...bootstrapStatements({ db, cluster }), ...clustered.flatMap((version) => version.statements)]

const objects: SchemaObject[] = [SCHEMA_MIGRATIONS, ...MIGRATIONS.flatMap((migration) => migration.objects)]
/** Tables that hold rows (a Null stream holds none and has neither replicas nor a Distributed table). */
const tables = objects.filter((object): object is TableSpec => object.kind === 'table' && object.engine !== 'Null')
/** Null streams (the minute cube stream, the order intake) keep no rows, so they need no window. */
const nullTables = new Set(
  objects.flatMap((object) => (object.kind === 'table' && object.engine === 'Null' ? [object.name] : [])),
)
/** Tables views write rows into. */
const viewTargets = new Set(
  objects.flatMap((object) => (object.kind === 'view' && !nullTables.has(object.to) ? [object.to] : [])),
)
/** Views that write the table as inserts see it (Distributed on a cluster), as the order intake writes the orders. */
const routedViews = objects.flatMap((object) => (object.kind === 'view' && object.into === 'routed' ? [object] : []))
const layout = layoutObjects({
  timeZone: 'Asia/Shanghai',
  campaign: { startMs: 1604160000000, endMs: 1605110400000 },
  lastYear: { startMs: 1572537600000, endMs: 1573488000000 },
})
/** Tables GMV Pulse writes through their plain names: insertOrders.ts (past the intake), ingestLedger.ts, migrate.ts, layout.ts, lastYearSoFar.ts, backfills. */
const writtenDirectly = new Set([
  'orders',
  'last_year_so_far',
  'ingest_batches',
  'schema_migrations',
  'rollup_layout',
  ...[...objects, ...layout].flatMap((object) => (object.kind === 'backfill' ? [object.into] : [])),
])

const createdName = (statement: string) =>
  /^CREATE (?:TABLE|MATERIALIZED VIEW) IF NOT EXISTS \w+\.(\w+)/.exec(statement)?.[1]
const createTable = (statements: string[], name: string) =>
  statements.find((statement) => statement.startsWith(`CREATE TABLE IF NOT EXISTS ${db}.${name} `))
const isDistributed = (statement: string) => /ENGINE = Distributed\(/.test(statement)
/** On a cluster a dropped table goes twice: the Distributed table, then its local table. */
const isDistributedDrop = (statement: string) => /^DROP TABLE IF EXISTS \w+\.\w+(?<!_local) ON CLUSTER/.test(statement)
/** On a cluster an added column goes twice: the local table, then the Distributed table over it. */
const isDistributedAlter = (statement: string) => /^ALTER TABLE \w+\.\w+(?<!_local) ON CLUSTER/.test(statement)

describe('one node', () => {
  test('the statements are those every existing single-node database was built with', () => {
    expect(single).toMatchSnapshot()
    expect(bootstrapStatements({ db })).toMatchSnapshot()
  })

  test('nothing of a cluster appears', () => {
    for (const statement of allSingle) {
      expect(statement).not.toMatch(/ON CLUSTER|Replicated|Distributed|_local\b/)
    }
  })

  test('the raw table and every table a view writes into keep a non-replicated deduplication window', () => {
    for (const name of ['orders', ...viewTargets]) {
      expect(createTable(allSingle, name)).toContain(
        `SETTINGS non_replicated_deduplication_window = ${DEDUP_WINDOW_BLOCKS}`,
      )
    }
  })

  test('every view target is described as keeping a window (a rollup without one counts a retried batch twice)', () => {
    for (const name of viewTargets) expect(tables.find((table) => table.name === name)?.dedupWindow).toBe(true)
  })
})

describe('a cluster', () => {
  test('every CREATE runs ON CLUSTER with the configured name', () => {
    for (const statement of allClustered.filter((statement) => statement.startsWith('CREATE'))) {
      expect(statement).toMatch(new RegExp(`^CREATE [A-Z ]+ IF NOT EXISTS [\\w.]+ ON CLUSTER '${cluster}'( |$)`))
    }
  })

  test('every table holding rows is a Replicated* engine named <name>_local on a per-shard Keeper path', () => {
    for (const table of tables) {
      const statement = createTable(allClustered, `${table.name}_local`)
      expect(statement).toContain(`ENGINE = Replicated${table.engine}('${REPLICA_PATH}', '{replica}')`)
      expect(REPLICA_PATH).toContain('{shard}')
    }
    const locals = allClustered.filter(
      (statement) => createdName(statement)?.endsWith('_local') && !statement.endsWith('ENGINE = Null'),
    )
    expect(locals).toHaveLength(tables.length)
    for (const statement of locals) expect(statement).toMatch(/ENGINE = Replicated\w*MergeTree\(/)
  })

  test('replicated tables keep the same window under replicated_deduplication_window, never the non-replicated one', () => {
    for (const statement of allClustered) expect(statement).not.toContain('non_replicated_deduplication_window')
    for (const table of tables) {
      const statement = createTable(allClustered, `${table.name}_local`)
      if (table.dedupWindow) expect(statement).toContain(`replicated_deduplication_window = ${DEDUP_WINDOW_BLOCKS}`)
      else expect(statement).not.toContain('deduplication_window')
    }
  })

  test('every Distributed table keeps the plain name and points at <db>.<name>_local on the cluster', () => {
    const distributed = allClustered.filter(isDistributed)
    expect(distributed).toHaveLength(tables.length)
    for (const statement of distributed) {
      const name = createdName(statement)
      expect(statement).toContain(`${db}.${name} ON CLUSTER '${cluster}' AS ${db}.${name}_local`)
      expect(statement).toContain(`ENGINE = Distributed('${cluster}', '${db}', '${name}_local'`)
    }
  })

  test('queries find every table they read on one node under the same name on a cluster', () => {
    const singleTables = allSingle
      .filter((s) => s.startsWith('CREATE TABLE') && !s.endsWith('ENGINE = Null'))
      .map(createdName)
    const distributedTables = allClustered.filter(isDistributed).map(createdName)
    expect(new Set(distributedTables)).toEqual(new Set(singleTables))
  })

  test('tables written through the Distributed table have a sharding key; rollups that only views fill have none', () => {
    for (const table of tables) {
      const statement = allClustered.find((s) => isDistributed(s) && createdName(s) === table.name) ?? ''
      const args = /Distributed\((.*)\)$/.exec(statement)?.[1]?.split(', ') ?? []
      expect(args.length, table.name).toBe(writtenDirectly.has(table.name) ? 4 : 3)
    }
    expect(createTable(allClustered, 'orders')).toContain(`'orders_local', cityHash64(order_id))`)
  })

  test('every materialized view reads a local table and writes the local rollup, so each shard rolls up its own rows', () => {
    const views = allClustered.filter((statement) => statement.startsWith('CREATE MATERIALIZED VIEW'))
    expect(views).toHaveLength(objects.filter((object) => object.kind === 'view').length)
    const routed = new Set(routedViews.map((view) => view.name))
    for (const view of views) {
      const name = createdName(view) ?? ''
      // The order intake sends each order to its shard, as an insert into the orders table does.
      const target = routed.has(name) ? `${db}\\.orders` : `${db}\\.\\w+_local`
      expect(view).toMatch(new RegExp(` TO ${target} AS\\n`))
      expect(view).toMatch(new RegExp(`\\n\\s+FROM (\\(SELECT [^\\n]+ FROM )?${db}\\.\\w+_local\\)?\\n`))
    }
    expect([...routed]).toEqual(['order_intake_stored'])
  })

  test('the minute cube stream keeps nothing: a Null table on every node, with no Distributed table over it', () => {
    expect(createTable(allClustered, `${CUBE_STREAM}_local`)).toMatch(/ENGINE = Null$/)
    expect(allClustered.filter(isDistributed).map(createdName)).not.toContain(CUBE_STREAM)
  })

  test('a backfill through a Distributed table waits for the shards before it returns', () => {
    const inserts = allClustered.filter((statement) => statement.startsWith('INSERT'))
    expect(inserts.length).toBeGreaterThan(0)
    for (const insert of inserts) expect(insert).toContain('SETTINGS distributed_foreground_insert = 1')
  })

  test('each version adds exactly one Distributed table statement per table it makes, drops or alters', () => {
    for (const [index, migration] of MIGRATIONS.entries()) {
      const tableCount = migration.objects.filter(
        (object) =>
          (object.kind === 'table' && object.engine !== 'Null') ||
          (object.kind === 'drop' && object.what === 'TABLE') ||
          object.kind === 'addColumn',
      ).length
      expect(clustered[index]?.statements.length).toBe((single[index]?.statements.length ?? 0) + tableCount)
      expect(clustered[index]?.version).toBe(single[index]?.version)
    }
  })

  test('with the cluster parts taken out, the cluster statements are the single-node statements', () => {
    const undo = (statement: string) =>
      statement
        .replace(` ON CLUSTER '${cluster}'`, '')
        .replaceAll('_local', '')
        .replace(/Replicated(\w+)\('[^']*', '\{replica\}'\)/, '$1')
        .replace('replicated_deduplication_window', 'non_replicated_deduplication_window')
        .replace('\n      SETTINGS distributed_foreground_insert = 1', '')
    expect(
      allClustered
        .filter(
          (statement) => !isDistributed(statement) && !isDistributedDrop(statement) && !isDistributedAlter(statement),
        )
        .map(undo),
    ).toEqual(allSingle)
  })
})

test('the layout views read local tables and write local rollups on a cluster, cut in the layout time zone', () => {
  const views = renderStatements(layout, { db, cluster }).filter((statement) =>
    statement.startsWith('CREATE MATERIALIZED'),
  )
  expect(views).toHaveLength(layout.filter((object) => object.kind === 'view').length)
  for (const view of views) {
    expect(view).toMatch(new RegExp(` TO ${db}\\.\\w+_local AS\\n`))
    expect(view).toMatch(new RegExp(`\\n\\s+FROM ${db}\\.\\w+_local\\n`))
  }
  expect(views.filter((view) => view.includes("'Asia/Shanghai')"))).toHaveLength(3)
  expect(() => layoutObjects({ timeZone: "UTC') --", campaign: null, lastYear: null })).toThrow(/time zone/)
})

test('names that would break out of the DDL are refused', () => {
  expect(() => schemaStatements({ db, cluster: "gmv' SETTINGS x = 1 --" })).toThrow(/cluster name/)
  expect(() => schemaStatements({ db: 'gmv; DROP TABLE x' })).toThrow(/database name/)
  expect(() => renderStatements([], { db, cluster: '' })).toThrow(/cluster name/)
  const setting = (settings: Record<string, number>) =>
    renderStatements([{ kind: 'modifySettings', table: 'orders', settings }], { db })
  expect(setting({ min_age_to_force_merge_seconds: 60 })).toEqual([
    `ALTER TABLE ${db}.orders MODIFY SETTING min_age_to_force_merge_seconds = 60`,
  ])
  expect(() => setting({ 'ttl_only_drop_parts = 1, x': 1 })).toThrow(/table setting/)
  expect(() => setting({ min_age_to_force_merge_seconds: Number.NaN })).toThrow(/table setting/)
})
