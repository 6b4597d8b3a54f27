import { type ErrorDetail, MAX_ERROR_DETAILS, type Order, orderSchema, parseOrderFast } from '@gmv-pulse/shared'
import type { z } from 'zod'
import { ApiError } from '../http/ApiError.ts'
import { giveTurn, ROWS_PER_TURN } from './eventLoopTurns.ts'
import type { ParsedBody } from './parseOrderBody.ts'

/**
 * The free-text fields: the only ones whose rules let a lone surrogate (a "\ud800" escape)
 * through. The engine refuses such a string, so a batch holding one failed as 503 and a
 * producer would retry it for ever (found by the bad-input corpus); it is the sender's error.
 */
const LABEL_FIELDS = ['brand', 'category', 'channel', 'liveRoom', 'buyerId'] as const
const LONE_SURROGATE = /\p{Cs}/u

/** Field names and messages can carry what the producer sent (an unknown 10 MB key): an answer stays short. */
const MAX_DETAIL_LENGTH = 200
const clip = (text: string) => (text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text)

export interface BatchLimits {
  maxOrders: number
  currencies: Readonly<Record<string, string>>
}

/**
 * Validates a whole batch against the shared order contract and the server's own rules
 * (a known currency, unique orderIds within the batch). All or nothing: one bad row
 * rejects the batch, listing the first problems with their row and field.
 *
 * A repeated orderId within one batch is refused rather than collapsed: the producer
 * has a bug, and guessing which copy is right would store an amount nobody sent.
 */
export async function validateOrders({ rows, rowIndex }: ParsedBody, limits: BatchLimits): Promise<Order[]> {
  if (rows.length === 0) throw new ApiError(400, 'bad_request', 'the batch holds no orders')
  if (rows.length > limits.maxOrders) {
    throw new ApiError(
      413,
      'payload_too_large',
      `the batch holds ${rows.length} orders; at most ${limits.maxOrders} are accepted in one request`,
    )
  }
  const orders: Order[] = []
  const problems: ErrorDetail[] = []
  const firstRowOfOrderId = new Map<string, number>()
  let problemCount = 0
  const report = (row: number, field: string, message: string) => {
    problemCount += 1
    if (problems.length < MAX_ERROR_DETAILS) problems.push({ row, field: clip(field), message: clip(message) })
  }
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await giveTurn()
    const row = rowIndex?.[i] ?? i
    let order = parseOrderFast(rows[i])
    if (order === undefined) {
      // Off the fast path: the schema decides, and names every problem.
      const parsed = orderSchema.safeParse(rows[i])
      if (!parsed.success) {
        for (const issue of parsed.error.issues) report(row, issueField(issue), issue.message)
        continue
      }
      order = parsed.data
    }
    for (const field of LABEL_FIELDS) {
      const value = order[field]
      if (value !== undefined && LONE_SURROGATE.test(value)) {
        report(row, field, 'must be valid Unicode text (it holds a lone surrogate)')
      }
    }
    if (!(order.currency in limits.currencies)) {
      report(row, 'currency', `no exchange rate is configured for ${order.currency}`)
    }
    const firstRow = firstRowOfOrderId.get(order.orderId)
    if (firstRow !== undefined) {
      report(row, 'orderId', `repeats the orderId of row ${firstRow} in this batch`)
    } else {
      firstRowOfOrderId.set(order.orderId, row)
    }
    orders.push(order)
  }
  if (problemCount > 0) {
    const listed = problemCount > problems.length ? ` (the first ${problems.length} are listed)` : ''
    throw new ApiError(
      400,
      'invalid_orders',
      `${problemCount} problem(s) in the batch${listed}; nothing was stored`,
      problems,
    )
  }
  return orders
}

/** The field an issue is about; an unknown key is reported under its own name. */
export function issueField(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.')
  if (issue.code === 'unrecognized_keys') return [path, issue.keys.join(',')].filter(Boolean).join('.')
  return path
}
