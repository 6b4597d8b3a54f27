import { Agent, type OutgoingHttpHeaders, request } from 'node:http'
import { connect } from 'node:net'

/** What came back: the status, the headers and the body bytes (empty when the server sent none). */
export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

export interface RawRequest {
  method?: string
  path: string
  /** Sent as given: duplicates as arrays, no defaults added beyond Host (and Content-Length for a buffer body). */
  headers?: OutgoingHttpHeaders
  /** A buffer is sent with a Content-Length; chunks are sent with chunked encoding, one write each. */
  body?: Buffer | string | Buffer[]
}

/**
 * Keep-alive sockets for the whole suite: thousands of small requests would otherwise
 * spend most of their time opening connections.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 32 })

/**
 * One request with node:http rather than fetch: fetch normalises or refuses exactly the
 * headers these tests need to get wrong (duplicates, non-ASCII bytes, a missing
 * Content-Type). A server that answers before reading the whole body and closes the
 * connection is normal for 413; a write error after the answer arrived is ignored.
 */
export function send(baseUrl: string, raw: RawRequest): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    let answered = false
    const req = request(
      { host: hostname, port, method: raw.method ?? 'POST', path: raw.path, headers: raw.headers ?? {}, agent },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      },
    )
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    if (Array.isArray(raw.body)) {
      for (const chunk of raw.body) req.write(chunk)
      req.end()
    } else {
      req.end(raw.body)
    }
  })
}

/**
 * Writes bytes on a fresh TCP connection and reads until the server closes it (or
 * `timeoutMs` passes): for requests no HTTP client will send, such as a malformed request
 * line, and for a body that trickles in a byte at a time.
 */
export function sendBytes(
  baseUrl: string,
  head: string,
  options: { trickle?: { intervalMs: number; maxBytes: number }; timeoutMs?: number } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    let trickle: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${options.timeoutMs} ms`))
    }, options.timeoutMs ?? 60_000)
    socket.on('connect', () => {
      socket.write(head)
      if (options.trickle) {
        let sent = 0
        const { intervalMs, maxBytes } = options.trickle
        trickle = setInterval(() => {
          if (sent++ < maxBytes && socket.writable) socket.write(' ')
        }, intervalMs)
      }
    })
    socket.on('data', (chunk) => chunks.push(chunk))
    // A reset after the answer is the server closing a connection it gave up on.
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      clearInterval(trickle)
      resolve(parseAnswer(Buffer.concat(chunks)))
    })
  })
}

function parseAnswer(bytes: Buffer): Answer {
  const end = bytes.indexOf('\r\n\r\n')
  const head = bytes.subarray(0, end === -1 ? bytes.length : end).toString('latin1')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  let body = end === -1 ? Buffer.alloc(0) : bytes.subarray(end + 4)
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body)
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body }
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd === -1) break
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16)
    if (!(size > 0)) break
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
