import type { Duplex } from 'node:stream'
import type { ErrorCode } from '@gmv-pulse/shared'
import type { Logger } from '../logger.ts'
import { ApiError } from './ApiError.ts'

/** Node's codes for requests its HTTP parser refuses, and the answer each deserves. */
function apiErrorOf(code: string | undefined): ApiError {
  const answer = (status: number, errorCode: ErrorCode, message: string) => new ApiError(status, errorCode, message)
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return answer(408, 'timeout', 'the request did not arrive in time')
  if (code === 'HPE_HEADER_OVERFLOW') return answer(431, 'bad_request', 'the request headers are too large')
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return answer(413, 'payload_too_large', 'chunk extensions too large')
  return answer(400, 'bad_request', 'the request is not valid HTTP')
}

/**
 * The server's `clientError` listener: requests refused below Express (a body slower than
 * REQUEST_TIMEOUT_MS, headers over 16 KB, a malformed request line) get the one error
 * shape instead of Node's bare status line. Install with
 * `server.on('clientError', answerClientError(logger))`; found by the bad-input corpus.
 */
export function answerClientError(logger: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    const apiError = apiErrorOf(error.code)
    logger.debug({ err: error, status: apiError.status }, 'request refused by the HTTP parser')
    const body = JSON.stringify(apiError.toBody())
    const reason = {
      400: 'Bad Request',
      408: 'Request Timeout',
      413: 'Payload Too Large',
      431: 'Request Header Fields Too Large',
    }
    socket.end(
      `HTTP/1.1 ${apiError.status} ${reason[apiError.status as keyof typeof reason]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    )
  }
}
