import { PUBLISHED_2020 } from '@gmv-pulse/seed'
import { loadConfig } from '../../server/src/config.ts'
import { CAMPAIGN_END_MS, CAMPAIGN_START_MS, LAST_YEAR_END_MS, LAST_YEAR_START_MS } from './festivalShape.ts'

/** The production campaign for a scale store of this size; the store settings come from the same config the server reads. */
export function festivalConfig(size: number, dataDir: string) {
  return loadConfig({
    CAMPAIGN_START: new Date(CAMPAIGN_START_MS).toISOString(),
    CAMPAIGN_END: new Date(CAMPAIGN_END_MS).toISOString(),
    CAMPAIGN_TZ: 'Asia/Shanghai',
    LAST_YEAR_START: new Date(LAST_YEAR_START_MS).toISOString(),
    LAST_YEAR_END: new Date(LAST_YEAR_END_MS).toISOString(),
    // Thresholds and milestones scale with the orders, as in a demo at this size.
    CAMPAIGN_SCALE: String(Math.min(1, size / PUBLISHED_2020.orders)),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: 'gmv_pulse',
  })
}
