import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { type ClickHouseClient, type ClickHouseSettings, createClient } from '@clickhouse/client'
import { type ChdbConnection, createChdbConnection } from 'chdb/connection'
import type { StoreConfig } from '../config.ts'
import type { Logger } from '../logger.ts'
import { DEFAULT_LAYOUT, type RollupLayout, syncLayout } from './layout.ts'
import { migrate } from './migrate.ts'

/**
 * Settings on every read: decimals as JSON strings so money never passes through a JS
 * number, and 64-bit counts as plain numbers (order counts stay far below 2^53).
 */
const READ_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_decimals: 1,
  output_format_json_quote_64bit_integers: 0,
}

export type QueryParams = Record<string, unknown>

/** Two cores here: two reads at once use both; a third session waits for a core anyway. */
const READ_SESSIONS = 2

/** The store failed to answer (down, closed, timed out): callers answer 503 and may retry. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the store did not answer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/**
 * The engine refused a read that would pass its row budget (max_rows_to_read): a question no
 * rollup answers, over a range too long to read raw. The caller's request, not the store, is at fault.
 */
export class QueryTooBroadError extends Error {
  constructor(cause: unknown) {
    super('this question reads more rows than one answer may; narrow the time range or the filter', { cause })
  }
}

// TOO_MANY_ROWS (code 158) is what the engine raises when max_rows_to_read is passed.
const TOO_MANY_ROWS = /TOO_MANY_ROWS|\b158\b.*rows|Limit for rows/

/** The one place that knows whether ClickHouse is embedded or a server. Nothing above it does. */
export interface Store {
  readonly mode: 'embedded' | 'server'
  /** Database name, validated by the config schema, for qualified table names. */
  readonly db: string
  /** What the time-zone and window dependent rollups were built for: the query layer reads it. */
  readonly layout: RollupLayout
  /** Runs a SELECT with typed server-side parameters and returns its rows. */
  select<Row>(query: string, params?: QueryParams): Promise<Row[]>
  /**
   * Runs a statement that returns no rows (an INSERT … SELECT of derived sums) with typed
   * parameters, on a read session: a long one never holds up the ingest of orders.
   */
  execute(statement: string, params?: QueryParams): Promise<void>
  /** Inserts JSONCompactEachRow rows as one statement with per-insert settings. */
  insertRows(table: string, columns: readonly string[], rows: Buffer, settings: ClickHouseSettings): Promise<void>
  /** Runs a statement on the write path (DDL, maintenance), discarding any result. */
  command(query: string): Promise<void>
  ping(): Promise<boolean>
  version(): Promise<string | null>
  close(): Promise<void>
}

export async function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  const layout = config.layout ?? DEFAULT_LAYOUT
  const store =
    config.mode === 'embedded' ? openEmbedded(config.dataDir, config.database, layout) : openServer(config, layout)
  const cluster = config.mode === 'server' ? config.cluster : undefined
  try {
    await migrate(store.client, config.database, logger, { cluster })
    await syncLayout(store.client, { db: config.database, ...(cluster ? { cluster } : {}) }, store.layout, logger)
  } catch (error) {
    await store.close()
    throw error
  }
  return store
}

interface OpenedStore extends Store {
  readonly client: ClickHouseClient
}

function openEmbedded(dataDir: string, db: string, layout: RollupLayout): OpenedStore {
  const path = resolve(dataDir)
  mkdirSync(path, { recursive: true })
  // Sessions on one directory each run one statement at a time, side by side. Writes get one, so
  // a snapshot never waits behind a 100k-row insert; reads get READ_SESSIONS, so a tick's figures
  // run in parallel on both cores and one slow analyst query does not hold the next read.
  const connection: ChdbConnection = createChdbConnection({ path })
  const readConnections = Array.from({ length: READ_SESSIONS }, () => createChdbConnection({ path }))
  // chdb/connection implements @clickhouse/client's Connection contract; the client's
  // options type does not list `connection` yet, hence the widened object.
  const clientOf = (c: ChdbConnection) =>
    createClient({ connection: c, clickhouse_settings: READ_SETTINGS } as Parameters<typeof createClient>[0])
  const client = clientOf(connection)
  const readers = readConnections.map(clientOf)
  return {
    ...commonStore(readers, db, 'embedded', layout),
    client,
    async command(query) {
      await client.command({ query })
    },
    async close() {
      for (const reader of readers) await reader.close()
      await client.close()
    },
    // The raw passthrough hands the bytes to the engine's parser without building a SQL
    // string around them, and puts settings in the statement's SETTINGS clause, where
    // client.insert on this connection would issue session-wide SETs that outlive the insert.
    async insertRows(table, columns, rows, settings) {
      await connection.chdb.rawInsert({
        table,
        columns,
        values: rows,
        format: 'JSONCompactEachRow',
        settings: settings as Record<string, string | number | boolean>,
      })
    },
  }
}

function openServer(config: Extract<StoreConfig, { mode: 'server' }>, layout: RollupLayout): OpenedStore {
  const client = createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    clickhouse_settings: READ_SETTINGS,
    // A 100k-row batch with its views takes well under a second; 30 s means the server is in trouble.
    request_timeout: 30_000,
  })
  return {
    ...commonStore([client], config.database, 'server', layout),
    client,
    async command(query) {
      await client.command({ query })
    },
    // exec sends the encoded bytes as the request body; settings travel as URL parameters.
    async insertRows(table, columns, rows, settings) {
      const result = await client.exec({
        query: `INSERT INTO ${table} (${columns.join(', ')}) FORMAT JSONCompactEachRow`,
        values: Readable.from([rows]),
        clickhouse_settings: settings,
      })
      result.stream.resume()
    },
  }
}

/**
 * Reads go to the client with the fewest statements in flight: a server's HTTP client runs many
 * at once; an embedded session one, so embedded stores open several.
 */
function commonStore(clients: ClickHouseClient[], db: string, mode: Store['mode'], layout: RollupLayout) {
  const inFlight = clients.map(() => 0)
  const client = clients[0] as ClickHouseClient
  /** Runs on the client with the fewest statements in flight; engine errors become the store's. */
  async function onLeastBusy<T>(run: (client: ClickHouseClient) => Promise<T>): Promise<T> {
    const index = inFlight.indexOf(Math.min(...inFlight))
    inFlight[index] = (inFlight[index] ?? 0) + 1
    try {
      return await run(clients[index] as ClickHouseClient)
    } catch (error) {
      if (TOO_MANY_ROWS.test(error instanceof Error ? error.message : String(error))) {
        throw new QueryTooBroadError(error)
      }
      throw new StoreUnavailableError(error)
    } finally {
      inFlight[index] = (inFlight[index] ?? 1) - 1
    }
  }
  return {
    mode,
    db,
    layout,
    select<Row>(query: string, params: QueryParams = {}): Promise<Row[]> {
      return onLeastBusy(async (reader) => {
        const result = await reader.query({ query, query_params: params, format: 'JSONEachRow' })
        return await result.json<Row>()
      })
    },
    async execute(statement: string, params: QueryParams = {}): Promise<void> {
      await onLeastBusy((reader) => reader.command({ query: statement, query_params: params }))
    },
    async ping() {
      const result = await client.ping()
      return result.success
    },
    async version() {
      const result = await client.query({ query: 'SELECT version() AS version', format: 'JSONEachRow' })
      const [row] = await result.json<{ version: string }>()
      return row?.version ?? null
    },
    async close() {
      for (const each of clients) await each.close()
    },
  }
}
