import type { z } from 'zod'
import { ApiError } from './ApiError.ts'

/** Parses a query string with a shared schema; problems become a 400 in the one error shape. */
export function validateQuery<Schema extends z.ZodType>(schema: Schema, query: unknown): z.output<Schema> {
  const parsed = schema.safeParse(query)
  if (parsed.success) return parsed.data
  throw new ApiError(
    400,
    'bad_request',
    'invalid query parameters',
    parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  )
}
