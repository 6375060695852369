/**
 * `npm run docs:tables`: regenerates the tables of docs/reliability.md that the store tests
 * compute. The tests themselves write nothing into the repository (they compute and assert);
 * this script runs them with INKSEAL_DOCS_TABLES pointing at a temporary folder, collects the
 * tables they hand over there (__tests__/stores/docsTables.ts), and replaces each table between
 * its `<!-- BEGIN id -->` / `<!-- END id -->` markers.
 *
 *   npm run docs:tables            rewrite the tables
 *   npm run docs:tables -- --check exit 1 (and write nothing) when a table is out of date
 */
import { spawnSync } from 'child_process'
import fs from 'fs'
import os from 'os'
import path from 'path'
import { DOCS_TABLES_ENV, tableFileName } from '../__tests__/stores/docsTables'

const ROOT = path.resolve(__dirname, '..')
const DOC = path.join(ROOT, 'docs', 'reliability.md')
/** Marker id → the test that computes its table */
const TABLES: Record<string, string> = {
  'stores/reliability.test.ts': '__tests__/stores/reliability.test.ts',
  'stores/privacy.test.ts': '__tests__/stores/privacy.test.ts'
}

function main(): number {
  const check = process.argv.includes('--check')
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-docs-tables-'))
  try {
    const tests = [...new Set(Object.values(TABLES))]
    const r = spawnSync('npx', ['jest', '--selectProjects', 'node', '--runTestsByPath', ...tests], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, [DOCS_TABLES_ENV]: out }
    })
    if (r.status !== 0) {
      console.error(`docs:tables: the tests failed (${r.status ?? r.signal}); ${path.relative(ROOT, DOC)} left as it was`)
      return 1
    }
    const doc = fs.readFileSync(DOC, 'utf8')
    let next = doc
    for (const id of Object.keys(TABLES)) {
      const file = path.join(out, tableFileName(id))
      if (!fs.existsSync(file)) throw new Error(`${TABLES[id]} handed over no table for ${id}`)
      const table = fs.readFileSync(file, 'utf8').trimEnd()
      const begin = `<!-- BEGIN ${id} -->`
      const end = `<!-- END ${id} -->`
      const i = next.indexOf(begin)
      const j = next.indexOf(end)
      const block = `${begin}\n${table}\n${end}`
      next = i >= 0 && j > i ? next.slice(0, i) + block + next.slice(j + end.length) : `${next.trimEnd()}\n\n${block}\n`
    }
    const rel = path.relative(ROOT, DOC)
    if (next === doc) {
      console.log(`docs:tables: ${rel} is up to date`)
      return 0
    }
    if (check) {
      console.error(`docs:tables: ${rel} is out of date: run npm run docs:tables`)
      return 1
    }
    fs.writeFileSync(DOC, next)
    console.log(`docs:tables: ${rel} rewritten`)
    return 0
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
}

process.exit(main())
