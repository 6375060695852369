#!/usr/bin/env node
/**
 * What is in a build: attributes the bytes of every emitted .js file to the modules they came
 * from, using the source maps of a build made with INKSEAL_SOURCEMAP=1.
 *
 *   INKSEAL_SOURCEMAP=1 INKSEAL_OUT=/tmp/h5 npx taro build --type h5
 *   node scripts/bundle-report.js /tmp/h5 [--files=app,28] [--top=40] [--depth=3]
 *
 * Modules are grouped by npm package (node_modules/<pkg>) or by source path cut to --depth
 * segments (sandbox/core, ...). Bytes without a mapping (webpack's runtime, module
 * wrappers) are shown as "(unmapped)". A tool for deciding what to split, not a benchmark.
 */
const fs = require('fs')
const path = require('path')
const { SourceMapConsumer } = require('source-map-js')

const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--'))
if (!dir) {
  console.error('usage: node scripts/bundle-report.js <build dir> [--files=a,b] [--top=N] [--depth=N]')
  process.exit(2)
}
const opt = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`))
  return hit ? hit.slice(name.length + 3) : fallback
}
const top = Number(opt('top', 30))
const depth = Number(opt('depth', 3))
const only = opt('files', '').split(',').filter(Boolean)

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name)
    return e.isDirectory() ? walk(p) : [p]
  })
}

function groupOf(source) {
  const s = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '')
  const nm = s.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = s.slice(nm + 'node_modules/'.length).split('/')
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`
  }
  return s.split('/').slice(0, depth).join('/')
}

function attribute(file) {
  const code = fs.readFileSync(file, 'utf8')
  const map = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8'))
  const lines = code.split('\n')
  const consumer = new SourceMapConsumer(map)
  const bytes = new Map()
  const add = (k, n) => bytes.set(k, (bytes.get(k) || 0) + n)
  const segs = []
  consumer.eachMapping((m) => segs.push(m))
  segs.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn)
  let mapped = 0
  for (let i = 0; i < segs.length; i++) {
    const m = segs[i]
    const next = segs[i + 1]
    const line = lines[m.generatedLine - 1] || ''
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length
    const text = line.slice(m.generatedColumn, end)
    const n = Buffer.byteLength(text)
    mapped += n
    add(m.source ? groupOf(m.source) : '(unmapped)', n)
  }
  const total = Buffer.byteLength(code)
  add('(unmapped)', total - mapped)
  return { total, bytes }
}

const files = walk(dir)
  .filter((f) => f.endsWith('.js') && fs.existsSync(`${f}.map`))
  .filter((f) => !only.length || only.some((o) => path.basename(f).startsWith(o)))
const overall = new Map()
for (const f of files) {
  const { total, bytes } = attribute(f)
  console.log(`\n${path.relative(dir, f)}  ${(total / 1024).toFixed(1)} KB`)
  const rows = [...bytes].sort((a, b) => b[1] - a[1])
  for (const [k, n] of rows.slice(0, top)) {
    console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB  ${k}`)
    overall.set(k, (overall.get(k) || 0) + n)
  }
  for (const [k, n] of rows.slice(top)) overall.set(k, (overall.get(k) || 0) + n)
}
console.log('\nall files')
for (const [k, n] of [...overall].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB  ${k}`)
}
