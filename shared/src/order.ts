import { z } from 'zod'
import { isRegionCode } from './regions.ts'

/** Largest single order GMV Pulse accepts, in the order's own currency. */
export const MAX_ORDER_AMOUNT = 10_000_000

/** Event times outside this window are producer bugs (a seconds-vs-milliseconds mix-up, a zero clock). */
export const MIN_EVENT_TIME_MS = Date.UTC(2000, 0, 1)
export const MAX_EVENT_TIME_MS = Date.UTC(2100, 0, 1)

const AMOUNT_PATTERN = /^\d{1,8}(?:\.\d{1,2})?$/
// Control characters would break log lines and CSV exports; labels never need them.
const LABEL_PATTERN = /^[^\p{Cc}]*$/u

const label = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(LABEL_PATTERN, 'must not contain control characters')

/** An amount as a decimal string or a JSON number; canonicalised to a two-place decimal string. */
export const amountSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal string or a number' })
  .transform((value, ctx) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a finite number' })
      return z.NEVER
    }
    // String(19.99) is "19.99": a number with at most two decimals prints exactly, and
    // anything else (1e-7, 0.1 + 0.2) fails the pattern instead of being rounded silently.
    const text = typeof value === 'number' ? String(value) : value
    if (!AMOUNT_PATTERN.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a positive decimal with at most 2 decimal places' })
      return z.NEVER
    }
    const [whole = '0', fraction = ''] = text.split('.')
    const wholeValue = Number(whole)
    const fen = wholeValue * 100 + Number(fraction.padEnd(2, '0'))
    if (fen <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be greater than 0' })
      return z.NEVER
    }
    if (fen > MAX_ORDER_AMOUNT * 100) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_ORDER_AMOUNT}` })
      return z.NEVER
    }
    return `${wholeValue}.${fraction.padEnd(2, '0')}`
  })

/** Event time as ISO-8601 with an offset, or epoch milliseconds; canonicalised to epoch milliseconds. */
export const eventTimeSchema = z
  .union([z.iso.datetime({ offset: true }), z.number().int()], {
    error: 'must be an ISO-8601 time with an offset or integer epoch milliseconds',
  })
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value)
    if (!(ms >= MIN_EVENT_TIME_MS && ms < MAX_EVENT_TIME_MS)) {
      ctx.addIssue({ code: 'custom', message: 'must be between 2000-01-01 and 2100-01-01' })
      return z.NEVER
    }
    return ms
  })

export const regionSchema = z
  .string()
  .refine(isRegionCode, 'must be an ISO 3166-2 Chinese province (CN-ZJ) or an ISO 3166-1 alpha-2 country (SG)')

export const BRAND_ORIGINS = ['domestic', 'overseas'] as const

/** One order as a producer sends it. Unknown fields are refused: a typo must not drop data silently. */
export const orderSchema = z.strictObject({
  orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1–64 characters of A–Z a–z 0–9 . _ : -'),
  ts: eventTimeSchema,
  amount: amountSchema,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as CNY')
    .default('CNY'),
  quantity: z.number().int('must be an integer').min(1, 'must be at least 1').max(1_000_000).default(1),
  brand: label(128),
  category: label(64),
  channel: label(64),
  liveRoom: label(128).optional(),
  region: regionSchema,
  brandOrigin: z.enum(BRAND_ORIGINS).optional(),
  buyerId: label(64).optional(),
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
