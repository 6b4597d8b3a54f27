import { isUtf8 } from 'node:buffer'
import { type ErrorDetail, MAX_ERROR_DETAILS } from '@gmv-pulse/shared'
import { ApiError } from '../http/ApiError.ts'
import { giveTurn, ROWS_PER_TURN } from './eventLoopTurns.ts'
import { NEWLINE } from './jsonBytes.ts'
import {
  invalidJson,
  isOpeningBracket,
  memberOf,
  opensArray,
  parseSpan,
  skipSpace,
  spanOf,
  type TopLevel,
  topLevelValues,
  trimmed,
} from './jsonElements.ts'

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

/** A body with more orders than one batch may hold. */
export const tooManyOrders = (maxOrders: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `the batch holds more than ${maxOrders} orders; at most ${maxOrders} are accepted in one request`,
  )

/** A body that is JSON but not a batch: a scalar, or an object other than { "orders": [...] }. */
const notABatch = () =>
  new ApiError(400, 'bad_request', 'the body must be a JSON array of orders or an object { "orders": [...] }')

/** A body that does not open with a bracket is parsed whole only to say whether it is JSON at all; past this it is not looked at. */
const SCALAR_PARSE_LIMIT = 64 * 1024

/**
 * Turns a request body into rows. JSON is an array of orders or { "orders": [...] };
 * NDJSON is one order per line, blank lines ignored. A broken line fails the whole batch.
 * Each order is parsed on its own, with turns of the event loop between, and a body of more
 * than `maxOrders` is refused as soon as the count passes it (jsonElements.ts): whatever the
 * body, no step holds the server for long.
 */
export async function parseOrderBody(body: Buffer, format: BodyFormat, maxOrders: number): Promise<ParsedBody> {
  // Decoding would turn bytes that are not UTF-8 into U+FFFD and store a brand nobody
  // sent; refuse them instead (found by the bad-input corpus). isUtf8 runs at GB/s.
  if (!isUtf8(body)) throw new ApiError(400, 'invalid_json', 'the body is not valid UTF-8')
  const tooMany = () => tooManyOrders(maxOrders)
  if (format === 'json') return { rows: await parseJsonBody(body, maxOrders, tooMany), rowIndex: undefined }
  return parseNdjsonBody(body, maxOrders, tooMany)
}

async function parseJsonBody(body: Buffer, maxOrders: number, tooMany: () => ApiError): Promise<unknown[]> {
  const first = skipSpace(body, 0)
  try {
    return await parseBatch(body, first, maxOrders, tooMany)
  } catch (error) {
    // Not a batch: say whether it is JSON at all when that is cheap to know.
    if (error instanceof ApiError && error.code === 'bad_request' && body.length - first <= SCALAR_PARSE_LIMIT) {
      parseSpan(body, { start: first, end: body.length })
    }
    throw error
  }
}

async function parseBatch(body: Buffer, first: number, maxOrders: number, tooMany: () => ApiError): Promise<unknown[]> {
  if (!isOpeningBracket(body[first])) throw notABatch()
  const isArray = opensArray(body[first])
  // An object may hold one member, "orders": a second one is refused before it is read.
  const top = await topLevelValues(body, first, isArray ? maxOrders : 1, isArray ? tooMany : notABatch)
  if (skipSpace(body, top.end) < body.length) throw invalidJson(`unexpected text after byte ${top.end}`)
  if (isArray) return parseEach(body, top)
  const member = top.count === 1 ? memberOf(body, spanOf(top, 0)) : undefined
  if (member?.key !== 'orders' || !opensArray(body[member.value.start])) throw notABatch()
  const orders = await topLevelValues(body, member.value.start, maxOrders, tooMany)
  if (orders.end !== member.value.end) throw invalidJson(`unexpected text after byte ${orders.end}`)
  return parseEach(body, orders)
}

async function parseEach(body: Buffer, top: TopLevel): Promise<unknown[]> {
  const rows: unknown[] = []
  for (let index = 0; index < top.count; index += 1) {
    rows.push(parseSpan(body, spanOf(top, index)))
    if (rows.length % ROWS_PER_TURN === 0) await giveTurn()
  }
  return rows
}

async function parseNdjsonBody(body: Buffer, maxOrders: number, tooMany: () => ApiError): Promise<ParsedBody> {
  const rows: unknown[] = []
  const rowIndex: number[] = []
  const problems: ErrorDetail[] = []
  let lines = 0
  let lineNumber = 0
  let start = 0
  while (start <= body.length) {
    let end = body.indexOf(NEWLINE, start)
    if (end === -1) end = body.length
    const line = trimmed(body, start, end)
    if (line.end > line.start) {
      lines += 1
      if (lines > maxOrders) throw tooMany()
      try {
        rows.push(JSON.parse(body.toString('utf8', line.start, line.end)))
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
