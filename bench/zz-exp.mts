import { performance } from 'node:perf_hooks'
import { openStore } from '../server/src/clickhouse/store.ts'
import { loadConfig } from '../server/src/config.ts'
import { createLogger } from '../server/src/logger.ts'
import { getTop } from '../server/src/queries/getTop.ts'

const store = await openStore(
  { mode: 'embedded', dataDir: '/tmp/chk/bq', database: 'gmv_pulse' },
  createLogger('silent'),
)
const campaign = loadConfig({ CAMPAIGN_START: '2020-11-10T16:00:00Z', CAMPAIGN_END: '2020-11-11T16:00:00Z' }).campaign
const t = async (label: string, f: () => Promise<unknown>) => {
  await f()
  const s = performance.now()
  for (let i = 0; i < 5; i++) await f()
  console.log(label, ((performance.now() - s) / 5).toFixed(1), 'ms')
}
await t('getTop brand', () => getTop(store, campaign, { filter: {}, dimension: 'brand', sort: 'gmv', limit: 10 }))
await t('direct minute', () =>
  store.select(
    `SELECT brand, sum(gmv) g FROM gmv_pulse.orders_by_minute WHERE minute >= '2020-11-10 16:00:00' AND minute < '2020-11-11 16:00:00' GROUP BY brand ORDER BY g DESC LIMIT 10`,
  ),
)
await t('direct minute count', () => store.select(`SELECT count() FROM gmv_pulse.orders_by_minute`))
await t('direct raw', () =>
  store.select(
    `SELECT brand, sum(amount) g FROM gmv_pulse.orders WHERE ts >= '2020-11-10 16:00:00' AND ts < '2020-11-11 16:00:00' GROUP BY brand ORDER BY g DESC LIMIT 10`,
  ),
)
await t('brand_totals', () =>
  store.select(`SELECT brand, sum(gmv) g FROM gmv_pulse.brand_totals GROUP BY brand ORDER BY g DESC LIMIT 10`),
)
await t('cat minute', () =>
  store.select(
    `SELECT category, sum(gmv) g FROM gmv_pulse.orders_by_minute WHERE minute >= '2020-11-10 16:00:00' AND minute < '2020-11-11 16:00:00' GROUP BY category ORDER BY g DESC LIMIT 10`,
  ),
)
await t('getTop category', () => getTop(store, campaign, { filter: {}, dimension: 'category', sort: 'gmv', limit: 10 }))
await store.close()
