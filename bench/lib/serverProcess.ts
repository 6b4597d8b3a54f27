import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { statusKiB } from './procStat.ts'

export interface ServerProcess {
  url: string
  token: string
  child: ChildProcess
  pid: number
  /** Resident memory of the server process now, in MiB. */
  rssMiB(): number
  /** Highest resident memory the process has had, in MiB (VmHWM). */
  peakRssMiB(): number
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * A port below Linux's ephemeral range (32768–60999): the fan-out bench opens 20,000 client
 * connections, and a listening port drawn from that range could be one of theirs.
 */
const randomPort = () => 20000 + Math.floor(Math.random() * 12000)

/**
 * Starts the real server as its own process on a fresh embedded store and waits until it
 * answers. `nodeArgs` go to Node before the script (`--cpu-prof` to see where a bench's time goes).
 * A server that exits before answering (its port taken by another process) is tried again on
 * another port, twice.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  { nodeArgs = [] }: { nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, nodeArgs)
    } catch (error) {
      if (!(error instanceof ServerExited) || attempt === 3) throw error
    }
  }
}

class ServerExited extends Error {}

async function startOnce(env: Record<string, string>, nodeArgs: string[]): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-bench-'))
  const token = `bench-${process.pid}-${Date.now()}`
  const port = randomPort()
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      INGEST_TOKENS: token,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true })
      throw new ServerExited(`the server exited with ${child.exitCode}`)
    }
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error('the server did not start within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const pid = child.pid as number
  return {
    url,
    token,
    child,
    pid,
    rssMiB: () => statusKiB(pid, 'VmRSS') / 1024,
    peakRssMiB: () => statusKiB(pid, 'VmHWM') / 1024,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
