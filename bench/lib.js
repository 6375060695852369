/**
 * Shared helpers for `npm run bench` (scripts/bench.js): paths, Chromium, the static server,
 * statistics, and the figure log every benchmark writes to.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const zlib = require('zlib')

const ROOT = path.join(__dirname, '..')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Where every build and scratch file of a bench run goes (never dist/, which tests use). */
const OUT = path.resolve(process.env.BENCH_OUT || path.join(os.tmpdir(), 'inkseal-bench'))

const dirs = {
  inkWeapp: path.join(OUT, 'inkseal-weapp'),
  inkH5: path.join(OUT, 'inkseal-h5'),
  bareSrc: path.join(OUT, 'bare-src'),
  bareWeapp: path.join(OUT, 'bare-weapp'),
  bareH5: path.join(OUT, 'bare-h5'),
  // the bare app with its page made a MobX observer (bench/bare-mobx): what MobX alone costs
  bareMobxSrc: path.join(OUT, 'bare-mobx-src'),
  bareMobxH5: path.join(OUT, 'bare-mobx-h5')
}

/** Same flags as e2e/support/browser.ts (this closed network, headless Debian chromium). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

function launchChromium(extraArgs = []) {
  const { chromium } = require('playwright-core')
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/** The phone the e2e tests use: 390 x 844 CSS px, device pixel ratio 2, touch. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true }

/** Serves a built H5 app on a free loopback port (scripts/serve-h5.js, as `npm start` does). */
function serve(dir) {
  const { serveH5 } = require(path.join(ROOT, 'scripts', 'serve-h5.js'))
  return serveH5(dir, 0, '127.0.0.1')
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** gzip size at level 9 (what a static server with gzip_comp_level 9 would send). */
function gzipSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (x) => `${x.toFixed(0)} ms`
const ratio = (x) => `${x.toFixed(2)} ×`

/**
 * The figures of one run. Each `add` prints one line at once; scripts/bench.js turns the
 * list into BENCHMARKS.md.
 *   value:  the figure as text (with its unit)
 *   budget: the budget as text, or '' when the figure has none
 *   met:    true / false against the budget, null when there is no budget or it was not measured
 *   how:    how it was measured (one sentence, goes into the table)
 *   key:    a stable id (bench/report.js finds a figure's suggestions by it)
 *   raw:    the numbers behind the figure (for the report's details)
 */
class Figures {
  constructor() {
    this.list = []
    this.notes = []
  }

  add({ key = '', section, name, value, budget = '', met = null, how = '', raw }) {
    const f = { key, section, name, value, budget, met, how, raw }
    this.list.push(f)
    const verdict = met === null ? '' : met ? '  [budget met]' : '  [BUDGET MISSED]'
    const b = budget ? `  (budget ${budget})` : ''
    console.log(`  ${name.padEnd(58, '.')} ${value}${b}${verdict}`)
    return f
  }

  /** A figure that could not be measured in this run, with the reason. */
  missing({ section, name, budget = '', how = '', reason }) {
    const f = { section, name, value: 'not measured', budget, met: null, how, reason }
    this.list.push(f)
    console.log(`  ${name.padEnd(58, '.')} NOT MEASURED: ${reason}`)
    return f
  }

  note(section, text) {
    this.notes.push({ section, text })
    console.log(`  note: ${text}`)
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

module.exports = {
  ROOT,
  OUT,
  CHROMIUM,
  CHROMIUM_ARGS,
  PHONE,
  dirs,
  launchChromium,
  serve,
  median,
  gzipSize,
  kb,
  ms,
  ratio,
  Figures,
  readJson
}
