import { isUtf8 } from 'node:buffer'
import { type ErrorDetail, MAX_ERROR_DETAILS } from '@gmv-pulse/shared'
import { ApiError } from '../http/ApiError.ts'
import { giveTurn, ROWS_PER_TURN } from './eventLoopTurns.ts'

export type BodyFormat = 'json' | 'ndjson'

/** The media types ingest accepts; anything else is a 415 before the body is read. */
export function bodyFormatOf(contentType: string | undefined): BodyFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  if (mediaType === 'application/json') return 'json'
  if (mediaType === 'application/x-ndjson' || mediaType === 'application/jsonl') return 'ndjson'
  return undefined
}

/** Rows as parsed, with the index each one reports errors under (the line index for NDJSON). */
export interface ParsedBody {
  rows: unknown[]
  rowIndex: number[] | undefined
}

/**
 * Turns a request body into rows. JSON is an array of orders or { "orders": [...] };
 * NDJSON is one order per line, blank lines ignored. A broken line fails the whole batch.
 */
export async function parseOrderBody(body: Buffer, format: BodyFormat): Promise<ParsedBody> {
  // Decoding would turn bytes that are not UTF-8 into U+FFFD and store a brand nobody
  // sent; refuse them instead (found by the bad-input corpus). isUtf8 runs at GB/s.
  if (!isUtf8(body)) throw new ApiError(400, 'invalid_json', 'the body is not valid UTF-8')
  const text = body.toString('utf8')
  if (format === 'json') return { rows: parseJsonBody(text), rowIndex: undefined }
  return parseNdjsonBody(text)
}

function parseJsonBody(text: string): unknown[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // RangeError covers nesting deep enough to exhaust the parser's stack.
    const reason = error instanceof SyntaxError ? error.message : 'the body is nested too deeply'
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${reason}`)
  }
  if (Array.isArray(value)) return value
  if (value !== null && typeof value === 'object' && 'orders' in value) {
    const { orders, ...rest } = value as { orders: unknown }
    if (Array.isArray(orders) && Object.keys(rest).length === 0) return orders
  }
  throw new ApiError(400, 'bad_request', 'the body must be a JSON array of orders or an object { "orders": [...] }')
}

async function parseNdjsonBody(text: string): Promise<ParsedBody> {
  const rows: unknown[] = []
  const rowIndex: number[] = []
  const problems: ErrorDetail[] = []
  let lineNumber = 0
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end).trim()
    if (line.length > 0) {
      try {
        rows.push(JSON.parse(line))
        rowIndex.push(lineNumber)
      } catch {
        if (problems.length < MAX_ERROR_DETAILS) {
          problems.push({ row: lineNumber, field: '', message: 'the line is not valid JSON' })
        }
      }
    }
    lineNumber += 1
    start = end + 1
    if (lineNumber % ROWS_PER_TURN === 0) await giveTurn()
  }
  if (problems.length > 0) {
    throw new ApiError(400, 'invalid_json', 'some NDJSON lines are not valid JSON; nothing was stored', problems)
  }
  return { rows, rowIndex }
}
