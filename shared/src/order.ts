import { z } from 'zod'
import { isRegionCode } from './regions.ts'

/** Largest single order GMV Pulse accepts, in the order's own currency. */
export const MAX_ORDER_AMOUNT = 10_000_000
/** A million items in one order is a data error, not a sale. */
export const MAX_QUANTITY = 1_000_000

/** Event times outside this window are producer bugs (a seconds-vs-milliseconds mix-up, a zero clock). */
export const MIN_EVENT_TIME_MS = Date.UTC(2000, 0, 1)
export const MAX_EVENT_TIME_MS = Date.UTC(2100, 0, 1)

export const ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/
export const AMOUNT_PATTERN = /^\d{1,8}(?:\.\d{1,2})?$/
// Control characters would break log lines and CSV exports, and a lone surrogate is not
// text at all (the engine refuses it); labels never need either.
export const LABEL_PATTERN = /^[^\p{Cc}\p{Cs}]*$/u

/** Lengths of the free-text fields, shared by the schema and the ingest fast path. */
export const LABEL_MAX_LENGTH = { brand: 128, category: 64, channel: 64, liveRoom: 128, buyerId: 64 } as const

const label = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(LABEL_PATTERN, 'must not contain control characters')

/**
 * The canonical two-place string of an amount, or the reason it is refused. One function
 * serves the schema below and the ingest fast path, so both accept exactly the same amounts.
 */
export function canonicalAmount(value: unknown): { amount: string } | { problem: string } {
  if (typeof value !== 'string' && typeof value !== 'number') return { problem: 'must be a decimal string or a number' }
  if (typeof value === 'number' && !Number.isFinite(value)) return { problem: 'must be a finite number' }
  // String(19.99) is "19.99": a number with at most two decimals prints exactly, and
  // anything else (1e-7, 0.1 + 0.2) fails the pattern instead of being rounded silently.
  const text = typeof value === 'number' ? String(value) : value
  if (!AMOUNT_PATTERN.test(text)) return { problem: 'must be a positive decimal with at most 2 decimal places' }
  const dot = text.indexOf('.')
  const whole = Number(dot === -1 ? text : text.slice(0, dot))
  const fraction = dot === -1 ? '00' : text.slice(dot + 1).padEnd(2, '0')
  const fen = whole * 100 + Number(fraction)
  if (fen <= 0) return { problem: 'must be greater than 0' }
  if (fen > MAX_ORDER_AMOUNT * 100) return { problem: `must be at most ${MAX_ORDER_AMOUNT}` }
  return { amount: `${whole}.${fraction}` }
}

/** An amount as a decimal string or a JSON number; canonicalised to a two-place decimal string. */
export const amountSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal string or a number' })
  .transform((value, ctx) => {
    const result = canonicalAmount(value)
    if ('problem' in result) {
      ctx.addIssue({ code: 'custom', message: result.problem })
      return z.NEVER
    }
    return result.amount
  })

/**
 * A number written as a string ("2", "1605024000000"). The engine's JSON reader, which checks
 * batches on their way in (server/src/clickhouse/orderIntake.ts), takes such a string wherever
 * a number is due; the schema takes it too, by the same rules as the number, so the two agree.
 */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const numberFromText = z.string().regex(NUMBER_TEXT).transform(Number)

/** Event time as ISO-8601 with an offset, or epoch milliseconds (a number, or one written as a string); canonicalised to epoch milliseconds. */
export const eventTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.number().int(), numberFromText.pipe(z.number().int())], {
    error: 'must be an ISO-8601 time with an offset or integer epoch milliseconds',
  })
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value)
    if (!isEventTimeInRange(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be between 2000-01-01 and 2100-01-01' })
      return z.NEVER
    }
    return ms
  })

export const isEventTimeInRange = (ms: number) => ms >= MIN_EVENT_TIME_MS && ms < MAX_EVENT_TIME_MS

export const regionSchema = z
  .string()
  .refine(isRegionCode, 'must be an ISO 3166-2 Chinese province (CN-ZJ) or an ISO 3166-1 alpha-2 country (SG)')

export const BRAND_ORIGINS = ['domestic', 'overseas'] as const

/** One order as a producer sends it. Unknown fields are refused: a typo must not drop data silently. */
export const orderSchema = z.strictObject({
  orderId: z.string().regex(ORDER_ID_PATTERN, 'must be 1–64 characters of A–Z a–z 0–9 . _ : -'),
  ts: eventTimeSchema,
  amount: amountSchema,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as CNY')
    .default('CNY'),
  quantity: z
    .union([z.number(), numberFromText], { error: 'must be a number' })
    .pipe(z.number().int('must be an integer').min(1, 'must be at least 1').max(MAX_QUANTITY))
    .default(1),
  brand: label(LABEL_MAX_LENGTH.brand),
  category: label(LABEL_MAX_LENGTH.category),
  channel: label(LABEL_MAX_LENGTH.channel),
  liveRoom: label(LABEL_MAX_LENGTH.liveRoom).optional(),
  region: regionSchema,
  brandOrigin: z.enum(BRAND_ORIGINS).optional(),
  buyerId: label(LABEL_MAX_LENGTH.buyerId).optional(),
})

/** What a producer may send (amount as string or number, ts as ISO or epoch ms). */
export type OrderInput = z.input<typeof orderSchema>
/** A validated order: amount a two-place decimal string, ts epoch milliseconds, defaults applied. */
export type Order = z.output<typeof orderSchema>

/** The answer to a stored batch. */
export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  duplicate: z.boolean(),
})
export type IngestResult = z.infer<typeof ingestResultSchema>
