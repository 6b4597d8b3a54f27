/** Headline sentences and CSV tables for the presenter and the explorer's exports. */
export * from './analystTables.ts'
export * from './csv.ts'
export * from './headlineTable.ts'
export * from './sentence.ts'
