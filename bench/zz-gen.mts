import { openStore } from '../server/src/clickhouse/store.ts'
import { createLogger } from '../server/src/logger.ts'
import { generate } from './queries.ts'

const store = await openStore(
  { mode: 'embedded', dataDir: '/tmp/chk/bq', database: 'gmv_pulse' },
  createLogger('silent'),
)
await generate(store, 5_000_000, 0, Date.UTC(2020, 10, 10, 16), 'c')
await generate(store, 1_250_000, 5_000_000, Date.UTC(2019, 10, 10, 16), 'l')
await store.close()
