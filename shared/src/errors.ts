import { z } from 'zod'

/** Machine-readable error codes; the HTTP status travels beside them. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'invalid_orders',
  'idempotency_key_reused',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'ingest_disabled',
  'store_unavailable',
  'timeout',
  'too_broad',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const errorDetailSchema = z.object({
  row: z.number().int().optional(),
  field: z.string(),
  message: z.string(),
})
export type ErrorDetail = z.infer<typeof errorDetailSchema>

/** The one error shape every route answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.enum(ERROR_CODES),
    status: z.number().int(),
    details: z.array(errorDetailSchema).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

/** At most this many problems are listed; a 100,000-row batch of garbage must not answer with 100,000 lines. */
export const MAX_ERROR_DETAILS = 100
