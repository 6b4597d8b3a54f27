/**
 * Proves: kill -9 of a backfill writing straight into the embedded store (the store sink,
 * `npm run seed -- backfill --data-dir`), then the same command run again, leaves every order
 * of the campaign stored exactly once. The batches the first run had stored are answered from
 * the ledger the second time; the raw table, every rollup and the ledger then hold exactly
 * what the generator draws for that seed, to the fen.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCampaignGenerator } from '@gmv-pulse/seed'
import { fromFen, normaliseMoney } from '@gmv-pulse/shared'
import { afterAll, expect, test } from 'vitest'
import { openStore } from '../../server/src/clickhouse/store.ts'
import { loadConfig } from '../../server/src/config.ts'
import { createLogger } from '../../server/src/logger.ts'
import { rollupMismatches } from '../../server/test/rollupTotals.ts'

const SEED = 11
/** About 930,000 orders: long enough to be killed part-way, short enough for CI. */
const SCALE = 0.0004
const BATCH_SIZE = 10_000

const repoRoot = resolve(import.meta.dirname, '../..')
const workDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-sink-kill9-'))
const dataDir = join(workDir, 'data')
const running: ChildProcess[] = []

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(workDir, { recursive: true, force: true })
})

function backfill(): { child: ChildProcess; stderr: () => string } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'seed/src/cli.ts',
      'backfill',
      ...['--seed', String(SEED), '--scale', String(SCALE), '--batch-size', String(BATCH_SIZE)],
      ...['--data-dir', dataDir],
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  running.push(child)
  let text = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  return { child, stderr: () => text }
}

/** What the generator draws for this seed and scale: the totals a complete backfill must store. */
function drawnTotals(): { orders: number; gmv: string; batches: number } {
  const generator = createCampaignGenerator({ seed: SEED, scale: SCALE, year: 2020 })
  let orders = 0
  let fen = 0n
  let batches = 0
  for (const batch of generator.ndjsonBatches({ maxOrders: BATCH_SIZE })) {
    orders += batch.orderCount
    fen += BigInt(batch.gmvFen)
    batches += 1
  }
  return { orders, gmv: fromFen(fen), batches }
}

test('kill -9 mid-backfill into a data directory, then the same backfill again: every order exactly once', async () => {
  const first = backfill()
  // Killed once it has reported progress (its first line comes after five seconds of storing).
  await expect
    .poll(() => first.stderr(), { timeout: 120_000, interval: 100 })
    .toMatch(/backfill 2020 \[.*\] [\d.]+% [\d,]+\//)
  first.child.kill('SIGKILL')
  await once(first.child, 'exit')
  expect(first.stderr()).not.toContain('backfilled ')

  const second = backfill()
  const [code] = (await once(second.child, 'exit')) as [number | null]
  expect(code, second.stderr()).toBe(0)
  const alreadyStored = Number(/\((\d+) already stored/.exec(second.stderr())?.[1] ?? -1)
  const expected = drawnTotals()
  // The first run's batches survived the kill and were not stored again.
  expect(alreadyStored).toBeGreaterThan(0)
  expect(alreadyStored).toBeLessThan(expected.batches)

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
  const store = await openStore(config.store, createLogger('silent'))
  try {
    const [raw] = await store.select<{ orders: number; gmv: string }>(
      `SELECT count() AS orders, toString(sum(amount)) AS gmv FROM ${store.db}.orders`,
    )
    const [ledger] = await store.select<{ batches: number; orders: number; gmv: string }>(
      `SELECT count() AS batches, sum(orders) AS orders, toString(sum(gmv)) AS gmv FROM ${store.db}.ingest_batches FINAL`,
    )
    expect({ orders: Number(raw?.orders), gmv: normaliseMoney(raw?.gmv ?? '') }).toEqual({
      orders: expected.orders,
      gmv: normaliseMoney(expected.gmv),
    })
    expect({
      batches: Number(ledger?.batches),
      orders: Number(ledger?.orders),
      gmv: normaliseMoney(ledger?.gmv ?? ''),
    }).toEqual({ ...expected, gmv: normaliseMoney(expected.gmv) })
    expect(await rollupMismatches(store)).toEqual([])
  } finally {
    await store.close()
  }
})
