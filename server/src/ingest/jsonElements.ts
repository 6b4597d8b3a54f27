import { ApiError } from '../http/ApiError.ts'
import { giveTurn } from './eventLoopTurns.ts'
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  isSpace,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './jsonBytes.ts'

/** A value's bytes in the body: [start, end). */
export interface Span {
  start: number
  end: number
}

/** Bytes scanned between two turns of the event loop: about a millisecond of work here. */
const BYTES_PER_TURN = 512 * 1024

export const invalidJson = (reason: string) =>
  new ApiError(400, 'invalid_json', `the body is not valid JSON: ${reason}`)

/** The first byte at or after `from` that is not JSON whitespace (`end` when none). */
export function skipSpace(body: Buffer, from: number, end = body.length): number {
  let at = from
  while (at < end && isSpace(body[at])) at += 1
  return at
}

/** The span without the whitespace around it. */
export function trimmed(body: Buffer, start: number, end: number): Span {
  let from = skipSpace(body, start, end)
  let to = end
  while (to > from && isSpace(body[to - 1])) to -= 1
  if (from > to) from = to
  return { start: from, end: to }
}

/**
 * The top-level values of an array or object, as byte offsets: value i is
 * [bounds[2i], bounds[2i + 1]), whitespace around it included (JSON.parse allows it).
 * Offsets in one typed array, not an object per value: measured, a body of 200,000 values
 * scanned in tens of ms this way and in hundreds with an object each.
 */
export interface TopLevel {
  bounds: Uint32Array
  count: number
  /** Index just past the closing bracket. */
  end: number
}

export const spanOf = (top: TopLevel, index: number): Span => ({
  start: top.bounds[2 * index] as number,
  end: top.bounds[2 * index + 1] as number,
})

/** Where a scan of the top level stands between two turns of the event loop, or two chunks of a body. */
export interface ScanState {
  /** Next byte to read, counted from the start of the body. */
  at: number
  /** The depth at which commas part values; 0 until the first bracket says (1 in an array, 2 in an object's array). */
  separatorDepth: number
  depth: number
  inString: boolean
  escaped: boolean
  valueStart: number
  count: number
  /** Index just past the closing bracket once found. */
  closedAt: number
}

/**
 * The top-level values of the array or object that opens at `open`, found without building
 * them. An object's values are its members (`"key": value`). More than `maxValues` stops the
 * scan at once.
 *
 * Written by hand: a 64 MB body read with JSON.parse is one synchronous step of seconds,
 * and streaming parsers build every value as they go. Only the top-level boundaries are
 * needed here; each value is then parsed on its own, a turn of the event loop given every
 * so often, and a body of twenty million empty objects is refused after its first few
 * hundred kilobytes. Inside a value, strings and nesting are only tracked to find its end;
 * JSON.parse of each value then checks its syntax, so a body is accepted only if it is JSON.
 */
export async function topLevelValues(
  body: Buffer,
  open: number,
  maxValues: number,
  tooMany: () => ApiError,
): Promise<TopLevel> {
  const closer = body[open] === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT
  const bounds = new Uint32Array(2 * (maxValues + 1))
  const state: ScanState = {
    at: open,
    separatorDepth: 1,
    depth: 0,
    inString: false,
    escaped: false,
    valueStart: open + 1,
    count: 0,
    closedAt: -1,
  }
  while (state.at < body.length) {
    scanChunk(body, 0, state, Math.min(body.length, state.at + BYTES_PER_TURN), bounds, maxValues)
    if (state.count > maxValues) throw tooMany()
    if (state.closedAt >= 0) {
      const bracket = state.closedAt - 1
      if (body[bracket] !== closer) throw invalidJson(`a bracket at byte ${bracket} closes nothing it opened`)
      return { bounds, count: state.count, end: state.closedAt }
    }
    if (state.at < body.length) await giveTurn()
  }
  throw invalidJson('the body ends before its closing bracket')
}

/** A scan from the start of a body, for a caller that only counts (OrderCounter). */
export const countingScan = (): ScanState => ({
  at: 0,
  separatorDepth: 0,
  depth: 0,
  inString: false,
  escaped: false,
  valueStart: 0,
  count: 0,
  closedAt: -1,
})

/**
 * Scans the body's bytes [state.at, until), of which `bytes` holds those from `base` on,
 * recording each top-level value found in `bounds` (only counting them without it). Synchronous,
 * and kept apart from the async loop above: V8 optimizes a hot loop in a plain function, not
 * in an async one.
 */
export function scanChunk(
  bytes: Buffer,
  base: number,
  state: ScanState,
  until: number,
  bounds: Uint32Array | null,
  maxValues: number,
): void {
  let { depth, inString, escaped, valueStart, count, separatorDepth } = state
  let at = state.at
  for (; at < until; at += 1) {
    const byte = bytes[at - base]
    if (inString) {
      if (escaped) escaped = false
      else if (byte === BACKSLASH) escaped = true
      else if (byte === QUOTE) inString = false
      continue
    }
    if (byte === QUOTE) inString = true
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (separatorDepth === 0) separatorDepth = byte === OPEN_ARRAY ? 1 : 2
      depth += 1
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth -= 1
      if (depth > 0) continue
      // `[]` and `[ ]` hold nothing; `[1,]` holds an empty value, which parsing refuses.
      if (!bounds) count += 1
      else if (count > 0 || skipSpace(bytes, valueStart, at) < at) {
        bounds[2 * count] = valueStart
        bounds[2 * count + 1] = at
        count += 1
      }
      state.closedAt = at + 1
      at += 1
      break
    } else if (byte === COMMA && depth === separatorDepth && depth > 0) {
      if (count >= maxValues) {
        count += 1
        at += 1
        break
      }
      if (bounds) {
        bounds[2 * count] = valueStart
        bounds[2 * count + 1] = at
      }
      count += 1
      valueStart = at + 1
    }
  }
  Object.assign(state, { at, depth, inString, escaped, valueStart, count, separatorDepth })
}

/** Splits an object member's span into its key (parsed) and its value's span. */
export function memberOf(body: Buffer, untrimmed: Span): { key: unknown; value: Span } {
  const member = trimmed(body, untrimmed.start, untrimmed.end)
  if (body[member.start] !== QUOTE) throw invalidJson('an object key is not a string')
  let at = member.start + 1
  let escaped = false
  for (; at < member.end; at += 1) {
    const byte = body[at]
    if (escaped) escaped = false
    else if (byte === BACKSLASH) escaped = true
    else if (byte === QUOTE) break
  }
  const colon = skipSpace(body, at + 1, member.end)
  if (at >= member.end || body[colon] !== COLON) throw invalidJson('an object member has no value')
  return {
    key: parseSpan(body, { start: member.start, end: at + 1 }),
    value: trimmed(body, colon + 1, member.end),
  }
}

/** One value, parsed; a syntax error in it is the body's. */
export function parseSpan(body: Buffer, span: Span): unknown {
  try {
    return JSON.parse(body.toString('utf8', span.start, span.end))
  } catch (error) {
    // RangeError covers nesting deep enough to exhaust the parser's stack.
    throw invalidJson(error instanceof SyntaxError ? error.message : 'a value is nested too deeply')
  }
}

export const isOpeningBracket = (byte: number | undefined) => byte === OPEN_ARRAY || byte === OPEN_OBJECT
export const opensArray = (byte: number | undefined) => byte === OPEN_ARRAY
