/**
 * The simulator's command line: backfill, live, replay, calibrate. `--help` lists every option.
 * Bad arguments print one line on stderr and exit with code 2.
 */

import { runBackfill } from './backfill.ts'
import { calibrate } from './calibrate.ts'
import { formatCalibrationTable } from './calibrationTable.ts'
import { campaignStartMs, toChinaIso } from './campaignWindow.ts'
import { HELP, type ParsedArgs, parseCliArgs, UsageError } from './cliArgs.ts'
import { createCampaignGenerator } from './generator.ts'
import { createHttpSink } from './httpSink.ts'
import { createLedgerFile } from './ledgerFile.ts'
import type { OrderSink, SinkStats } from './orderSink.ts'
import { runPacedProducer } from './pacedProducer.ts'
import { openStoreSink } from './storeSink.ts'

function sinkFor(args: ParsedArgs) {
  if (!args.token) throw new UsageError('an ingest token is needed: --token, $GMV_PULSE_TOKEN or $INGEST_TOKENS')
  return createHttpSink({
    url: args.url,
    token: args.token,
    onAcknowledged: args.ledger ? createLedgerFile(args.ledger) : undefined,
    onRetry: ({ key, attempt, reason, waitMs }) =>
      process.stderr.write(`retry ${attempt} of ${key} in ${Math.round(waitMs)} ms: ${reason}\n`),
  })
}

async function run(args: ParsedArgs): Promise<void> {
  const stop = new AbortController()
  process.once('SIGINT', () => stop.abort())
  process.once('SIGTERM', () => stop.abort())
  switch (args.command) {
    case 'help':
      process.stdout.write(`${HELP}\n`)
      return
    case 'calibrate': {
      const rows = calibrate({ seed: args.seed, scale: args.scale })
      process.stdout.write(
        args.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatCalibrationTable(rows, args.scale)}\n`,
      )
      return
    }
    case 'backfill': {
      const sink: OrderSink & { stats: SinkStats; close?: () => Promise<void> } = args.dataDir
        ? await openStoreSink(args.dataDir, {
            ...(args.ledger ? { onAcknowledged: createLedgerFile(args.ledger) } : {}),
            onRetry: ({ attempt, reason, waitMs }) =>
              process.stderr.write(
                `\nretrying a batch (attempt ${attempt + 1}) in ${Math.round(waitMs)} ms: ${reason}\n`,
              ),
          })
        : sinkFor(args)
      const generator = createCampaignGenerator({ seed: args.seed, scale: args.scale, year: args.year })
      const result = await runBackfill({
        generator,
        sink,
        fromSecond: args.fromSecond,
        toSecond: args.toSecond,
        maxOrders: args.batchSize,
        concurrency: args.concurrency,
        progress: true,
        signal: stop.signal,
      })
      process.stderr.write(
        `backfilled ${result.orders.toLocaleString('en-US')} orders in ${result.batches} batches, ` +
          `${(result.gmvFen / 100).toLocaleString('en-US')} CNY, ${result.seconds.toFixed(1)} s ` +
          `(${sink.stats.duplicateBatches} already stored, ${sink.stats.retries} retries)\n`,
      )
      await sink.close?.()
      return
    }
    case 'live':
    case 'replay': {
      const sink = sinkFor(args)
      const generator = createCampaignGenerator({ seed: args.seed, scale: args.scale, year: args.year })
      const wallStartMs = Date.now()
      const campaignStartWall = wallStartMs - (args.startSecond * 1000) / args.speed
      process.stderr.write(
        `${args.command}: campaign time ${toChinaIso(campaignStartMs(args.year) + args.startSecond * 1000)} is now, ` +
          `${args.speed}× speed; events are stamped as if the campaign had begun at ${new Date(campaignStartWall).toISOString()}\n`,
      )
      const report = await runPacedProducer({
        generator,
        sink,
        startSecond: args.startSecond,
        speed: args.speed,
        wallStartMs,
        durationMs: args.durationMs,
        maxOrders: args.batchSize,
        signal: stop.signal,
        onReport: (r) =>
          process.stderr.write(
            `${toChinaIso(campaignStartMs(args.year) + r.campaignSecond * 1000)} sent ${r.sentOrders} ` +
              `acknowledged ${r.acknowledgedOrders} failed ${r.failedOrders} in flight ${r.inFlight}` +
              `${r.lastError ? ` (last error: ${r.lastError})` : ''}\n`,
          ),
      })
      if (report.failedOrders > 0) process.exitCode = 1
      return
    }
  }
}

async function main(): Promise<void> {
  let args: ParsedArgs
  try {
    args = parseCliArgs(process.argv.slice(2), process.env)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`seed: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  try {
    await run(args)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`seed: ${error.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}

await main()
