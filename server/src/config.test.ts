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

test('by default the server trusts no proxy, is not behind https, and bounds analyst reads', () => {
  const config = loadConfig({})
  expect(config.trustProxy).toBeUndefined()
  expect(config.behindHttps).toBe(false)
  expect(config.readPool).toEqual({ size: 2, queue: 64, maxWaitMs: 10_000 })
  expect(config.readRateLimitPerMinute).toBe(300)
})

test('TRUST_PROXY takes a hop count or addresses, never true; BEHIND_HTTPS a boolean', () => {
  expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
  expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8'])
  expect(loadConfig({ BEHIND_HTTPS: 'true' }).behindHttps).toBe(true)
  expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/)
  expect(() => loadConfig({ BEHIND_HTTPS: 'perhaps' })).toThrow(/BEHIND_HTTPS/)
})

test('CORS_ORIGINS must be origins: a value that would add to the page’s policy is refused', () => {
  expect(loadConfig({ CORS_ORIGINS: 'http://wall.lan:3000, https://ops.example' }).corsOrigins).toEqual([
    'http://wall.lan:3000',
    'https://ops.example',
  ])
  expect(() => loadConfig({ CORS_ORIGINS: "https://ops.example; script-src 'unsafe-eval'" })).toThrow(/CORS_ORIGINS/)
  expect(() => loadConfig({ CORS_ORIGINS: 'https://ops.example/path' })).toThrow(/CORS_ORIGINS/)
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

test('the growth base scales with the campaign, never under a fen, and refuses zero', () => {
  expect(loadConfig({}).campaign.thresholds.growthBase).toBe('1000000.00')
  expect(loadConfig({ CAMPAIGN_SCALE: '0.0001' }).campaign.thresholds.growthBase).toBe('100.00')
  expect(loadConfig({ CAMPAIGN_SCALE: '0.000000001' }).campaign.thresholds.growthBase).toBe('0.01')
  expect(loadConfig({ GROWTH_BASE: '7.5' }).campaign.thresholds.growthBase).toBe('7.50')
  expect(() => loadConfig({ GROWTH_BASE: '0' })).toThrow(/GROWTH_BASE: must be at least 0.01/)
})
