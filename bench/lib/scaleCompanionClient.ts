import { type ChildProcess, fork } from 'node:child_process'

export type CompanionRequest = { kind: 'warm' | 'time'; label: string } | { kind: 'close' }
export type CompanionReply = { kind: 'ready' } | { kind: 'done'; ms: number } | { kind: 'failed'; message: string }

/** The smallest store's queries, run one at a time in its own process (bench/scaleCompanion.ts). */
export interface Companion {
  /** The store's size, for labels. */
  size: number
  /** One untimed run of the case (and what it queues settled). */
  warm(label: string): Promise<void>
  /** One run of the case, timed in the companion's process. */
  time(label: string): Promise<number>
  close(): Promise<void>
}

const SCRIPT = new URL('../scaleCompanion.ts', import.meta.url).pathname

export async function startCompanion(size: number, dataDir: string): Promise<Companion> {
  const child: ChildProcess = fork(SCRIPT, [String(size), dataDir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = () =>
    new Promise<CompanionReply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the scale companion exited with ${code}`))
      child.once('exit', onExit)
      child.once('message', (reply: CompanionReply) => {
        child.off('exit', onExit)
        resolve(reply)
      })
    })
  const ask = async (request: CompanionRequest): Promise<number> => {
    const reply = next()
    child.send(request)
    const answer = await reply
    if (answer.kind === 'failed') throw new Error(answer.message)
    return answer.kind === 'done' ? answer.ms : Number.NaN
  }
  await next()
  return {
    size,
    warm: async (label) => {
      await ask({ kind: 'warm', label })
    },
    time: (label) => ask({ kind: 'time', label }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ kind: 'close' })
      await exited
    },
  }
}
