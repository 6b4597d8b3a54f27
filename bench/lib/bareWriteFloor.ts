import { fork } from 'node:child_process'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { median } from './stats.ts'

/** Sockets per sink process, as for the viewers: well inside a process's 20,000 open files. */
const SOCKETS_PER_SINK = 4_000
/** Connections opened at once per sink: the listen backlog (511) drops a larger herd's SYNs. */
const CONNECTS_IN_FLIGHT = 100
const LOOPS = 10
const PAUSE_MS = 1_000
/** Every connection the sinks report open is accepted well within this on an idle loopback. */
const ACCEPT_TIMEOUT_MS = 30_000

export interface BareWriteFloor {
  sockets: number
  /** Wall time of one loop writing the message to every socket, median of the loops. */
  loopMs: number
  /** CPU of this process over that loop, median. */
  cpuMs: number
}

/**
 * The floor under any fan-out written from one Node.js thread: the same message written with a
 * bare `net.Socket.write` to each of `sockets` loopback connections, in one loop, as a broadcast
 * does. Sink processes (this file, run as a child) hold the other ends and read and drop the
 * bytes. On loopback the kernel's write also does the receiving side's TCP work, as it does for
 * the viewers, so the two loops are comparable.
 */
export async function measureBareWriteFloor(sockets: number, messageBytes: number): Promise<BareWriteFloor> {
  const accepted: net.Socket[] = []
  const server = net.createServer((socket) => {
    socket.setNoDelay(true)
    accepted.push(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const sinks = Array.from({ length: Math.ceil(sockets / SOCKETS_PER_SINK) }, (_, i) =>
    fork(
      fileURLToPath(import.meta.url),
      ['sink', String(port), String(Math.min(SOCKETS_PER_SINK, sockets - i * SOCKETS_PER_SINK))],
      {
        execArgv: ['--import', 'tsx'],
      },
    ),
  )
  try {
    // A sink that dies (a refused connection) fails the measurement rather than leaving it waiting.
    await Promise.all(
      sinks.map(
        (sink) =>
          new Promise((resolve, reject) => {
            sink.once('message', resolve)
            sink.once('exit', (code) => reject(new Error(`a sink process exited (${code}) before connecting`)))
          }),
      ),
    )
    const deadline = performance.now() + ACCEPT_TIMEOUT_MS
    while (accepted.length < sockets) {
      if (performance.now() > deadline) throw new Error(`only ${accepted.length} of ${sockets} sockets accepted`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const message = Buffer.alloc(messageBytes, 0x61)
    const loops: number[] = []
    const cpus: number[] = []
    for (let loop = 0; loop < LOOPS; loop++) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      for (const socket of accepted) socket.write(message)
      loops.push(performance.now() - started)
      const cpu = process.cpuUsage(cpuBefore)
      cpus.push((cpu.user + cpu.system) / 1000)
    }
    return { sockets: accepted.length, loopMs: median(loops), cpuMs: median(cpus) }
  } finally {
    for (const sink of sinks) sink.kill()
    for (const socket of accepted) socket.destroy()
    server.close()
  }
}

/** A sink process: opens its connections a few at a time, says so, then reads and drops. */
async function sink(port: number, count: number) {
  let left = count
  const connectOne = () =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', resolve)
      socket.once('error', reject)
      socket.on('data', () => {})
    })
  await Promise.all(
    Array.from({ length: CONNECTS_IN_FLIGHT }, async () => {
      while (left > 0) {
        left -= 1
        await connectOne()
      }
    }),
  )
  process.send?.('connected')
}

if (process.argv[2] === 'sink') void sink(Number(process.argv[3]), Number(process.argv[4]))
