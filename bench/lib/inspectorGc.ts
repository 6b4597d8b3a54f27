import WebSocket from 'ws'

/**
 * Runs a full garbage collection in another Node process started with
 * `--inspect=127.0.0.1:<port>`, through the DevTools protocol's `HeapProfiler.collectGarbage`.
 * A memory sample taken right after it holds only what the process still references, so a
 * leak test compares live memory with live memory, not with garbage V8 has not yet swept.
 * The protocol has no client in Node 20 itself, so the one message is sent over `ws` here.
 */
export async function collectGarbage(inspectPort: number): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error(`no inspector target on port ${inspectPort}`)
  const socket = new WebSocket(url)
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const answer = JSON.parse(String(data)) as { id?: number; error?: { message: string } }
        if (answer.id !== 1) return
        if (answer.error) reject(new Error(answer.error.message))
        else resolve()
      })
      socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }))
    })
  } finally {
    socket.close()
  }
}
