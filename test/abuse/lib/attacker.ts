/**
 * The attacker, in a process of its own (as a real one would be): its sockets and requests
 * cost the server's event loop only what they cost the server, not the client's own work.
 * Real socket.io-client sockets and fetch against the server's real port.
 *
 * Input: one JSON argument (AttackOptions without `until`). Over IPC it sends `{ ready }` once
 * loaded, starts on `{ go: until }` (so its own start-up is not counted against the server),
 * sends `{ holding }` once its sockets are in place (the test reads the server's state then),
 * and `{ done }` with what it saw.
 */
import type { Ack, Snapshot } from '@gmv-pulse/shared'
import { connectViewer, type ViewerSocket } from '../../../server/test/socketClient.ts'

export type AttackName = 'leakers' | 'flood' | 'crowd' | 'readers'

export interface AttackOptions {
  name: AttackName
  url: string
  /** Epoch ms: the attack keeps going (or holds its sockets) until then. */
  until: number
  /** GET paths for the readers. */
  questions?: string[]
}

export interface AttackReport {
  /** Answers by status: 200 for a subscribe acknowledged ok or a read answered. */
  statuses: Record<number, number>
  /** Error codes seen in refusals. */
  codes: string[]
  /** Rounds (waves of sockets, reads) the attack ran. */
  rounds: number
  /** Subscribes never answered because the server closed the socket first. */
  unanswered: number
  /** The server closed the attacker's socket (a flood is cut off). */
  cutOff: boolean
}

const options = JSON.parse(process.argv[2] as string) as AttackOptions
options.until = await new Promise<number>((resolve) => {
  process.on('message', (message: { go?: number }) => message.go && resolve(message.go))
  process.send?.({ ready: true })
})
const report: AttackReport = { statuses: {}, codes: [], rounds: 0, unanswered: 0, cutOff: false }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const untilEnd = () => sleep(Math.max(0, options.until - Date.now()))

function count(answer: Ack<Snapshot> | Response): void {
  if (answer instanceof Response) {
    tally(answer.status)
    return
  }
  tally(answer.ok ? 200 : answer.error.status)
  if (!answer.ok && !report.codes.includes(answer.error.code)) report.codes.push(answer.error.code)
}

function tally(status: number): void {
  report.statuses[status] = (report.statuses[status] ?? 0) + 1
}

const subscribeTo = (socket: ViewerSocket, brand: string, timeoutMs: number) =>
  socket.timeout(timeoutMs).emitWithAck('subscribe', { filter: { brand } }) as Promise<Ack<Snapshot>>

const attacks: Record<AttackName, () => Promise<void>> = {
  /** Twenty sockets subscribe and disconnect before the answer, wave after wave. */
  async leakers() {
    while (Date.now() < options.until) {
      const sockets = await Promise.all(Array.from({ length: 20 }, () => connectViewer(options.url)))
      sockets.forEach((socket, i) => {
        socket.emit('subscribe', { filter: { brand: `Leak ${report.rounds}-${i}` } }, () => {})
        socket.disconnect()
      })
      report.rounds += 1
      await sleep(500)
    }
    process.send?.({ holding: true })
  },
  /** One socket sends 5,000 subscribes for 5,000 brands at once, then holds its last one (if the server lets it). */
  async flood() {
    const socket = await connectViewer(options.url)
    const cut = new Promise<void>((resolve) =>
      socket.once('disconnect', (reason) => {
        report.cutOff = reason === 'io server disconnect'
        resolve()
      }),
    )
    const answers = Array.from({ length: 5000 }, (_, i) =>
      subscribeTo(socket, `Flood ${i}`, 60_000).then(count, () => {
        report.unanswered += 1
      }),
    )
    // Every subscribe is answered, or the server cuts the socket off (whatever is unanswered then stays so).
    await Promise.race([Promise.all(answers), cut])
    report.rounds = 1
    process.send?.({ holding: true })
    await untilEnd()
    report.unanswered = 5000 - Object.values(report.statuses).reduce((sum, n) => sum + n, 0)
    socket.close()
  },
  /** 200 sockets, each on a brand of its own, held open. */
  async crowd() {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => connectViewer(options.url)))
    const answers = await Promise.all(sockets.map((socket, i) => subscribeTo(socket, `Brand ${i}`, 60_000)))
    for (const answer of answers) count(answer)
    report.rounds = 1
    process.send?.({ holding: true })
    await untilEnd()
    for (const socket of sockets) socket.close()
  },
  /** Eight analysts reading heavy questions in a loop. */
  async readers() {
    const questions = options.questions ?? []
    await Promise.all(
      Array.from({ length: 8 }, async (_, reader) => {
        for (let i = reader; Date.now() < options.until; i++) {
          const response = await fetch(`${options.url}${questions[i % questions.length]}`)
          await response.arrayBuffer()
          count(response)
          report.rounds += 1
        }
      }),
    )
    process.send?.({ holding: true })
  },
}

await attacks[options.name]()
process.send?.({ done: report }, () => process.exit(0))
