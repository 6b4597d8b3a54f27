import { createHash } from 'node:crypto'

/**
 * How a filter appears in logs: a short hash of its room key, never its values. A viewer
 * chooses the values (any brand name it likes), so logging them verbatim would let anyone
 * write into the operator's logs; the hash still tells one filter's lines from another's.
 */
export function filterLabel(roomKey: string): string {
  return createHash('sha256').update(roomKey).digest('hex').slice(0, 10)
}
