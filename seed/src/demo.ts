/**
 * The demo: starts a GMV Pulse server, backfills last year and the campaign so far, and
 * streams the midnight surge of 11.11 live, so a newcomer watches a moving screen within
 * a minute of `npm run demo`.
 *
 * Campaign time: orders keep the festival's own event times (2020, and 2019 for last year),
 * and the server runs the campaign's clock behind the wall clock (REPLAY_SHIFT_MS) so that
 * Nov 11 00:00:00 China time falls `leadSeconds` (60 s) after the command starts. The screens,
 * the explorer's days and the presenter's cutoff read the festival's dates ("Nov 11 00:00");
 * freshness ("updated 2 s ago") stays on the wall clock. The live stream begins at Nov 10
 * 23:59:00 campaign time; backfilled orders are those before it. The URL is printed once the
 * backfill is stored, well before midnight.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatClock } from '@gmv-pulse/shared'
import { runBackfill } from './backfill.ts'
import { campaignEndMs, campaignStartMs, toChinaIso } from './campaignWindow.ts'
import { createCampaignGenerator, validateScale } from './generator.ts'
import { createHttpSink } from './httpSink.ts'
import { runPacedProducer } from './pacedProducer.ts'

export interface DemoOptions {
  port?: number
  dataDir?: string
  /** Comma-separated ingest tokens for the server; the first is used to post. */
  ingestTokens?: string
  seed?: number
  /**
   * 1e-4 (or CAMPAIGN_SCALE): a 58-orders/s peak and about 330,000 backfilled orders, stored
   * in well under a minute on an idle 2-core machine. The peak on the wall is 583,000 × scale
   * orders in one second of the festival's own clock (the demo replays in real time, it does
   * not compress), and the backfill is about 3.4 billion × scale orders: a peak in the
   * thousands (scale 5e-3, 2,915/s) means 17 million orders stored before the wall opens,
   * minutes at the engine's 50–100k orders/s, so it is a choice, not the default.
   */
  scale?: number
  /** Seconds from the command to the Nov 11 midnight surge: soon enough to be watched, late enough for the backfill. */
  leadSeconds?: number
  repoRoot?: string
  signal?: AbortSignal
  env?: NodeJS.ProcessEnv
}

const NOV_11_SECOND = 10 * 86_400
/** The festival's own zone: the screens and this console read the campaign's clock in it. */
const DEMO_TIME_ZONE = 'Asia/Shanghai'
/** The server gets this long to come up (a cold ClickHouse start included). */
const HEALTH_TIMEOUT_MS = 60_000
/** After Ctrl-C the server gets this long to shut down before it is killed. */
const SHUTDOWN_DEADLINE_MS = 10_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with code ${server.exitCode} before it was healthy`)
    try {
      const response = await fetch(new URL('/api/v1/health', url), { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await sleep(250)
  }
  throw new Error(`the server was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s`)
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), SHUTDOWN_DEADLINE_MS)
  await exited
  clearTimeout(timer)
}

/**
 * The demo's own store, emptied at every start: each run shifts the campaign onto a new
 * "now", so orders left by an earlier run would sit in the wrong place on the timeline.
 */
function freshDemoDir(): string {
  const dir = './data/demo'
  rmSync(dir, { recursive: true, force: true })
  return dir
}

/**
 * A DATA_DIR the user chose is never emptied, and a second campaign written over the first
 * would double every figure: the demo starts only on an empty or new directory, and says so.
 */
function refuseStoreWithData(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(
      `DATA_DIR ${dir} already holds data: the demo writes a whole campaign and would count it twice. ` +
        'Remove the directory, name an empty one, or leave DATA_DIR unset for a fresh demo store.',
    )
  }
}

export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const scale = options.scale ?? (env.CAMPAIGN_SCALE ? Number(env.CAMPAIGN_SCALE) : 1e-4)
  validateScale(scale)
  const port = options.port ?? Number(env.PORT ?? 3000)
  const given = options.dataDir ?? env.DATA_DIR
  if (given !== undefined) refuseStoreWithData(given)
  const dataDir = given ?? freshDemoDir()
  const ingestTokens = options.ingestTokens ?? env.INGEST_TOKENS ?? randomBytes(24).toString('base64url')
  const token = ingestTokens.split(',')[0]?.trim() as string
  const seed = options.seed ?? 1111
  const leadSeconds = options.leadSeconds ?? 60
  const repoRoot = options.repoRoot ?? fileURLToPath(new URL('../../', import.meta.url))
  const url = `http://localhost:${port}`

  const launchMs = Math.ceil(Date.now() / 1000) * 1000
  const midnightMs = launchMs + leadSeconds * 1000
  // The festival keeps its own dates: orders carry 2020's event times, and the server's campaign
  // clock runs this far behind the wall clock, so Nov 11 00:00 arrives in leadSeconds.
  const shiftMs = midnightMs - (campaignStartMs(2020) + NOV_11_SECOND * 1000)
  const liveStartSecond = NOV_11_SECOND - leadSeconds

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      INGEST_TOKENS: ingestTokens,
      CAMPAIGN_NAME: '11.11 Global Shopping Festival 2020 (demo replay)',
      CAMPAIGN_START: toChinaIso(campaignStartMs(2020)),
      CAMPAIGN_END: toChinaIso(campaignEndMs(2020)),
      CAMPAIGN_TZ: DEMO_TIME_ZONE,
      LAST_YEAR_START: toChinaIso(campaignStartMs(2019)),
      LAST_YEAR_END: toChinaIso(campaignEndMs(2019)),
      CAMPAIGN_SCALE: String(scale),
      REPLAY_SHIFT_MS: String(shiftMs),
    },
  })
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  options.signal?.addEventListener('abort', onSignal)
  server.once('exit', onSignal)

  try {
    await waitForHealth(url, server)
    process.stderr.write(`\nGMV Pulse is up; storing the campaign so far and last year before the screens open…\n`)
    const sink = createHttpSink({ url, token })
    const now = createCampaignGenerator({ seed, scale, year: 2020 })
    const lastYear = createCampaignGenerator({ seed, scale, year: 2019 })
    const live = runPacedProducer({
      generator: now,
      sink,
      startSecond: liveStartSecond,
      wallStartMs: launchMs,
      keepEventTime: true,
      signal: stop.signal,
      reportEveryMs: 10_000,
      onReport: (r) =>
        process.stderr.write(
          `live ${toChinaIso(now.startMs + r.campaignSecond * 1000)} sent ${r.sentOrders} acknowledged ${r.acknowledgedOrders} failed ${r.failedOrders}\n`,
        ),
    })
    // The campaign so far, then last year's baseline; the URL only once both are stored, so the
    // first screen a newcomer sees is the whole campaign so far, its growth already settled.
    await runBackfill({
      generator: now,
      sink,
      toSecond: liveStartSecond,
      progress: true,
      label: 'campaign so far',
      signal: stop.signal,
    })
    await runBackfill({
      generator: lastYear,
      sink,
      progress: true,
      label: 'last year',
      signal: stop.signal,
    })
    if (!stop.signal.aborted) {
      const inSeconds = Math.round((midnightMs - Date.now()) / 1000)
      process.stderr.write(
        `\nGMV Pulse demo at ${url}\ningest token: ${token}\n` +
          `The screens show the festival's own clock (${DEMO_TIME_ZONE}): 11.11 00:00 ` +
          (inSeconds > 0 ? `arrives in ${inSeconds} s` : `was ${-inSeconds} s ago`) +
          `, at ${formatClock(midnightMs, DEMO_TIME_ZONE)} on this machine's clock there. Ctrl-C stops.\n\n`,
      )
    }
    await live
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await stopServer(server)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDemo().catch((error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
