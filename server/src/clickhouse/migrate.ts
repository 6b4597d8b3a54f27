import type { ClickHouseClient } from '@clickhouse/client'
import type { Logger } from '../logger.ts'
import { bootstrapStatements, schemaStatements } from './migrations.ts'

export interface MigrateOptions {
  /**
   * Cluster name (CLICKHOUSE_CLUSTER) from the servers' remote_servers: replicated
   * `<name>_local` tables and Distributed tables over them, created ON CLUSTER. Unset: one node.
   */
  cluster?: string
}

/** Brings the schema up to date; safe to run at every start and from several processes in turn. */
export async function migrate(
  client: ClickHouseClient,
  db: string,
  logger: Logger,
  options: MigrateOptions = {},
): Promise<void> {
  const target = { db, ...(options.cluster ? { cluster: options.cluster } : {}) }
  for (const statement of bootstrapStatements(target)) await client.command({ query: statement })
  const result = await client.query({ query: `SELECT version FROM ${db}.schema_migrations`, format: 'JSONEachRow' })
  const applied = new Set((await result.json<{ version: number }>()).map((row) => Number(row.version)))
  for (const migration of schemaStatements(target)) {
    if (applied.has(migration.version)) continue
    for (const statement of migration.statements) await client.command({ query: statement })
    await client.insert({
      table: `${db}.schema_migrations`,
      values: [{ version: migration.version, name: migration.name, applied_at: Math.floor(Date.now() / 1000) }],
      format: 'JSONEachRow',
      // Through a Distributed table: wait until the shard has the row, so the next start sees it.
      ...(target.cluster ? { clickhouse_settings: { distributed_foreground_insert: 1 } } : {}),
    })
    logger.info({ version: migration.version, name: migration.name, cluster: target.cluster }, 'migration applied')
  }
}
