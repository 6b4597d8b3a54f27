/** What other packages import from the simulator. */
export { type AliasTable, buildAliasTable, sampleAlias } from './alias.ts'
export { type BackfillOptions, type BackfillResult, runBackfill } from './backfill.ts'
export { type GeneratorThroughput, measureGeneratorThroughput } from './bench/generatorThroughput.ts'
export { type BrandLaw, brandGmvAt, festivalBrandLaw, festivalBrandShares } from './brandLaw.ts'
export { type BrandUniverse, buildBrandUniverse } from './brandUniverse.ts'
export { aggregateYear, type CalibrationRow, calibrate, type YearTotals } from './calibrate.ts'
export { formatCalibrationTable } from './calibrationTable.ts'
export {
  CAMPAIGN_DAYS,
  CAMPAIGN_SECONDS,
  CAMPAIGN_YEARS,
  type CampaignYear,
  campaignEndMs,
  campaignStartMs,
  campaignYearOf,
  toChinaIso,
} from './campaignWindow.ts'
export { CATEGORIES, CHANNELS, REGION_WEIGHTS } from './catalog.ts'
export {
  type BatchOptions,
  type CampaignGenerator,
  createCampaignGenerator,
  DEFAULT_BATCH_ORDERS,
  type GeneratorOptions,
  MAX_BATCH_ORDERS,
  type NdjsonBatch,
  type OrderBatch,
} from './generator.ts'
export { createHttpSink, type HttpSink, type HttpSinkOptions, IngestError } from './httpSink.ts'
export { createLedgerFile } from './ledgerFile.ts'
export { emptySinkStats, type LedgerEntry, type OrderSink, type SinkBatch, type SinkStats } from './orderSink.ts'
export { type PacedProducerOptions, type ProducerReport, runPacedProducer } from './pacedProducer.ts'
export {
  HUNDRED_MILLION_CNY,
  moreThan,
  PEAK_ORDERS_PER_SECOND_2019,
  PUBLISHED_2020,
} from './publishedFigures.ts'
export { createRandom, deriveSeed, type Random } from './random.ts'
export { createRateProfile, ordersInSecond, PEAK_SECOND_AFTER_MIDNIGHT, type RateProfile } from './rateProfile.ts'
export { mapTime, type TimeMap } from './renderOrders.ts'
export { openStoreSink, type StoreSink } from './storeSink.ts'
