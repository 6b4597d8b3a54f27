import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ApiError } from '../http/ApiError.ts'
import { bodyFormatOf, parseOrderBody } from './parseOrderBody.ts'

const parse = (text: string, format: 'json' | 'ndjson', maxOrders = 1_000) =>
  parseOrderBody(Buffer.from(text), format, maxOrders)
const failure = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('reading an order body', () => {
  test('accepts a JSON array or { orders }, nothing else', async () => {
    expect((await parse('[{"a":1}]', 'json')).rows).toEqual([{ a: 1 }])
    expect((await parse('{"orders":[{"a":1}]}', 'json')).rows).toEqual([{ a: 1 }])
    expect((await failure(() => parse('{"orders":[],"x":1}', 'json'))).code).toBe('bad_request')
    expect((await failure(() => parse('"text"', 'json'))).code).toBe('bad_request')
    expect((await failure(() => parse('[NaN]', 'json'))).code).toBe('invalid_json')
  })

  test('survives deep nesting: the row is read, and left for validation to refuse', async () => {
    const deep = `[${'['.repeat(200_000)}${']'.repeat(200_000)}]`
    expect((await parse(deep, 'json')).rows).toHaveLength(1)
  })

  test('NDJSON rows keep their line numbers, blank lines included', async () => {
    const parsed = await parse('{"a":1}\n\n  \n{"a":2}\r\n', 'ndjson')
    expect(parsed.rows).toEqual([{ a: 1 }, { a: 2 }])
    expect(parsed.rowIndex).toEqual([0, 3])
    expect((await failure(() => parse('{"a":1}\n{oops\n{"a":3}\nnull]', 'ndjson'))).details).toEqual([
      { row: 1, field: '', message: 'the line is not valid JSON' },
      { row: 3, field: '', message: 'the line is not valid JSON' },
    ])
  })

  test('reads a JSON body exactly as JSON.parse does, valid or not, one order at a time', async () => {
    // Bodies that are JSON, and the same with one character dropped or one inserted.
    const body = fc.oneof(
      fc.json(),
      fc.array(fc.json(), { maxLength: 8 }).map((values) => `[${values.join(' , ')}]`),
      fc.array(fc.json(), { maxLength: 8 }).map((values) => `{"orders": [${values.join(',')}]}`),
    )
    const mangled = fc.oneof(
      body,
      fc
        .tuple(body, fc.nat())
        .map(([text, at]) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1)),
      fc
        .tuple(body, fc.nat(), fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', ' '))
        .map(([text, at, char]) => text.slice(0, at % (text.length + 1)) + char + text.slice(at % (text.length + 1))),
    )
    await fc.assert(
      fc.asyncProperty(mangled, async (text) => {
        let expected: unknown
        try {
          const value = JSON.parse(text)
          const orders = Array.isArray(value) ? value : (value as { orders?: unknown } | null)?.orders
          const onlyOrders =
            !Array.isArray(value) && value !== null && typeof value === 'object' && Object.keys(value).length === 1
          expected = Array.isArray(value) || (onlyOrders && Array.isArray(orders)) ? orders : 'bad_request'
        } catch {
          expected = 'invalid_json'
        }
        const outcome = await parse(text, 'json').then(
          (parsed) => parsed.rows,
          (error: ApiError) => error.code,
        )
        expect(outcome).toEqual(expected)
      }),
      { numRuns: 2_000 },
    )
  })

  test('brackets and commas inside strings do not split an order', async () => {
    expect((await parse('[{"a":"],[{\\"}"}, "x,y" ]', 'json')).rows).toEqual([{ a: '],[{"}' }, 'x,y'])
  })

  test('more orders than allowed is refused as soon as the count passes it, in either format', async () => {
    const many = `[${'{},'.repeat(2_000_000)}{}]`
    const tooMany = await failure(() => parse(many, 'json', 100_000))
    expect([tooMany.status, tooMany.code]).toEqual([413, 'payload_too_large'])
    expect((await failure(() => parse(`{"orders":${many}}`, 'json', 100_000))).status).toBe(413)
    expect((await failure(() => parse('{}\n'.repeat(11), 'ndjson', 10))).status).toBe(413)
    expect((await parse('{}\n'.repeat(10), 'ndjson', 10)).rows).toHaveLength(10)
    expect((await parse(`[${'{},'.repeat(9)}{}]`, 'json', 10)).rows).toHaveLength(10)
  })

  test('knows its media types, parameters and case aside', () => {
    expect(bodyFormatOf('application/json; charset=utf-8')).toBe('json')
    expect(bodyFormatOf('Application/X-NDJSON')).toBe('ndjson')
    expect(bodyFormatOf('text/plain')).toBeUndefined()
    expect(bodyFormatOf(undefined)).toBeUndefined()
  })
})
