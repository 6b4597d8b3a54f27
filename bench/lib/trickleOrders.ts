import { makeBenchBatches } from './benchOrders.ts'

export interface Trickle {
  /** Stops posting; resolves with how many batches were stored and refused. */
  stop(): Promise<{ stored: number; refused: number }>
}

/**
 * A small, steady order stream so every tick's snapshot has changed: one batch a second, made
 * as it is sent (a run of unknown length needs no batches prepared up front). Small on purpose:
 * the fan-out bench measures delivery, and ingesting at full speed would take the cores from it
 * (bench/live.ts measures the two together).
 */
export function trickleOrders(url: string, token: string, ordersPerSecond: number, seed: number): Trickle {
  let stored = 0
  let refused = 0
  let batch = 0
  let inFlight: Promise<void> = Promise.resolve()
  const post = async () => {
    const [orders] = makeBenchBatches({ batchSize: ordersPerSecond, batches: 1, seed: seed * 1_000_000 + batch })
    const response = await fetch(`${url}/api/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `trickle-${seed}-${batch++}`,
      },
      body: JSON.stringify(orders),
    }).catch(() => undefined)
    await response?.arrayBuffer()
    if (response?.ok) stored += 1
    else refused += 1
  }
  const timer = setInterval(() => {
    inFlight = inFlight.then(post)
  }, 1000)
  return {
    async stop() {
      clearInterval(timer)
      await inFlight
      return { stored, refused }
    },
  }
}
