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

/**
 * A port for a server to listen on: below the kernel's range for outgoing connections, where
 * thousands of benchmark viewers' own sockets would otherwise take the one just picked.
 */
function pickPort(): number {
  let firstEphemeral = 32768
  try {
    firstEphemeral = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0])
  } catch {}
  const low = 10_000
  return low + Math.floor(Math.random() * Math.max(1, firstEphemeral - low))
}

/**
 * Starts the real server as its own process on a fresh embedded store and waits until it
 * answers; a server that exits at once (its port taken meanwhile) is started again on another.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, pickPort())
    } catch (error) {
      if (!(error instanceof ServerExited) || attempt === 3) throw error
    }
  }
}

class ServerExited extends Error {}

async function startOnce(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gmv-pulse-bench-'))
  const token = `bench-${process.pid}-${Date.now()}`
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
