/** A ledger of acknowledged batches as JSON lines, appended as acknowledgements arrive. */
import { appendFileSync } from 'node:fs'
import type { LedgerEntry } from './orderSink.ts'

export function createLedgerFile(path: string): (entry: LedgerEntry) => void {
  // Synchronous appends: one short line per batch, and a crash must not lose acknowledged ones.
  return (entry) => appendFileSync(path, `${JSON.stringify(entry)}\n`)
}
