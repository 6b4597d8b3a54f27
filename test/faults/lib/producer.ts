/**
 * A producer in its own process for the kill -9 test. It prepares every NDJSON batch
 * first, writes the plan (orders and GMV in fen per batch) to its ledger, then posts the
 * batches with several in flight, each with its Idempotency-Key. It retries 503/429 after
 * Retry-After and network errors (the server being dead) every 100 ms, always with the
 * same key, and appends a ledger line as each batch is acknowledged. A synchronous append
 * per acknowledgement: the ledger is the test's truth for "acknowledged".
 *
 * Input: one JSON argument (ProducerOptions). Exits 0 when every batch is acknowledged.
 */
import { appendFileSync } from 'node:fs'
import { type LedgerLine, makeFaultBatch } from './faultBatches.ts'

export interface ProducerOptions {
  url: string
  token: string
  runId: string
  batches: number
  batchSize: number
  concurrency: number
  ledgerPath: string
  /** Give up on a batch after this long (the test's own timeout is the real bound). */
  deadlineMs: number
}

const options = JSON.parse(process.argv[2] as string) as ProducerOptions
const write = (line: LedgerLine) => appendFileSync(options.ledgerPath, `${JSON.stringify(line)}\n`)
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

const prepared = Array.from({ length: options.batches }, (_, index) =>
  makeFaultBatch(options.runId, index, options.batchSize),
)
for (const { plan } of prepared) write({ type: 'planned', ...plan })
write({ type: 'started', atMs: Date.now() })

const giveUpAt = Date.now() + options.deadlineMs
let next = 0

async function sendOne(index: number): Promise<void> {
  const { plan, ndjson } = prepared[index] as (typeof prepared)[number]
  for (let attempt = 1; ; attempt++) {
    if (Date.now() > giveUpAt) throw new Error(`batch ${plan.key} not acknowledged before the deadline`)
    let response: Response
    try {
      response = await fetch(`${options.url}/api/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': plan.key,
        },
        body: ndjson,
      })
    } catch {
      await sleep(100)
      continue
    }
    const text = await response.text()
    if (response.ok) {
      const result = JSON.parse(text) as { accepted: number; duplicate: boolean }
      if (result.accepted !== plan.orders) throw new Error(`batch ${plan.key}: accepted ${result.accepted}`)
      write({ type: 'acknowledged', key: plan.key, duplicate: result.duplicate, attempts: attempt, atMs: Date.now() })
      return
    }
    if (response.status === 503 || response.status === 429) {
      await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000)
      continue
    }
    throw new Error(`batch ${plan.key}: ${response.status} ${text.slice(0, 200)}`)
  }
}

async function worker(): Promise<void> {
  while (next < prepared.length) await sendOne(next++)
}

await Promise.all(Array.from({ length: options.concurrency }, worker))
