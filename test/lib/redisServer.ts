import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createConnection } from 'node:net'

export interface RedisServer {
  url: string
  port: number
  /** The redis-server process now (a restart starts another). */
  readonly pid: number | undefined
  stop(): Promise<void>
  restart(): Promise<void>
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Debian's redis-server on loopback, started by the test itself (no persistence: a restart
 * is a clean Redis, the harshest case for recovery). Fails with how to install it if missing.
 */
export async function startRedisServer(): Promise<RedisServer> {
  // Below the ephemeral range (32768–60999), where a client connection could hold the port.
  const port = 21000 + Math.floor(Math.random() * 11000)
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    child.on('error', () => {})
    const failed = once(child, 'error').then(([error]) => {
      throw new Error(
        `cannot start redis-server (${(error as Error).message}); install it: apt-get install -y redis-server`,
      )
    })
    await Promise.race([waitForPort(port), failed])
  }
  const stop = async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL')
      await once(child, 'exit')
    }
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid
    },
    stop,
    async restart() {
      await stop()
      await start()
    },
  }
}
