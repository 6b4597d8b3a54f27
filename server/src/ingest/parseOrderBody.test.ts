import { describe, expect, test } from 'vitest'
import { ApiError } from '../http/ApiError.ts'
import { bodyFormatOf, parseOrderBody } from './parseOrderBody.ts'

const parse = (text: string, format: 'json' | 'ndjson') => parseOrderBody(Buffer.from(text), format)
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

  test('knows its media types, parameters and case aside', () => {
    expect(bodyFormatOf('application/json; charset=utf-8')).toBe('json')
    expect(bodyFormatOf('Application/X-NDJSON')).toBe('ndjson')
    expect(bodyFormatOf('text/plain')).toBeUndefined()
    expect(bodyFormatOf(undefined)).toBeUndefined()
  })
})
