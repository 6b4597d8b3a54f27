import type { CsvCell, CsvTable } from '@gmv-pulse/shared'
import { stringify } from 'csv-stringify/sync'
import type { Request, Response } from 'express'

export type { CsvTable }

/** CSV when the path ends in .csv or the client prefers text/csv to JSON; browsers' *\/* gets JSON. */
export function wantsCsv(req: Request): boolean {
  return req.path.endsWith('.csv') || req.accepts(['application/json', 'text/csv']) === 'text/csv'
}

/**
 * Answers a table as RFC 4180 CSV with a header row. Money stays the exact decimal string;
 * a null is an empty cell. Text that a spreadsheet would run as a formula (a brand named
 * "=HYPERLINK(…)") is prefixed with a quote: brand and room names come from producers.
 */
export function sendCsv(res: Response, filename: string, table: CsvTable): void {
  const body = stringify([table.header as CsvCell[], ...(table.rows as CsvCell[][])], {
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  })
  res.setHeader('Content-Type', 'text/csv; charset=utf-8')
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`)
  res.send(body)
}

/** Answers JSON or the CSV table, whichever the request asks for. */
export function sendTable<Body>(
  req: Request,
  res: Response,
  filename: string,
  body: Body,
  toTable: (body: Body) => CsvTable,
) {
  if (wantsCsv(req)) sendCsv(res, filename, toTable(body))
  else res.json(body)
}
