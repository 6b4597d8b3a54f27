import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import type { SocketAuth, SubscribeRequest } from '@gmv-pulse/shared'
import { DelayHistogram } from './delayHistogram.ts'

const VIEWER_PROCESS = join(import.meta.dirname, '..', 'fanoutViewers.ts')

/** What the bench asks of a viewer process, one command at a time; each is answered by one reply. */
export type ViewerCommand =
  | { kind: 'open'; count: number; urls: string[]; auth: SocketAuth; request: SubscribeRequest; inFlight: number }
  | { kind: 'record' }
  | { kind: 'report' }

export type ViewerReply =
  | { kind: 'opened'; opened: number; refused: Record<string, number> }
  | { kind: 'recording' }
  | { kind: 'report'; delays: [number, number][]; holding: number; largestMessageBytes: number }

export interface OpenedViewers {
  opened: number
  refused: Record<string, number>
  seconds: number
}

export interface ViewerReport {
  delays: DelayHistogram
  /** Viewers still open at the end of the window (the server may have closed some). */
  holding: number
  largestMessageBytes: number
}

/**
 * Lean viewers spread over several processes (bench/fanoutViewers.ts): a process may hold
 * 20,000 open files here, so 20,000 sockets need more than one, and more processes spread the
 * clients' work over both cores. The bench adds viewers step by step, then has every process
 * record delivery delays over one window and merges them.
 */
export class ViewerPool {
  readonly #children: ChildProcess[]
  readonly #holding: number[]

  private constructor(children: ChildProcess[]) {
    this.#children = children
    this.#holding = children.map(() => 0)
  }

  static start(processes: number): ViewerPool {
    return new ViewerPool(
      Array.from({ length: processes }, () =>
        fork(VIEWER_PROCESS, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      ),
    )
  }

  get pids(): number[] {
    return this.#children.map((child) => child.pid as number)
  }

  get holding(): number {
    return this.#holding.reduce((total, count) => total + count, 0)
  }

  /** Opens `count` more viewers, the processes holding fewest taking most, each keeping `inFlight` handshakes going. */
  async open(
    count: number,
    options: { urls: string[]; auth: SocketAuth; request: SubscribeRequest; inFlight: number },
  ): Promise<OpenedViewers> {
    // One at a time to whichever process holds fewest (its own plus those given it now).
    const more = this.#children.map(() => 0)
    for (let given = 0; given < count; given++) {
      const totals = more.map((extra, i) => extra + (this.#holding[i] as number))
      const fewest = totals.indexOf(Math.min(...totals))
      more[fewest] = (more[fewest] as number) + 1
    }
    const started = performance.now()
    const replies = await Promise.all(
      this.#children.map((child, i) => {
        const count = more[i] as number
        return count === 0
          ? { kind: 'opened' as const, opened: 0, refused: {} }
          : this.#ask(child, { kind: 'open', count, ...options })
      }),
    )
    const refused: Record<string, number> = {}
    let opened = 0
    replies.forEach((reply, i) => {
      if (reply.kind !== 'opened') throw new Error(`unexpected reply ${reply.kind}`)
      opened += reply.opened
      this.#holding[i] = (this.#holding[i] as number) + reply.opened
      for (const [reason, times] of Object.entries(reply.refused)) refused[reason] = (refused[reason] ?? 0) + times
    })
    return { opened, refused, seconds: (performance.now() - started) / 1000 }
  }

  /** From now on every process counts delivery delays afresh. */
  async record(): Promise<void> {
    await Promise.all(this.#children.map((child) => this.#ask(child, { kind: 'record' })))
  }

  /** The delays counted since record(), merged over every process. */
  async report(): Promise<ViewerReport> {
    const delays = new DelayHistogram()
    let holding = 0
    let largestMessageBytes = 0
    for (const [i, child] of this.#children.entries()) {
      const reply = await this.#ask(child, { kind: 'report' })
      if (reply.kind !== 'report') throw new Error(`unexpected reply ${reply.kind}`)
      delays.addPairs(reply.delays)
      holding += reply.holding
      this.#holding[i] = reply.holding
      largestMessageBytes = Math.max(largestMessageBytes, reply.largestMessageBytes)
    }
    return { delays, holding, largestMessageBytes }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#children.map(async (child) => {
        if (child.exitCode !== null) return
        child.kill('SIGTERM')
        await once(child, 'exit')
      }),
    )
  }

  async #ask(child: ChildProcess, command: ViewerCommand): Promise<ViewerReply> {
    // Both waits end with the answer: a listener left behind per command would pile up on the child.
    const answered = new AbortController()
    const reply = once(child, 'message', { signal: answered.signal }) as Promise<[ViewerReply]>
    const exited = once(child, 'exit', { signal: answered.signal }).then(([code]) => {
      throw new Error(`a viewer process exited with ${code}`)
    })
    child.send(command)
    try {
      return (await Promise.race([reply, exited]))[0]
    } finally {
      answered.abort()
      reply.catch(() => {})
      exited.catch(() => {})
    }
  }
}
