import { hostname } from 'node:os'
import { type Campaign, fromFen, normaliseMoney, SERVER_ROLES, toFen } from '@gmv-pulse/shared'
import { subYears } from 'date-fns'
import { z } from 'zod'
import { MAX_BLOCK_ROWS } from './clickhouse/insertOrders.ts'
import type { RollupLayout } from './clickhouse/layout.ts'

/**
 * The only reader of process.env. Parsed once at start-up; a wrong value stops the
 * process with a list of every problem rather than failing later in a request.
 */

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  )

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

/** "USD=7.05,EUR=7.70": CNY per unit of each currency. */
const fxRates = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const rates: Record<string, string> = { ...DEFAULT_FX_RATES }
    for (const pair of (value ?? '').split(',').filter((item) => item.trim())) {
      const [code, rate] = pair.split('=').map((part) => part.trim())
      if (!code || !/^[A-Z]{3}$/.test(code) || !rate || !/^\d+(\.\d{1,9})?$/.test(rate) || Number(rate) <= 0) {
        ctx.addIssue({ code: 'custom', message: `bad rate "${pair}", expected CODE=decimal such as USD=7.05` })
        continue
      }
      rates[code] = rate
    }
    rates.CNY = '1'
    return rates
  })

/**
 * Reference rates (CNY per unit) near the 2020 festival. Deployments set FX_RATES with
 * the rates their finance team settles at; these only keep a fresh install working.
 */
export const DEFAULT_FX_RATES: Readonly<Record<string, string>> = {
  CNY: '1',
  USD: '6.6',
  EUR: '7.8',
  GBP: '8.7',
  JPY: '0.063',
  KRW: '0.0059',
  HKD: '0.85',
  SGD: '4.9',
  MYR: '1.6',
  THB: '0.22',
  IDR: '0.00047',
  PHP: '0.137',
  VND: '0.00028',
  AUD: '4.8',
}

/** A CNY amount as configured: digits, with at most two decimal places. */
const cnyAmount = z.string().regex(/^\d+(\.\d{1,2})?$/)

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .default('gmv_pulse'),
  /** A ClickHouse cluster name: replicated local tables and Distributed tables, created ON CLUSTER. */
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .optional(),
  INGEST_TOKENS: csv,
  /** Origins allowed to call the API and open sockets from another site; none by default (same origin only). */
  CORS_ORIGINS: csv.pipe(
    z.array(
      z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'each must be an origin such as http://wall.lan:3000'),
    ),
  ),
  /**
   * The server is reached over https (a TLS proxy in front of it). Only then are HSTS and the CSP's
   * upgrade-insecure-requests sent: over plain http on a LAN they would blank every screen.
   */
  BEHIND_HTTPS: z.stringbool().default(false),
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed, as Express's `trust proxy`:
   * a hop count (1 = the nearest proxy) or comma-separated addresses, subnets or the names
   * loopback, linklocal, uniquelocal. Unset: the connection's own address is the client's. Never
   * `true`: anyone could then pick the address their reads are limited by.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? '').trim()
      if (text === '' || text === 'false') return undefined
      if (/^\d+$/.test(text)) return Number(text)
      if (text === 'true') {
        ctx.addIssue({ code: 'custom', message: "give a hop count or the proxies' addresses, not true" })
        return undefined
      }
      return text.split(',').map((item) => item.trim())
    }),
  VIEWER_TOKENS: csv,
  /** Tokens for the wall's remote control (/control); none means the control is disabled, never open. */
  CONTROL_TOKENS: csv,
  /**
   * Tokens a wall page shows to register as a screen on /control (`?screenToken=` on the wall's
   * URL). A viewer token is not one: watching the numbers is not the right to appear in the
   * control's list. None means no screen registers (walls still show the overview).
   */
  SCREEN_TOKENS: csv,
  /**
   * Wall screens registered on one instance at once. A war room runs tens of screens; 200 is
   * room to spare while a control page's table (and each push of it) stays small.
   */
  MAX_SCREENS: positiveInt(200),
  /**
   * Distinct filters watched at once (on the computing core: across the cluster). Each costs
   * one snapshot computation per tick, ~20-50 ms of engine time; 64 of them fill about a
   * second of both cores, so past this a new filter is refused rather than aging every wall.
   * A thousand screens on one filter cost one computation, so walls never meet this cap.
   */
  LIVE_MAX_FILTERS: positiveInt(64),
  /**
   * Sockets one client address may hold. A hall of screens behind one NAT address is tens;
   * 500 leaves room for that and for a relay or a test rig, and stops one script holding thousands.
   */
  LIVE_MAX_SOCKETS_PER_ADDRESS: positiveInt(500),
  /**
   * Subscribes one socket may send per second. A wall switches filter once per control command,
   * an analyst a few times a second at most; five a second is both, and a flood is refused in the ack.
   */
  LIVE_SUBSCRIBES_PER_SECOND: positiveInt(5),
  /** Orders per second per ingest token; unset means no limit, so a benchmark is never throttled. */
  INGEST_RATE_LIMIT: z.coerce.number().int().positive().optional(),
  /** 100,000 orders of ~250 bytes of JSON are ~25 MB; 64 MB leaves room for long labels. */
  INGEST_MAX_BODY_BYTES: positiveInt(64 * 1024 * 1024),
  /** The issue asks for batches of at least 100,000; a bit more tolerates producers that round up. */
  // At most one engine block (insertOrders.ts): a batch is stored all-or-nothing.
  INGEST_MAX_BATCH_ORDERS: positiveInt(200_000).pipe(z.number().max(MAX_BLOCK_ROWS)),
  /**
   * Batches written to the store at once; the others wait their producer's turn for a slot
   * (ingest/FairAdmission.ts). Four keeps both cores busy (one parsing, one in the engine)
   * with one batch of slack each.
   */
  INGEST_MAX_IN_FLIGHT: positiveInt(4),
  /**
   * Requests between their headers and their answer, each holding its body in memory: this
   * bounds memory (64 × a 100k batch of ~20 MB). Past it, or past a producer's share, 503 +
   * Retry-After, and the producer backs off.
   */
  INGEST_MAX_PENDING: positiveInt(64),
  /** One producer's share of INGEST_MAX_PENDING: a flood or a trickle from one leaves room for the others. */
  INGEST_MAX_PENDING_PER_TOKEN: positiveInt(16),
  /**
   * A batch the store has not taken in this time is answered 503. A 100k batch takes well
   * under a second; 10 s means the store is stalled, and the producer should back off.
   */
  INGEST_STORE_TIMEOUT_MS: positiveInt(10_000),
  /**
   * Read requests per minute per client address. Measured roughly on 2 cores with 500k orders,
   * the embedded engine answers about 30–38 of the explorer's reads a second (1,800–2,300 a
   * minute) whatever the concurrency. An analyst clicking fast makes 2–3 a second; a wall reads
   * once and then listens. 300 (5 a second) keeps any one address to a fraction of the engine.
   * 0 turns it off.
   */
  READ_RATE_LIMIT: z.coerce.number().int().min(0).default(300),
  /**
   * Analyst reads answered at once; more wait in a queue of READ_QUEUE, and past it get 503 +
   * Retry-After. The embedded engine runs one parameterized statement at a time per process
   * (chdb serializes them), so two keeps one answering while the next is prepared; a server takes more.
   */
  READ_POOL_SIZE: positiveInt(2),
  /**
   * Analyst reads waiting for the pool; a full queue means the engine is saturated (503). An
   * explorer page asks about six things at once, so 64 lets ten analysts load a page together;
   * at the measured 30–38 reads a second the last of them waits about two seconds.
   */
  READ_QUEUE: z.coerce.number().int().min(0).default(64),
  /**
   * A read that has waited this long for its turn is answered 503 + Retry-After: the engine is
   * saturated. Ten seconds is about five times the wait of a full queue of ordinary reads.
   */
  READ_QUEUE_WAIT_MS: positiveInt(10_000),
  /** A body that has not arrived in this time is a stalled or hostile client (408). */
  REQUEST_TIMEOUT_MS: positiveInt(30_000),
  CAMPAIGN_TZ: z
    .string()
    .default('Asia/Shanghai')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'must be an IANA time zone such as Asia/Shanghai'),
  FX_RATES: fxRates,
  CAMPAIGN_NAME: z.string().min(1).max(100).default('11.11'),
  /** Campaign window; unset means open-ended: every stored order counts. */
  CAMPAIGN_START: z.iso.datetime({ offset: true }).optional(),
  CAMPAIGN_END: z.iso.datetime({ offset: true }).optional(),
  /** Last year's window for year-on-year; defaults to the same dates one year earlier. */
  LAST_YEAR_START: z.iso.datetime({ offset: true }).optional(),
  LAST_YEAR_END: z.iso.datetime({ offset: true }).optional(),
  CAMPAIGN_GMV_TARGET: cnyAmount.optional(),
  /** The simulator's scale; thresholds and milestones scale with it so a small demo still crosses them. */
  CAMPAIGN_SCALE: z.coerce.number().positive().max(1).default(1),
  /** A replay's campaign clock runs this many ms behind the wall clock (the demo sets it); 0 when live. */
  REPLAY_SHIFT_MS: z.coerce.number().int().min(0).default(0),
  /** CNY; default RMB 100 million × scale, the threshold of the published brand and live-room counts. */
  BRAND_GMV_THRESHOLD: cnyAmount.optional(),
  LIVE_ROOM_GMV_THRESHOLD: cnyAmount.optional(),
  /** CNY; default RMB 1 million × scale (at least one fen): the last-year base a key needs to be ranked by growth. */
  GROWTH_BASE: cnyAmount.refine((cny) => toFen(cny) > 0n, 'must be at least 0.01').optional(),
  /** Comma-separated CNY amounts; default the festival's landmarks (¥10亿 … ¥4982亿) × scale. */
  MILESTONES: z
    .string()
    .regex(/^\d+(\.\d{1,2})?(,\d+(\.\d{1,2})?)*$/)
    .optional(),
  /** Live tick. 250 ms is the floor: below it a screen cannot show the change and the store pays for nothing. */
  TICK_MS: z.coerce.number().int().min(250).max(60_000).default(1000),
  CLIENT_DIR: z.string().default('client/dist'),
  /** all: one process does everything; core: ingest, queries and snapshots; relay: viewer sockets only. */
  ROLE: z.enum(SERVER_ROLES).default('all'),
  /** Joins several instances: Socket.IO broadcasts, the computing lease and watched filters go through it. */
  REDIS_URL: z.url().optional(),
  /** This instance's name in the cluster (lease holder, logs); defaults to host and process id. */
  INSTANCE_ID: z.string().min(1).max(100).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Time allowed for in-flight inserts to finish on SIGTERM before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
})

export type Env = z.input<typeof envSchema>

/** Landmarks of the 2020 festival's count-up, in CNY before scaling: ¥10亿, ¥100亿, ¥1000亿 … the ¥4982亿 total. */
const DEFAULT_MILESTONES_CNY = [1e9, 1e10, 1e11, 2e11, 3e11, 4e11, 4.982e11]
const RMB_100_MILLION = 1e8
const RMB_1_MILLION = 1e6

/** A CNY amount × scale, exact to the fen, and never under `leastFen`. */
const scaledMoney = (cny: number, scale: number, leastFen = 0n) => {
  const fen = BigInt(Math.round(cny * 100 * scale))
  return fromFen(fen < leastFen ? leastFen : fen)
}

export interface Config {
  port: number
  host: string
  store: StoreConfig
  ingest: {
    tokens: readonly string[]
    rateLimitPerSecond: number | undefined
    maxBodyBytes: number
    maxBatchOrders: number
    maxInFlight: number
    maxPending: number
    maxPendingPerProducer: number
    storeTimeoutMs: number
  }
  viewerTokens: readonly string[]
  readRateLimitPerMinute: number
  /** Analyst reads at once, and how many may wait, before 503 + Retry-After. */
  readPool: { size: number; queue: number; maxWaitMs: number }
  behindHttps: boolean
  /** Express `trust proxy`: a hop count or trusted addresses; undefined trusts no proxy. */
  trustProxy: number | readonly string[] | undefined
  /** The remote control refuses everyone while this is empty. */
  controlTokens: readonly string[]
  live: LiveBudgets
  role: (typeof SERVER_ROLES)[number]
  redisUrl: string | undefined
  instanceId: string
  corsOrigins: readonly string[]
  /** Built client to serve at /; absent in API-only deployments. */
  clientDir: string
  campaignTimeZone: string
  campaign: Campaign
  fxRates: Readonly<Record<string, string>>
  requestTimeoutMs: number
  shutdownTimeoutMs: number
  logLevel: string
}

/** What one viewer, one address or all viewers together may ask of the live tier. */
export interface LiveBudgets {
  maxFilters: number
  maxSocketsPerAddress: number
  subscribesPerSecond: number
  /** Tokens that may register a wall screen; empty: none may. */
  screenTokens: readonly string[]
  maxScreens: number
}

export type StoreConfig = (
  | { mode: 'embedded'; dataDir: string; database: string }
  | { mode: 'server'; url: string; username: string; password: string; database: string; cluster?: string }
) & {
  /** What the time-zone and window dependent rollups are cut for; DEFAULT_LAYOUT when unset. */
  layout?: RollupLayout
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`)
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    // Name the variable, never echo its value: it may be a password or a token.
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
  }
  const e = parsed.data
  const problems: string[] = []
  if ((e.CAMPAIGN_START === undefined) !== (e.CAMPAIGN_END === undefined)) {
    problems.push('CAMPAIGN_START and CAMPAIGN_END: set both or neither')
  }
  if (e.CAMPAIGN_START && e.CAMPAIGN_END && Date.parse(e.CAMPAIGN_START) >= Date.parse(e.CAMPAIGN_END)) {
    problems.push('CAMPAIGN_START: must be before CAMPAIGN_END')
  }
  if ((e.LAST_YEAR_START === undefined) !== (e.LAST_YEAR_END === undefined)) {
    problems.push('LAST_YEAR_START and LAST_YEAR_END: set both or neither')
  }
  if (e.CLICKHOUSE_CLUSTER && !e.CLICKHOUSE_URL)
    problems.push('CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL (a cluster is never embedded)')
  if (e.ROLE !== 'all' && !e.REDIS_URL) problems.push(`ROLE: ${e.ROLE} needs REDIS_URL to reach the other instances`)
  if (problems.length > 0) throw new ConfigError(problems)
  const campaign = campaignFrom(e)
  const layout: RollupLayout = {
    timeZone: e.CAMPAIGN_TZ,
    campaign:
      campaign.start && campaign.end ? { startMs: Date.parse(campaign.start), endMs: Date.parse(campaign.end) } : null,
    lastYear: campaign.lastYear
      ? { startMs: Date.parse(campaign.lastYear.start), endMs: Date.parse(campaign.lastYear.end) }
      : null,
  }
  return {
    port: e.PORT,
    host: e.HOST,
    store: e.CLICKHOUSE_URL
      ? {
          mode: 'server',
          url: e.CLICKHOUSE_URL,
          username: e.CLICKHOUSE_USER,
          password: e.CLICKHOUSE_PASSWORD,
          database: e.CLICKHOUSE_DATABASE,
          ...(e.CLICKHOUSE_CLUSTER ? { cluster: e.CLICKHOUSE_CLUSTER } : {}),
          layout,
        }
      : { mode: 'embedded', dataDir: e.DATA_DIR, database: e.CLICKHOUSE_DATABASE, layout },
    ingest: {
      tokens: e.INGEST_TOKENS,
      rateLimitPerSecond: e.INGEST_RATE_LIMIT,
      maxBodyBytes: e.INGEST_MAX_BODY_BYTES,
      maxBatchOrders: e.INGEST_MAX_BATCH_ORDERS,
      maxInFlight: e.INGEST_MAX_IN_FLIGHT,
      maxPending: e.INGEST_MAX_PENDING,
      maxPendingPerProducer: e.INGEST_MAX_PENDING_PER_TOKEN,
      storeTimeoutMs: e.INGEST_STORE_TIMEOUT_MS,
    },
    viewerTokens: e.VIEWER_TOKENS,
    readRateLimitPerMinute: e.READ_RATE_LIMIT,
    readPool: { size: e.READ_POOL_SIZE, queue: e.READ_QUEUE, maxWaitMs: e.READ_QUEUE_WAIT_MS },
    behindHttps: e.BEHIND_HTTPS,
    trustProxy: e.TRUST_PROXY,
    controlTokens: e.CONTROL_TOKENS,
    live: {
      maxFilters: e.LIVE_MAX_FILTERS,
      maxSocketsPerAddress: e.LIVE_MAX_SOCKETS_PER_ADDRESS,
      subscribesPerSecond: e.LIVE_SUBSCRIBES_PER_SECOND,
      screenTokens: e.SCREEN_TOKENS,
      maxScreens: e.MAX_SCREENS,
    },
    role: e.ROLE,
    redisUrl: e.REDIS_URL,
    instanceId: e.INSTANCE_ID ?? `${hostname()}:${process.pid}`,
    corsOrigins: e.CORS_ORIGINS,
    clientDir: e.CLIENT_DIR,
    campaignTimeZone: e.CAMPAIGN_TZ,
    campaign,
    fxRates: e.FX_RATES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  }
}

function campaignFrom(e: z.output<typeof envSchema>): Campaign {
  const start = e.CAMPAIGN_START ? new Date(e.CAMPAIGN_START) : undefined
  const end = e.CAMPAIGN_END ? new Date(e.CAMPAIGN_END) : undefined
  const lastYear =
    e.LAST_YEAR_START && e.LAST_YEAR_END
      ? { start: new Date(e.LAST_YEAR_START).toISOString(), end: new Date(e.LAST_YEAR_END).toISOString() }
      : start && end
        ? { start: subYears(start, 1).toISOString(), end: subYears(end, 1).toISOString() }
        : null
  const milestones = e.MILESTONES
    ? e.MILESTONES.split(',').map(normaliseMoney)
    : DEFAULT_MILESTONES_CNY.map((cny) => scaledMoney(cny, e.CAMPAIGN_SCALE))
  return {
    name: e.CAMPAIGN_NAME,
    start: start?.toISOString() ?? null,
    end: end?.toISOString() ?? null,
    timeZone: e.CAMPAIGN_TZ,
    lastYear,
    gmvTarget: e.CAMPAIGN_GMV_TARGET ? normaliseMoney(e.CAMPAIGN_GMV_TARGET) : null,
    scale: e.CAMPAIGN_SCALE,
    thresholds: {
      brandGmv: e.BRAND_GMV_THRESHOLD
        ? normaliseMoney(e.BRAND_GMV_THRESHOLD)
        : scaledMoney(RMB_100_MILLION, e.CAMPAIGN_SCALE),
      liveRoomGmv: e.LIVE_ROOM_GMV_THRESHOLD
        ? normaliseMoney(e.LIVE_ROOM_GMV_THRESHOLD)
        : scaledMoney(RMB_100_MILLION, e.CAMPAIGN_SCALE),
      growthBase: e.GROWTH_BASE ? normaliseMoney(e.GROWTH_BASE) : scaledMoney(RMB_1_MILLION, e.CAMPAIGN_SCALE, 1n),
    },
    milestones: [...milestones].sort((a, b) => (toFen(a) < toFen(b) ? -1 : toFen(a) > toFen(b) ? 1 : 0)),
    tickMs: e.TICK_MS,
    usdRate: e.FX_RATES.USD ?? (DEFAULT_FX_RATES.USD as string),
    clockShiftMs: e.REPLAY_SHIFT_MS,
  }
}
