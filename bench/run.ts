/**
 * npm run bench -- [ingest|…] [--quick]: runs the chosen benchmarks (all by default) and
 * writes bench/results/latest.json and latest.md. Numbers, not assertions: tests never time.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchCluster } from './cluster.ts'
import { benchFanout } from './fanout.ts'
import { benchGenerator } from './generator.ts'
import { benchIngest } from './ingest.ts'
import { describeMachine } from './lib/machine.ts'
import { benchLive } from './live.ts'
import { type BenchFigure, writeReport } from './report.ts'
import { benchScale } from './scale.ts'
import { benchScreen } from './screen.ts'

const BENCHMARKS: Record<string, (options: { quick: boolean }) => Promise<BenchFigure[]>> = {
  generator: benchGenerator,
  ingest: benchIngest,
  live: benchLive,
  screen: benchScreen,
  cluster: benchCluster,
  fanout: benchFanout,
  scale: benchScale,
}

const { values, positionals } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  allowPositionals: true,
})
if (values.help) {
  process.stdout.write(`usage: npm run bench -- [${Object.keys(BENCHMARKS).join('|')} …] [--quick]\n`)
  process.exit(0)
}
const unknown = positionals.filter((name) => !(name in BENCHMARKS))
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`)
  process.exit(2)
}
const selected = positionals.length > 0 ? positionals : Object.keys(BENCHMARKS)
const machine = describeMachine()
const startedAt = new Date().toISOString()
const figures: BenchFigure[] = []
const failed: string[] = []
for (const name of selected) {
  const run = BENCHMARKS[name] as (typeof BENCHMARKS)[string]
  try {
    figures.push(...(await run({ quick: values.quick })))
  } catch (error) {
    // One broken benchmark must not throw away the others' numbers; the run still fails.
    failed.push(name)
    process.stderr.write(`benchmark ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  }
}
const markdown = writeReport({ startedAt, quick: values.quick, machine, figures }, join(import.meta.dirname, 'results'))
process.stdout.write(markdown)
if (failed.length > 0) {
  process.stderr.write(`failed benchmarks: ${failed.join(', ')}\n`)
  process.exitCode = 1
}
