import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ServerProcess {
  url: string
  token: string
  child: ChildProcess
  /** Resident memory of the server process now, in MiB. */
  rssMiB(): number
  /** Highest resident memory the process has had, in MiB (VmHWM). */
  peakRssMiB(): number
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../..')

function readStatusKiB(pid: number, field: string): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))
    return match ? Number(match[1]) : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** Starts the real server as its own process on a fresh embedded store and waits until it answers. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-bench-'))
  const token = `bench-${process.pid}-${Date.now()}`
  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
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
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`)
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
    rssMiB: () => readStatusKiB(pid, 'VmRSS') / 1024,
    peakRssMiB: () => readStatusKiB(pid, 'VmHWM') / 1024,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
