/**
 * Tables the store tests compute for docs/reliability.md. The tests only compute and assert;
 * they never write into the repository. `npm run docs:tables` (scripts/docs-tables.ts) runs
 * them with INKSEAL_DOCS_TABLES set to a temporary folder, where each table is handed over, and
 * splices the tables into the doc between their markers.
 */
import fs from 'fs'
import path from 'path'

export const DOCS_TABLES_ENV = 'INKSEAL_DOCS_TABLES'

/** The header every reliability table shares. */
export const RELIABILITY_HEADER = '| scenario | cases tried | faults injected | failures | data lost | note |\n|---|---|---|---|---|---|'

/** File name, in the hand-over folder, of the table between `<!-- BEGIN id -->` and `<!-- END id -->`. */
export function tableFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9.-]+/g, '_')}.md`
}

/** Hands a computed table to `npm run docs:tables`; does nothing in an ordinary test run. */
export function emitDocsTable(id: string, table: string): void {
  const dir = process.env[DOCS_TABLES_ENV]
  if (!dir) return
  fs.writeFileSync(path.join(dir, tableFileName(id)), `${table.trimEnd()}\n`)
}
