/**
 * One viewer process of the fan-out bench (started by bench/lib/viewerPool.ts with an IPC
 * channel): it holds lean viewers (bench/lib/leanViewer.ts), opens more when told, and counts
 * each snapshot's delay from the server's emit to its arrival here while told to record.
 */
import { DelayHistogram } from './lib/delayHistogram.ts'
import { type LeanViewer, openLeanViewer, ViewerRefused } from './lib/leanViewer.ts'
import type { ViewerCommand, ViewerReply } from './lib/viewerPool.ts'

/** Long enough for a handshake queued behind thousands of others on a loaded machine. */
const HANDSHAKE_TIMEOUT_MS = 60_000

const viewers: LeanViewer[] = []
let delays = new DelayHistogram()
let recording = false
let largestMessageBytes = 0
let opened = 0

const reply = (message: ViewerReply) => process.send?.(message)

const onDelay = (ms: number, bytes: number) => {
  if (!recording) return
  delays.add(ms)
  if (bytes > largestMessageBytes) largestMessageBytes = bytes
}

async function open(command: Extract<ViewerCommand, { kind: 'open' }>): Promise<void> {
  const refused: Record<string, number> = {}
  let left = command.count
  let succeeded = 0
  // A few handshakes at a time per process: a herd of thousands at once measures accept queues, not fan-out.
  const worker = async () => {
    while (left > 0) {
      left -= 1
      const url = command.urls[opened++ % command.urls.length] as string
      try {
        viewers.push(
          await openLeanViewer({
            url,
            auth: command.auth,
            request: command.request,
            onDelay,
            timeoutMs: HANDSHAKE_TIMEOUT_MS,
          }),
        )
        succeeded += 1
      } catch (error) {
        const reason = error instanceof ViewerRefused ? error.message : String(error)
        refused[reason] = (refused[reason] ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: command.inFlight }, worker))
  reply({ kind: 'opened', opened: succeeded, refused })
}

process.on('message', (command: ViewerCommand) => {
  if (command.kind === 'open') void open(command)
  else if (command.kind === 'record') {
    delays = new DelayHistogram()
    largestMessageBytes = 0
    recording = true
    reply({ kind: 'recording' })
  } else if (command.kind === 'report') {
    recording = false
    reply({
      kind: 'report',
      delays: delays.toPairs(),
      holding: viewers.filter((viewer) => viewer.open).length,
      largestMessageBytes,
    })
  }
})
process.on('SIGTERM', () => {
  for (const viewer of viewers) viewer.close()
  process.exit(0)
})
