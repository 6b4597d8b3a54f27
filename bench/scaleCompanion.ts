/**
 * The smallest scale store, held open in a process of its own (one on-disk store per process)
 * while the larger sizes are measured: each of their query runs is paired with a run of the same
 * query here, so a size's ratio to the smallest is taken in the same minutes of a shared host.
 * Messages: { kind: 'warm' | 'time', label } in, { kind: 'done', ms } or { kind: 'failed', message } out.
 */
import { openStore } from '../server/src/clickhouse/store.ts'
import { lastYearSumsSettled } from '../server/src/figures/lastYearSoFar.ts'
import { createLogger } from '../server/src/logger.ts'
import { festivalConfig } from './lib/festivalConfig.ts'
import { NOW_MS } from './lib/festivalShape.ts'
import type { CompanionReply, CompanionRequest } from './lib/scaleCompanionClient.ts'
import { queryCases, timed } from './lib/scaleQueries.ts'

const [size, dataDir] = [Number(process.argv[2]), process.argv[3] as string]
const config = festivalConfig(size, dataDir)
if (config.store.mode !== 'embedded') throw new Error('the scale companion needs an embedded store')
const store = await openStore(config.store, createLogger('silent'))
const cases = new Map(queryCases(store, config.campaign, NOW_MS).map((queryCase) => [queryCase.label, queryCase.run]))
const send = (reply: CompanionReply) => process.send?.(reply)

process.on('message', async (request: CompanionRequest) => {
  if (request.kind === 'close') {
    await store.close()
    process.exit(0)
  }
  const run = cases.get(request.label)
  if (!run) return send({ kind: 'failed', message: `no query case "${request.label}"` })
  try {
    const ms = await timed(run)
    // As the case's own warm-up does: what a ranking queues behind its first read is settled first.
    if (request.kind === 'warm') await lastYearSumsSettled(store)
    send({ kind: 'done', ms })
  } catch (error) {
    send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
})
send({ kind: 'ready' })
