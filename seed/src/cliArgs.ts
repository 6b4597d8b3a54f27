/**
 * Parses and checks the CLI's arguments. Every mistake becomes a UsageError with one
 * clear line; the CLI prints it and exits with code 2.
 */
import { parseArgs } from 'node:util'
import { CAMPAIGN_SECONDS, type CampaignYear, campaignEndMs, campaignStartMs, toChinaIso } from './campaignWindow.ts'

export class UsageError extends Error {
  override name = 'UsageError'
}

export const COMMANDS = ['backfill', 'live', 'replay', 'calibrate'] as const
export type Command = (typeof COMMANDS)[number]

/** 1e-4 of 11.11: 232,000 orders and a 58-orders/s peak — a campaign a CI runner backfills in seconds. */
export const DEFAULT_SCALE = 1e-4
/** The calibration claim (±2 %) is made at 1e-3, where a brand near RMB 100 million × scale gets hundreds of orders. */
export const DEFAULT_CALIBRATION_SCALE = 1e-3
export const DEFAULT_SEED = 1111
export const DEFAULT_URL = 'http://localhost:3000'
/** Two minutes before the Nov 11 midnight surge. */
export const DEFAULT_START_AT = '2020-11-10T23:58:00+08:00'

export const HELP = `GMV Pulse campaign simulator: Alibaba's 11.11 (Nov 1–11, 2020) and its 2019 baseline.

Usage: npm run seed -- <command> [options]
       node --import tsx seed/src/cli.ts <command> [options]

Commands:
  backfill    Write a whole campaign, or a slice of it, through a running server's ingest API, as fast as it takes it.
  live        Post orders at wall-clock pace following the rate profile, event times mapped onto now.
  replay      Like live, but N times faster (--speed), so a quiet evening reaches midnight of 11.11 in minutes.
  calibrate   Generate a campaign and print generated vs published figures with the relative error.

Options (all commands):
  --seed N          Random seed, an integer 0 … 4294967295 (default ${DEFAULT_SEED}). Same seed and options → same orders, byte for byte.
  --scale S         Fraction of the real campaign, 0 < S ≤ 1: orders, GMV, rates and the RMB 100 million threshold scale
                    together; the 250,000-brand universe does not (default ${DEFAULT_SCALE}; calibrate: ${DEFAULT_CALIBRATION_SCALE}).
  --year Y          2020 (the campaign) or 2019 (last year's baseline, GMV / 1.26) (default 2020; not for calibrate).
  -h, --help        Show this help.

backfill, live, replay:
  --url URL         Server base URL (default ${DEFAULT_URL}, or $GMV_PULSE_URL).
  --token T         Ingest token (default $GMV_PULSE_TOKEN, else the first of $INGEST_TOKENS).
  --batch-size N    Orders per batch, 1 … 100000 (default 20000).
  --ledger FILE     Append one JSON line per acknowledged batch: key, orders, gmv, accepted, duplicate, attempts.

backfill:
  --from TIME       Start of the slice, ISO-8601 with an offset (default: campaign start, Nov 1 00:00 +08:00).
  --to TIME         End of the slice, exclusive (default: campaign end, Nov 12 00:00 +08:00). Times round down to the second.
  --concurrency N   Batches in flight, 1 … 64 (default 4).
  --data-dir DIR    Write straight into the embedded store at DIR instead of through a server (no server may
                    hold DIR: the engine allows one process per data directory). Same validation and idempotency.

live, replay:
  --start-at TIME   Campaign time that "now" corresponds to (default ${DEFAULT_START_AT}).
  --duration SEC    Stop after this many wall-clock seconds (default: at the campaign's end or Ctrl-C).
  --speed N         replay only: campaign seconds per wall second, 1 … 100000 (default 60).

calibrate:
  --json            Print the table as JSON.

Exit codes: 0 done, 1 failed (server unreachable, batch refused), 2 bad arguments.`

const OPTIONS = {
  seed: { type: 'string' },
  scale: { type: 'string' },
  year: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  url: { type: 'string' },
  token: { type: 'string' },
  'batch-size': { type: 'string' },
  ledger: { type: 'string' },
  'data-dir': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  concurrency: { type: 'string' },
  'start-at': { type: 'string' },
  duration: { type: 'string' },
  speed: { type: 'string' },
  json: { type: 'boolean' },
} as const
type OptionName = keyof typeof OPTIONS

const ALLOWED: Record<Command, readonly OptionName[]> = {
  backfill: ['seed', 'scale', 'year', 'url', 'token', 'batch-size', 'ledger', 'from', 'to', 'concurrency', 'data-dir'],
  live: ['seed', 'scale', 'year', 'url', 'token', 'batch-size', 'ledger', 'start-at', 'duration'],
  replay: ['seed', 'scale', 'year', 'url', 'token', 'batch-size', 'ledger', 'start-at', 'duration', 'speed'],
  calibrate: ['seed', 'scale', 'json'],
}

export interface ParsedArgs {
  command: Command | 'help'
  seed: number
  scale: number
  year: CampaignYear
  url: string
  token: string | undefined
  batchSize: number
  ledger: string | undefined
  /** Backfill straight into this embedded store instead of through a server. */
  dataDir: string | undefined
  fromSecond: number
  toSecond: number
  concurrency: number
  startSecond: number
  durationMs: number | undefined
  speed: number
  json: boolean
}

function number(name: string, text: string | undefined, fallback: number, min: number, max: number, integer: boolean) {
  if (text === undefined) return fallback
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${text}"`)
  if (integer && !Number.isInteger(value)) throw new UsageError(`--${name} must be an integer, got "${text}"`)
  if (value < min || value > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${text}`)
  return value
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** A campaign time as seconds since the campaign's start, checked against the window. */
function campaignSecond(name: string, text: string | undefined, year: CampaignYear, fallback: number): number {
  if (text === undefined) return fallback
  const ms = Date.parse(text)
  if (!ISO_WITH_OFFSET.test(text) || Number.isNaN(ms)) {
    throw new UsageError(
      `--${name} must be an ISO-8601 time with an offset, e.g. 2020-11-11T00:00:00+08:00, got "${text}"`,
    )
  }
  const start = campaignStartMs(year)
  const end = campaignEndMs(year)
  if (ms < start || ms > end) {
    throw new UsageError(
      `--${name} must lie in the ${year} campaign, ${toChinaIso(start)} … ${toChinaIso(end)}, got "${text}"`,
    )
  }
  return Math.floor((ms - start) / 1000)
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    // node:util's messages are clear but run over several lines; keep the first.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] as string
    throw new UsageError(
      message.includes('ambiguous') ? `${message} (write --name=-value for a negative value)` : message,
    )
  }
  const { values, positionals } = parsed
  const first = positionals[0]
  if (values.help || first === undefined || first === 'help') return { ...defaults(), command: 'help' }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`unknown command "${first}"; expected one of ${COMMANDS.join(', ')} (see --help)`)
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
  const command = first as Command
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'help' && !ALLOWED[command].includes(name))
      throw new UsageError(`--${name} does not apply to ${command}`)
  }
  const seed = number('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff, true)
  const defaultScale = command === 'calibrate' ? DEFAULT_CALIBRATION_SCALE : DEFAULT_SCALE
  const scale = number('scale', values.scale, defaultScale, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, false)
  if (!(scale > 0 && scale <= 1))
    throw new UsageError(`--scale must be greater than 0 and at most 1, got ${values.scale}`)
  const yearValue = number('year', values.year, 2020, 2019, 2020, true)
  const year = yearValue as CampaignYear
  const fromSecond = campaignSecond('from', values.from, year, 0)
  const toSecond = campaignSecond('to', values.to, year, CAMPAIGN_SECONDS)
  if (toSecond <= fromSecond) throw new UsageError('--to must be after --from')
  const startAtDefault = year === 2020 ? DEFAULT_START_AT : DEFAULT_START_AT.replace('2020', '2019')
  const duration = values.duration === undefined ? undefined : number('duration', values.duration, 0, 1, 1e7, false)
  return {
    command,
    seed,
    scale,
    year,
    url: values.url ?? env.GMV_PULSE_URL ?? DEFAULT_URL,
    token: values.token ?? env.GMV_PULSE_TOKEN ?? env.INGEST_TOKENS?.split(',')[0]?.trim(),
    batchSize: number('batch-size', values['batch-size'], 20_000, 1, 100_000, true),
    ledger: values.ledger,
    dataDir: values['data-dir'],
    fromSecond,
    toSecond,
    concurrency: number('concurrency', values.concurrency, 4, 1, 64, true),
    startSecond: campaignSecond('start-at', values['start-at'] ?? startAtDefault, year, 0),
    durationMs: duration === undefined ? undefined : duration * 1000,
    speed: number('speed', values.speed, command === 'replay' ? 60 : 1, 1, 100_000, false),
    json: values.json ?? false,
  }
}

function defaults(): Omit<ParsedArgs, 'command'> {
  return {
    seed: DEFAULT_SEED,
    scale: DEFAULT_SCALE,
    year: 2020,
    url: DEFAULT_URL,
    token: undefined,
    batchSize: 20_000,
    ledger: undefined,
    dataDir: undefined,
    fromSecond: 0,
    toSecond: CAMPAIGN_SECONDS,
    concurrency: 4,
    startSecond: 0,
    durationMs: undefined,
    speed: 1,
    json: false,
  }
}
