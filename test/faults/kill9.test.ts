/**
 * Proves: kill -9 of the server while a producer in its own process streams NDJSON
 * batches of 10,000 orders, six in flight, as fast as the server takes them (50,000–70,000
 * orders/s on these machines: printed, not asserted — speed is `npm run bench -- ingest`'s
 * business, and a shared machine's wall clock would make this test flaky), loses nothing and
 * doubles nothing. After a
 * restart on the same DATA_DIR and port, every batch the server acknowledged before the
 * kill is present exactly once — orders and GMV to the fen, in the raw table, the minute
 * rollup and the second rollup, checked against the producer's own ledger — and the
 * batches it had not acknowledged, retried by the producer with their Idempotency-Key,
 * end up exactly once too.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fromFen } from '@gmv-pulse/shared'
import { afterAll, expect, test } from 'vitest'
import type { LedgerLine, PlannedBatch } from './lib/faultBatches.ts'
import type { ProducerOptions } from './lib/producer.ts'
import { freePort, ServerProcess } from './lib/serverProcess.ts'
import { batchCounts, exactlyOnce, summary } from './lib/summary.ts'

const BATCHES = 60
const BATCH_SIZE = 10_000
/** Batches in flight: several, and within the server's admission limit set below. */
const CONCURRENCY = 6
/** Kill once this many batches are acknowledged: a third in, with the rest mid-flight or queued. */
const KILL_AFTER = 20

const workDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-kill9-'))
const ledgerPath = join(workDir, 'ledger.ndjson')
const token = 'fault-ingest-token'
let server: ServerProcess
let producer: ChildProcess | undefined

afterAll(async () => {
  if (producer && producer.exitCode === null) {
    producer.kill('SIGKILL')
    await once(producer, 'exit')
  }
  await server?.kill('SIGTERM')
  rmSync(workDir, { recursive: true, force: true })
})

function readLedger(): { planned: PlannedBatch[]; acknowledged: Set<string>; startedAt: number; lines: LedgerLine[] } {
  let text = ''
  try {
    text = readFileSync(ledgerPath, 'utf8')
  } catch {
    // Not written yet.
  }
  // A line being appended at this instant may be cut short: only whole lines count.
  const lines = text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as LedgerLine)
  const planned = lines.flatMap((line) => (line.type === 'planned' ? [line] : []))
  const acknowledged = new Set(lines.flatMap((line) => (line.type === 'acknowledged' ? [line.key] : [])))
  const started = lines.find((line) => line.type === 'started')
  return { planned, acknowledged, startedAt: started?.type === 'started' ? started.atMs : 0, lines }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

test('kill -9 under a stream of concurrent 10,000-order batches: acknowledged batches survive once, retried batches land once', async () => {
  const port = await freePort()
  server = new ServerProcess({
    dataDir: join(workDir, 'data'),
    port,
    token,
    // The check reads three sums per batch, 360 in all within a minute from one address: the
    // per-address read limit is for analysts, not for this audit of the store.
    env: { INGEST_MAX_IN_FLIGHT: String(CONCURRENCY + 2), READ_RATE_LIMIT: '0' },
  })
  await server.start()

  const options: ProducerOptions = {
    url: server.url,
    token,
    runId: `k${process.pid}`,
    batches: BATCHES,
    batchSize: BATCH_SIZE,
    concurrency: CONCURRENCY,
    ledgerPath,
    deadlineMs: 150_000,
  }
  producer = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'lib/producer.ts'), JSON.stringify(options)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  const producerExit = once(producer, 'exit')

  while (readLedger().acknowledged.size < KILL_AFTER) {
    if (producer.exitCode !== null) throw new Error(`the producer exited early with ${producer.exitCode}`)
    await sleep(5)
  }
  await server.kill('SIGKILL')
  const killedAt = Date.now()
  const beforeKill = readLedger()
  // The stream's rate once running: from the first acknowledgement to the kill, so the
  // server's first-batch warm-up (JIT, engine caches) is not counted against it.
  const acknowledgedAt = beforeKill.lines.flatMap((line) => (line.type === 'acknowledged' ? [line.atMs] : []))
  const rate = ((acknowledgedAt.length - 1) * BATCH_SIZE) / ((killedAt - (acknowledgedAt[0] as number)) / 1000)
  const warmUpMs = (acknowledgedAt[0] as number) - beforeKill.startedAt
  console.info(
    `acknowledged before the kill: ${acknowledgedAt.length} batches at ${Math.round(rate)} orders/s (first after ${warmUpMs} ms)`,
  )

  await server.start()
  // Acknowledged before the kill: each present once, in every table, straight after the restart.
  const acknowledgedBatches = beforeKill.planned.filter((batch) => beforeKill.acknowledged.has(batch.key))
  const afterRestart = await Promise.all(acknowledgedBatches.map((batch) => batchCounts(server.url, batch)))
  expect(afterRestart).toEqual(acknowledgedBatches.map(exactlyOnce))

  // The rest were retried through the restart with their keys; the producer stops when all are acknowledged.
  const [code] = await producerExit
  expect(code).toBe(0)
  const final = readLedger()
  expect(final.acknowledged.size).toBe(BATCHES)
  const everyBatch = await Promise.all(final.planned.map((batch) => batchCounts(server.url, batch)))
  expect(everyBatch).toEqual(final.planned.map(exactlyOnce))
  const totalFen = final.planned.reduce((sum, batch) => sum + BigInt(batch.gmvFen), 0n)
  expect(await summary(server.url)).toMatchObject({ orders: BATCHES * BATCH_SIZE, gmv: fromFen(totalFen) })
  // Batches in flight at the kill were retried: the path this test is about was taken.
  const retried = final.lines.filter((line) => line.type === 'acknowledged' && line.attempts > 1)
  expect(retried.length).toBeGreaterThan(0)
  const duplicates = retried.filter((line) => line.type === 'acknowledged' && line.duplicate).length
  console.info(`batches retried after the kill: ${retried.length}; answered as duplicates: ${duplicates}`)
}, 240_000)
