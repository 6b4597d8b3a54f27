import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ClickHouseClient, createClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { bootstrapStatements, schemaStatements } from './migrations.ts'

/**
 * The embedded engine has no Keeper and no remote servers, so cluster DDL cannot run here
 * (see deploy/clickhouse-cluster/README.md to run it against a real cluster). Its parser
 * is ClickHouse's own, though: every statement must at least be valid ClickHouse SQL.
 */

let dataDir: string
let client: ClickHouseClient

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-ddl-'))
  const connection = createChdbConnection({ path: dataDir })
  client = createClient({ connection } as Parameters<typeof createClient>[0])
})

afterAll(async () => {
  await client.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function formatted(sql: string): Promise<string> {
  const result = await client.query({
    query: 'SELECT formatQuery({sql:String}) AS text',
    query_params: { sql },
    format: 'JSONEachRow',
  })
  const [row] = await result.json<{ text: string }>()
  return row?.text ?? ''
}

test('every single-node and cluster statement parses as ClickHouse SQL', async () => {
  for (const cluster of [undefined, 'gmv_cluster']) {
    const target = { db: 'gmv_pulse', ...(cluster ? { cluster } : {}) }
    const statements = [...bootstrapStatements(target), ...schemaStatements(target).flatMap((v) => v.statements)]
    for (const statement of statements) expect(await formatted(statement)).not.toBe('')
  }
})

test('schema_migrations means what the statement every existing database ran meant', async () => {
  // The statement migrate.ts ran before the schema was described per table, verbatim.
  const before = `CREATE TABLE IF NOT EXISTS gmv_pulse.schema_migrations (version UInt32, name String, applied_at DateTime('UTC'))
      ENGINE = ReplacingMergeTree ORDER BY version`
  const [, now] = bootstrapStatements({ db: 'gmv_pulse' })
  expect(await formatted(now ?? '')).toBe(await formatted(before))
})
