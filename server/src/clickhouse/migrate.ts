import type { ClickHouseClient } from '@clickhouse/client'
import type { Logger } from '../logger.ts'
import { MIGRATIONS } from './migrations.ts'

/** Brings the schema up to date; safe to run at every start and from several processes in turn. */
export async function migrate(client: ClickHouseClient, db: string, logger: Logger): Promise<void> {
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` })
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (version UInt32, name String, applied_at DateTime('UTC'))
      ENGINE = ReplacingMergeTree ORDER BY version`,
  })
  const result = await client.query({ query: `SELECT version FROM ${db}.schema_migrations`, format: 'JSONEachRow' })
  const applied = new Set((await result.json<{ version: number }>()).map((row) => Number(row.version)))
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue
    for (const statement of migration.statements(db)) await client.command({ query: statement })
    await client.insert({
      table: `${db}.schema_migrations`,
      values: [{ version: migration.version, name: migration.name, applied_at: Math.floor(Date.now() / 1000) }],
      format: 'JSONEachRow',
    })
    logger.info({ version: migration.version, name: migration.name }, 'migration applied')
  }
}
