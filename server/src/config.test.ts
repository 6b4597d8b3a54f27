import { expect, test } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

test('defaults give an embedded store on port 3000 with ingest closed', () => {
  const config = loadConfig({})
  expect(config.port).toBe(3000)
  expect(config.store).toEqual({
    mode: 'embedded',
    dataDir: './data',
    database: 'gmv_pulse',
    // Day rollups in China time; no campaign window, so no campaign-window brand table.
    layout: { timeZone: 'Asia/Shanghai', campaign: null, lastYear: null },
  })
  expect(config.ingest.tokens).toEqual([])
  expect(config.campaignTimeZone).toBe('Asia/Shanghai')
})

test('CLICKHOUSE_URL switches to a server', () => {
  const config = loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_PASSWORD: 'pw' })
  expect(config.store).toMatchObject({ mode: 'server', url: 'http://ch:8123', password: 'pw' })
})

test('every bad variable is listed by name, and no value is echoed', () => {
  let error: unknown
  try {
    loadConfig({ PORT: 'eighty', CAMPAIGN_TZ: 'Mars/Olympus', FX_RATES: 'USD=abc', CLICKHOUSE_PASSWORD: 's3cret' })
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ConfigError)
  const message = (error as ConfigError).message
  expect(message).toContain('PORT')
  expect(message).toContain('CAMPAIGN_TZ')
  expect(message).toContain('FX_RATES')
  expect(message).not.toContain('s3cret')
})

test('FX_RATES adds to the reference rates, and CNY is always 1', () => {
  const { fxRates } = loadConfig({ FX_RATES: 'USD=7.05, NZD=4.2,CNY=2' })
  expect(fxRates).toMatchObject({ USD: '7.05', NZD: '4.2', CNY: '1', EUR: expect.any(String) })
})

test('the live budgets have defaults, take the environment, and refuse a zero or a word', () => {
  expect(loadConfig({}).live).toEqual({
    maxFilters: 64,
    maxSocketsPerAddress: 500,
    subscribesPerSecond: 5,
    screenTokens: [],
    maxScreens: 200,
  })
  expect(
    loadConfig({
      LIVE_MAX_FILTERS: '8',
      LIVE_MAX_SOCKETS_PER_ADDRESS: '3',
      LIVE_SUBSCRIBES_PER_SECOND: '2',
      SCREEN_TOKENS: 'wall-a, wall-b',
      MAX_SCREENS: '4',
    }).live,
  ).toEqual({
    maxFilters: 8,
    maxSocketsPerAddress: 3,
    subscribesPerSecond: 2,
    screenTokens: ['wall-a', 'wall-b'],
    maxScreens: 4,
  })
  expect(() => loadConfig({ LIVE_MAX_FILTERS: '0', LIVE_SUBSCRIBES_PER_SECOND: 'many' })).toThrow(
    /LIVE_MAX_FILTERS[\s\S]*LIVE_SUBSCRIBES_PER_SECOND/,
  )
})
