/**
 * `npm run bench`: size, speed and scale figures, printed one line each as they are measured,
 * then written to BENCHMARKS.md (a table per area: figure, value, budget, how it was measured;
 * the date; which budgets are met). Benchmarks are not tests: nothing here fails on a missed
 * budget (the deterministic limits live in the test suite, e.g. e2e/weapp-smoke.test.ts).
 *
 *  1. builds, into BENCH_OUT (default: <tmp>/inkseal-bench; never dist/, which tests use):
 *     InkSeal weapp and H5 (production, sandbox backend: what `npm run build:*` makes), InkSeal
 *     weapp and H5 on the HTTP backend (what would ship; sizes only), and the bare Taro app of
 *     bench/bare (weapp and H5) with the project's own node_modules
 *  2. bench/sizes.js     weapp package sizes beside the bare app; enterprise outside main
 *  3. bench/h5.js        H5 JS of the landing route and its first render, beside the bare app
 *  4. bench/pad.js       signature pad cost per point vs signature_pad; exported PNG size
 *  5. bench/contract.js  the 200-page contract: first page, pages mounted, heap
 *  6. bench/journey.js   scan to signed: taps, inputs and screens
 *
 * Flags: --no-build (reuse the builds in BENCH_OUT), --only=sizes,h5,pad,contract,journey
 * (implies not rewriting BENCHMARKS.md unless --write), --no-write.
 * Exit code: 0 whatever the budgets say; 1 when a build failed or an area could not be measured.
 * Env: BENCH_OUT, CHROMIUM_PATH, BENCH_RENDER_RUNS (9), BENCH_PAD_RUNS (11), BENCH_CONTRACT_RUNS (3).
 */
const { execSync, spawnSync } = require('child_process')
const fs = require('fs')
const path = require('path')
const { ROOT, OUT, CHROMIUM, dirs, Figures } = require('../bench/lib')

const args = process.argv.slice(2)
const noBuild = args.includes('--no-build')
const onlyArg = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length)
const only = onlyArg ? new Set(onlyArg.split(',')) : null
const write = args.includes('--write') || (!only && !args.includes('--no-write'))
const TARO = path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro')
const started = Date.now()
/** The source measured: the commit at the start (the tree may move while the run goes on). */
function sourceAtStart() {
  try {
    const sh = (c) =>
      execSync(c, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim()
    return { commit: sh('git rev-parse --short HEAD'), dirty: sh('git status --porcelain') !== '' }
  } catch {
    return { commit: '', dirty: false }
  }
}
const source = sourceAtStart()

const inkWeappHttp = path.join(OUT, 'inkseal-weapp-http')
const inkH5Http = path.join(OUT, 'inkseal-h5-http')

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package`)
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : ''
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' })
}

/** One production Taro build, its output in a log file; throws with the log's tail on failure. */
function build(label, { cwd = ROOT, type, env, out }) {
  const log = path.join(OUT, `build-${label.replace(/\W+/g, '-')}.log`)
  fs.rmSync(out, { recursive: true, force: true })
  const t0 = Date.now()
  const r = spawnSync(process.execPath, [TARO, 'build', '--type', type], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', INKSEAL_BACKEND: 'sandbox', INKSEAL_API_BASE: '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  fs.writeFileSync(log, `${r.stdout || ''}\n${r.stderr || ''}`)
  const ok = r.status === 0 && fs.existsSync(out) && fs.readdirSync(out).length > 0
  console.log(`  ${`build ${label}`.padEnd(58, '.')} ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s (log: ${log})`)
  if (!ok) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).slice(-25).join('\n')
    throw new Error(`build ${label} failed (exit ${r.status}):\n${tail}`)
  }
}

/** bench/bare copied to `dir` with the project's node_modules linked in; `page` replaces its page. */
function copyBare(dir, page = null) {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(path.join(ROOT, 'bench', 'bare'), dir, { recursive: true })
  if (page) fs.copyFileSync(page, path.join(dir, 'src', 'pages', 'index', 'index.tsx'))
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
}

/** The bare app, and the same app with its page replaced by a MobX observer (bench/bare-mobx). */
function prepareBare() {
  copyBare(dirs.bareSrc)
  copyBare(dirs.bareMobxSrc, path.join(ROOT, 'bench', 'bare-mobx', 'index.tsx'))
}

function builds(failures) {
  const wanted = (area) => !only || only.has(area)
  const needWeapp = wanted('sizes')
  const needH5 = wanted('h5') || wanted('contract') || wanted('journey')
  const needBareH5 = wanted('h5')
  const tasks = []
  if (needWeapp) tasks.push(['InkSeal weapp', { type: 'weapp', env: { INKSEAL_OUT: dirs.inkWeapp }, out: dirs.inkWeapp }])
  if (needH5) tasks.push(['InkSeal H5', { type: 'h5', env: { INKSEAL_OUT: dirs.inkH5 }, out: dirs.inkH5 }])
  if (needWeapp)
    tasks.push([
      'InkSeal weapp (HTTP backend)',
      { type: 'weapp', env: { INKSEAL_OUT: inkWeappHttp, INKSEAL_BACKEND: 'http', INKSEAL_API_BASE: 'https://api.inkseal.cn' }, out: inkWeappHttp }
    ])
  if (needBareH5)
    tasks.push([
      'InkSeal H5 (HTTP backend)',
      // No backend runs for it: only the JavaScript its landing route loads is measured
      { type: 'h5', env: { INKSEAL_OUT: inkH5Http, INKSEAL_BACKEND: 'http', INKSEAL_API_BASE: 'http://127.0.0.1:1' }, out: inkH5Http }
    ])
  if (needWeapp) tasks.push(['bare app weapp', { cwd: dirs.bareSrc, type: 'weapp', env: { BARE_OUT: dirs.bareWeapp }, out: dirs.bareWeapp }])
  if (needBareH5) tasks.push(['bare app H5', { cwd: dirs.bareSrc, type: 'h5', env: { BARE_OUT: dirs.bareH5 }, out: dirs.bareH5 }])
  if (needBareH5) tasks.push(['bare app + MobX H5', { cwd: dirs.bareMobxSrc, type: 'h5', env: { BARE_OUT: dirs.bareMobxH5 }, out: dirs.bareMobxH5 }])
  if (noBuild) {
    for (const [label, t] of tasks) {
      if (!fs.existsSync(t.out)) failures.push(`--no-build: ${label} is not in ${t.out}`)
    }
    console.log('  (--no-build: reusing the builds in ' + OUT + ')')
    return
  }
  if (tasks.some(([, t]) => t.cwd === dirs.bareSrc || t.cwd === dirs.bareMobxSrc)) prepareBare()
  for (const [label, t] of tasks) {
    try {
      build(label, t)
    } catch (e) {
      failures.push(e.message)
      console.log(e.message)
    }
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  console.log(`InkSeal benchmarks → ${OUT}\n`)
  ensureChromium()
  const figures = new Figures()
  const failures = []

  console.log('Builds')
  builds(failures)

  const areas = [
    ['sizes', 'weapp package sizes', () => require('../bench/sizes').run(figures, { httpBuild: inkWeappHttp })],
    ['h5', 'H5 landing route', () => require('../bench/h5').run(figures, { httpBuild: inkH5Http })],
    ['pad', 'signature pad', () => require('../bench/pad').run(figures)],
    ['contract', '200-page contract', () => require('../bench/contract').run(figures)],
    ['journey', 'scan to signed', () => require('../bench/journey').run(figures)]
  ]
  for (const [key, section, fn] of areas) {
    if (only && !only.has(key)) continue
    console.log(`\n${section}`)
    const t0 = Date.now()
    try {
      await fn()
    } catch (e) {
      const reason = String((e && e.message) || e).split('\n')[0]
      figures.missing({ section, name: `${section} (every figure of this area)`, reason })
      failures.push(`${section}: ${e && e.stack ? e.stack : e}`)
    }
    console.log(`  (${section}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`)
  }

  const seconds = (Date.now() - started) / 1000
  const budgeted = figures.list.filter((f) => f.met !== null)
  const met = budgeted.filter((f) => f.met)
  console.log(
    `\n${met.length} of ${budgeted.length} budgets met; ${figures.list.filter((f) => f.value === 'not measured').length} figure groups not measured; ${seconds.toFixed(0)} s in all.`
  )
  if (write) {
    const { writeReport } = require('../bench/report')
    const file = await writeReport(figures, { seconds, failures, source })
    console.log(`Wrote ${path.relative(process.cwd(), file) || file}`)
  }
  if (failures.length) {
    // A missed budget is a figure, not a failure; a build or an area that could not run is.
    console.log(`\n${failures.length} problem(s):\n` + failures.map((f) => '  - ' + f.split('\n').slice(0, 6).join('\n    ')).join('\n'))
    process.exitCode = 1
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
