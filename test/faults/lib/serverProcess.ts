import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')

/** A port that was free a moment ago: the server is restarted on it, so it cannot be port 0. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise((done) => probe.close(done))
  return port
}

export interface ServerOptions {
  dataDir: string
  port: number
  token: string
  env?: Record<string, string>
}

/**
 * The real server (server/src/main.ts) in its own process on a fixed port and data
 * directory, so a test can kill it and start it again on the same store.
 */
export class ServerProcess {
  readonly url: string
  #child: ChildProcess | undefined

  constructor(private readonly options: ServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`
  }

  get pid(): number | undefined {
    return this.#child?.pid
  }

  /** Starts the process and waits until /api/v1/health answers 200 (migrations done, store open). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.options.dataDir,
        INGEST_TOKENS: this.options.token,
        LOG_LEVEL: 'error',
        ...this.options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    this.#child = child
    const deadline = Date.now() + 60_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} while starting`)
      try {
        if ((await fetch(`${this.url}/api/v1/health`)).ok) return
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('the server did not answer within 60 s')
      await new Promise((done) => setTimeout(done, 100))
    }
  }

  /** Sends the signal and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill(signal)
    await exited
  }
}
