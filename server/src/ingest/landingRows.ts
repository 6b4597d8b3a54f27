import { hasBlankLine } from '../clickhouse/store.ts'
import { ApiError } from '../http/ApiError.ts'
import { CLOSE_ARRAY, OPEN_ARRAY, OPEN_OBJECT } from './jsonBytes.ts'
import { memberOf, opensArray, skipSpace, spanOf, topLevelValues, trimmed } from './jsonElements.ts'
import type { BodyFormat } from './parseOrderBody.ts'

/**
 * The bytes of a body that the engine's order landing reads (JSONEachRow: an object per line,
 * or one array of objects), or undefined when the body has another shape and the validator
 * is to decide on it. `{ "orders": [...] }` gives its array, found by a scan of the top level
 * that builds nothing. Whatever is unusual (a blank line too) goes to the validator, which names
 * the problem or encodes the batch afresh.
 */
export async function landingRows(body: Buffer, format: BodyFormat): Promise<Buffer | undefined> {
  // The embedded engine would take a blank line for the end of the rows (store.ts).
  if (hasBlankLine(body)) return undefined
  const first = skipSpace(body, 0)
  if (format === 'ndjson') return body[first] === OPEN_OBJECT ? body : undefined
  if (body[first] === OPEN_ARRAY) {
    const last = trimmed(body, first, body.length).end - 1
    return body[last] === CLOSE_ARRAY ? body : undefined
  }
  if (body[first] !== OPEN_OBJECT) return undefined
  try {
    const top = await topLevelValues(body, first, 1, () => new ApiError(400, 'bad_request', 'more than one member'))
    if (top.count !== 1 || skipSpace(body, top.end) < body.length) return undefined
    const member = memberOf(body, spanOf(top, 0))
    return member.key === 'orders' && opensArray(body[member.value.start])
      ? body.subarray(member.value.start, member.value.end)
      : undefined
  } catch {
    return undefined
  }
}
