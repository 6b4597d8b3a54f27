/**
 * A producer in its own process, as in production: it prepares its batches first (not
 * timed), then posts them with a fixed number in flight and reports each batch's latency.
 * Input: one JSON argument; output: one JSON line on stdout.
 */
import { performance } from 'node:perf_hooks'
import { type BodyFormat, makeBenchBodies } from './lib/benchBodies.ts'

interface ProducerOptions {
  url: string
  token: string
  format: BodyFormat
  batchSize: number
  batches: number
  concurrency: number
  seed: number
  /** Orders per second to hold; unset means as fast as the server takes them. */
  ratePerSecond?: number
}

const options = JSON.parse(process.argv[2] as string) as ProducerOptions
// Encoded once, as a producer keeps its batches: the bench measures the server, not a string's encoding.
const bodies = makeBenchBodies(options).map((body) => Buffer.from(body))
const contentType = options.format === 'ndjson' ? 'application/x-ndjson' : 'application/json'
const latencies: number[] = []
let failed = 0
let next = 0

const pacingStart = performance.now()

async function worker() {
  while (next < bodies.length) {
    const index = next++
    if (options.ratePerSecond) {
      // Batch i is due when the rate says its first order should go out.
      const dueMs = ((index * options.batchSize) / options.ratePerSecond) * 1000
      const wait = pacingStart + dueMs - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
    const started = performance.now()
    for (;;) {
      const response = await fetch(`${options.url}/api/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': contentType,
          'idempotency-key': `bench-${options.seed}-${index}`,
        },
        body: bodies[index],
      })
      await response.arrayBuffer()
      if (response.ok) break
      if (response.status !== 503 && response.status !== 429) {
        failed += 1
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    latencies.push(performance.now() - started)
  }
}

const started = performance.now()
await Promise.all(Array.from({ length: options.concurrency }, worker))
const seconds = (performance.now() - started) / 1000
process.stdout.write(
  `${JSON.stringify({
    orders: options.batchSize * (options.batches - failed),
    seconds,
    failed,
    latencies,
    bodyBytes: bodies.reduce((total, body) => total + body.length, 0),
  })}\n`,
)
