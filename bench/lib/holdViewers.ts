import { setTimeout as sleep } from 'node:timers/promises'
import type { SocketAuth } from '@gmv-pulse/shared'
import { ViewerPool } from './viewerPool.ts'

/** Viewers per viewer process at most: well under the 20,000 open files a process may hold here. */
export const VIEWERS_PER_PROCESS = 4000
/** Handshakes each viewer process keeps going at once: a herd of thousands measures accept queues, not fan-out. */
export const HANDSHAKES_IN_FLIGHT = 50

export interface HeldViewers {
  connected: number
  failed: number
  deliveries: number
  p50: number | null
  p99: number | null
}

/**
 * A fixed number of lean viewers of the overview, spread over the given servers and over
 * processes of their own, recording every snapshot's delay from the server's emit to arrival
 * for `seconds` once all are connected (bench/fanout.ts ramps the same pool step by step).
 */
export async function holdViewers(options: {
  urls: string[]
  viewers: number
  seconds: number
  auth?: SocketAuth
}): Promise<HeldViewers> {
  const pool = ViewerPool.start(Math.ceil(options.viewers / VIEWERS_PER_PROCESS))
  try {
    const opened = await pool.open(options.viewers, {
      urls: options.urls,
      auth: options.auth ?? {},
      request: { filter: {} },
      inFlight: HANDSHAKES_IN_FLIGHT,
    })
    process.stderr.write(`viewers: ${opened.opened} connected, ${options.viewers - opened.opened} failed\n`)
    await pool.record()
    await sleep(options.seconds * 1000)
    const { delays, holding } = await pool.report()
    const at = (p: number) => (delays.count > 0 ? delays.percentile(p) : null)
    return {
      connected: holding,
      failed: options.viewers - opened.opened,
      deliveries: delays.count,
      p50: at(50),
      p99: at(99),
    }
  } finally {
    await pool.close()
  }
}
