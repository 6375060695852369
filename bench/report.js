/**
 * Writes BENCHMARKS.md from one run's figures: when and where it ran, which budgets are met,
 * a table per area (figure, value, budget, how it was measured), and for every missed budget
 * the measurement behind it with concrete suggestions.
 */
const { execSync } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')
const { ROOT, CHROMIUM, kb } = require('./lib')

const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')

function sh(cmd) {
  try {
    return execSync(cmd, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
  } catch {
    return ''
  }
}

function version(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version
  } catch {
    return '?'
  }
}

function localStamp(d) {
  const pad = (n) => String(n).padStart(2, '0')
  const off = -d.getTimezoneOffset()
  const tz = `UTC${off >= 0 ? '+' : '−'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} ${tz}`
}

const partsTable = (parts) =>
  parts.length ? ['| part | ≈ minified | ≈ gzip |', '|---|---|---|', ...parts.map((p) => `| ${cell(p.name)} | ${kb(p.raw)} | ${kb(p.gzip)} |`)].join('\n') : ''

const part = (parts, re) => (parts || []).find((p) => re.test(p.name))

/** Measurement details and suggestions for a missed budget, by figure key. */
function suggestions(f, all) {
  const r = f.raw || {}
  const out = []
  switch (f.key) {
    case 'weapp.main': {
      const http = all.find((x) => x.key === 'weapp.http')
      out.push(
        `Over by ${kb(r.bytes - 600 * 1024)}. Largest main-package files: ${r.largest.map(([n, b]) => `${n} ${kb(b)}`).join(', ')}; the bare app's: ${r.bareLargest.map(([n, b]) => `${n} ${kb(b)}`).join(', ')}.`
      )
      if (r.parts && r.parts.length)
        out.push(
          'Known parts found in main-package files (by strings only they contain; sizes are each part bundled alone with esbuild, so approximate):\n\n' +
            partsTable(r.parts)
        )
      const sandbox = part(r.parts, /sandbox/)
      // Does the HTTP-backend build (what ships) leave the sandbox out?
      const httpBytes = http && http.raw ? http.raw.bytes : null
      const httpDrops = httpBytes !== null && r.bytes - httpBytes >= 30 * 1024
      if (sandbox && httpDrops) {
        out.push(
          `- **The sandbox is what this demo build adds** (≈ ${kb(sandbox.raw)}): the HTTP-backend build leaves it out, and its main package is ${kb(httpBytes)} (${httpBytes <= 600 * 1024 ? 'within' : 'over'} budget). ` +
            'For the sandbox build itself, its demo data and contract renderer (signingDemo.ts, enterpriseDemo.ts, enterpriseSamples.ts, contractRender.ts) could be built lazily or moved to a subpackage; or the budget can be taken on the HTTP build, which is what ships.'
        )
      } else if (sandbox) {
        out.push(
          `- **Keep the sandbox out of builds that do not use it** (≈ ${kb(sandbox.raw)}).` +
            (httpBytes !== null ? ` The HTTP-backend build's main package is ${kb(httpBytes)}, i.e. the sandbox ships there too.` : '') +
            " A `resolve.alias` of `@sandbox` to a stub when `INKSEAL_BACKEND=http` (config/index.ts), or a `require('@sandbox')` inside `if (INKSEAL_BACKEND !== 'http')` (the defined constant itself, which webpack folds at build time) instead of a static import, drops it. For the sandbox demo build, its demo data and contract renderer (signingDemo.ts, enterpriseDemo.ts, enterpriseSamples.ts, contractRender.ts) could be built lazily or moved to a subpackage."
        )
      }
      const ent = part(r.parts, /enterprise/)
      const qr = part(r.parts, /^qrcode/)
      if (ent) {
        out.push(
          `- **Move the enterprise logic into its subpackage** (≈ ${kb(ent.raw)}${qr ? `, plus qrcode's core ≈ ${kb(qr.raw)}, which the main package gets through the sandbox's enterprise module drawing QR codes` : ''}): something in the main package imports the enterprise store or src/domain/enterprise. The enterprise store is a feature (src/stores/features/enterprise.ts) that only packages/enterprise may import.`
        )
      }
      const over = r.bytes - 600 * 1024
      const movable = (ent ? ent.raw : 0) + (qr ? qr.raw : 0)
      if (sandbox || ent)
        out.push(
          `- In numbers (approximate): the overrun is ${kb(over)}.` +
            (httpDrops
              ? ` The HTTP-backend build, without the sandbox, measures ${kb(httpBytes)}.`
              : sandbox
                ? ` A build without the sandbox would be ≈ ${kb(r.bytes - sandbox.raw)}${r.bytes - sandbox.raw <= 600 * 1024 ? ' (within budget)' : ''}.`
                : '') +
            (movable
              ? ` In the sandbox build, moving the enterprise logic${qr ? ' and qrcode' : ''} out leaves ≈ ${kb(r.bytes - movable)}${r.bytes - movable <= 600 * 1024 ? ' (within budget)' : `; the remaining ≈ ${kb(r.bytes - movable - 600 * 1024)} would have to come from the sandbox's demo content, or the budget be taken on the HTTP build that ships`}.`
              : '')
        )
      out.push("- mobx (≈ 67 KB) and the React reconciler (in vendors.js) are the app's foundation; the bare app has the reconciler too, in its app.js.")
      break
    }
    case 'h5.js': {
      const ink = r.ink || []
      const bare = r.bare || []
      const ig = ink.reduce((s, x) => s + x[2], 0)
      const bg = bare.reduce((s, x) => s + x[2], 0)
      out.push(
        `Budget ${kb(1.6 * bg)} gzip (1.6 × ${kb(bg)}); measured ${kb(ig)}, ${kb(ig - 1.6 * bg)} over. Files: ${ink.map(([n, raw, gz]) => `${n} ${kb(raw)} (${kb(gz)} gzip)`).join(', ')}; bare: ${bare.map(([n, raw, gz]) => `${n} ${kb(raw)} (${kb(gz)} gzip)`).join(', ')}.`
      )
      const app = all.find((x) => x.key === 'h5.jsapp')
      const hh = all.find((x) => x.key === 'h5.jshttp')
      const bm = all.find((x) => x.key === 'h5.jsbaremobx')
      if (app)
        out.push(
          `- Split: ${app.value}.` +
            (hh ? ` The HTTP-backend build loads ${hh.value}.` : '') +
            ' The sandbox chunk should be its core only (sandbox/core/): the signing and enterprise modules load when an operation of theirs is first called (onDemand.ts), or before any operation when scheduled signers are waiting.'
        )
      if (bm) out.push(`- For scale: MobX alone (the bare app with one observer page) loads ${bm.value}.`)
      out.push(
        '- To see which modules the bytes come from: `INKSEAL_SOURCEMAP=1 INKSEAL_OUT=/tmp/h5 npx taro build --type h5`, then `node scripts/bundle-report.js /tmp/h5 --files=app` (docs/bundles.md). Landing-route code is what app.ts, bootstrap.ts, RootStore and the entry page import; features (src/stores/features) must be imported only by the pages that need them.'
      )
      break
    }
    case 'h5.render': {
      const js = all.find((x) => x.key === 'h5.jsraw')
      const rh = all.find((x) => x.key === 'h5.renderhttp')
      const rm = all.find((x) => x.key === 'h5.renderbaremobx')
      const app = all.find((x) => x.key === 'h5.jsapp')
      out.push(
        `Runs (ms): InkSeal ${r.ink.map((x) => x.toFixed(0)).join(', ')}; bare ${r.bare.map((x) => x.toFixed(0)).join(', ')}.` +
          (rh ? ` The HTTP-backend build, in the same runs: ${rh.value}.` : '')
      )
      out.push('- The sandbox loads on the first backend call, after the title shows' + (rh ? '; the HTTP-backend build has none' : '') + '.')
      if (rm) out.push(`- **MobX alone** (bench/bare-mobx: the bare page as a MobX observer, nothing else added): ${rm.value}.`)
      out.push(
        `- Landing JavaScript without the sandbox chunk: ${app ? app.value.replace(/^.*app /, '') : js ? js.value : 'see the JS figure'}. Check that nothing before the first render reads storage (the first storage access of a page cost ≈ 100 ms at 4× CPU; SessionStore and EntryStore read on first use) and that no store the landing page does not show is made at start; \`performance.mark\` around createRootStore (src/app.ts) and in the page shows where the time goes.`
      )
      break
    }
    case 'weapp.enterprise':
      out.push(`Found: ${(r.leaks || []).join('; ') || 'see the value'}. Pages under packages/enterprise must be imported only from inside the subpackage.`)
      break
    case 'pad.cost':
      out.push(
        `Runs (ms): ours ${r.oursMs.map((x) => x.toFixed(1)).join(', ')}; signature_pad ${r.theirsMs.map((x) => x.toFixed(1)).join(', ')}. Profile \`drawSegment\` (src/domain/signature/render.ts): samples per segment (bezier.ts \`sampleCount\`) and one path per segment are the cost drivers.`
      )
      break
    case 'pad.png':
      out.push('Lower `maxSide` (600) or `maxScale` (2) in DEFAULT_EXPORT (src/domain/signature/render.ts), or export at 1× for fields that are drawn small.')
      break
    case 'contract.mounted':
      out.push(
        `Mounted after opening: ${r.mountedAfterOpen}; maximum while scrolling: ${r.probe && r.probe.maxMounted}. Check \`pageWindow\` (src/components/contract/windowing.ts) with MAX_MOUNTED, and that pages leaving the window unmount in the same commit as new ones mount.`
      )
      break
    case 'contract.heap':
      out.push(
        'Page images fetched while scrolling stay in the store (`SigningStore.pages`); keeping only the images of pages near the window (an LRU of a few dozen) bounds the growth.'
      )
      break
    default:
      break
  }
  return out
}

async function writeReport(figures, { seconds, failures = [], source = null }) {
  const file = path.join(ROOT, 'BENCHMARKS.md')
  const now = new Date()
  const budgeted = figures.list.filter((f) => f.met !== null)
  const met = budgeted.filter((f) => f.met)
  const missed = budgeted.filter((f) => !f.met)
  const missing = figures.list.filter((f) => f.value === 'not measured')
  const cpus = os.cpus()
  const commit = source ? source.commit : sh('git rev-parse --short HEAD')
  const dirty = source ? source.dirty : sh('git status --porcelain') !== ''
  const chromium = sh(`${JSON.stringify(CHROMIUM)} --version`) || 'Chromium'
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

  const lines = []
  lines.push('# InkSeal benchmarks', '')
  lines.push(
    `Written by \`npm run bench\` (scripts/bench.js) on **${localStamp(now)}**, in ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s, builds included. ` +
      "Benchmarks print figures; they are not tests (the deterministic limits, such as WeChat's 2 MB a package, are checked by `e2e/weapp-smoke.test.ts`).",
    ''
  )
  lines.push(
    `Machine: ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, shared with other work (load average ${load} at the end); ` +
      `Node ${process.version}, ${chromium}, Taro ${version('@tarojs/cli')}, React ${version('react')}, signature_pad ${version('signature_pad')}. ` +
      `Source: ${commit || 'no git'}${dirty ? ' with uncommitted changes in the working tree' : ''} (at the start of the run).`,
    ''
  )
  lines.push(
    `**Budgets met: ${met.length} of ${budgeted.length}.**` +
      (missed.length ? ` Missed: ${missed.map((f) => `${f.name} (${f.value}; budget ${f.budget})`).join('; ')}.` : ''),
    ''
  )
  if (missing.length) lines.push(`**Not measured in this run:** ${missing.map((f) => `${f.section} — ${f.reason}`).join('; ')}.`, '')

  const sections = [...new Set(figures.list.map((f) => f.section))]
  for (const s of sections) {
    lines.push(`## ${s}`, '')
    lines.push('| figure | value | budget | met | how it was measured |', '|---|---|---|---|---|')
    for (const f of figures.list.filter((x) => x.section === s)) {
      const verdict = f.met === null ? (f.value === 'not measured' ? '—' : '') : f.met ? '✅ met' : '❌ missed'
      lines.push(
        `| ${cell(f.name)} | ${cell(f.value === 'not measured' ? `not measured: ${f.reason}` : f.value)} | ${cell(f.budget)} | ${verdict} | ${cell(f.how)} |`
      )
    }
    lines.push('')
  }

  if (missed.length) {
    lines.push('## Missed budgets: the measurements, and why', '')
    for (const f of missed) {
      lines.push(`### ${f.name}: ${f.value} (budget ${f.budget})`, '')
      for (const s of suggestions(f, figures.list)) lines.push(s, '')
    }
  }

  lines.push('## Definitions', '')
  lines.push(
    "- **Bare app**: `bench/bare`, the `taro init` default (React, webpack5) with one page and one subpackage page, built in the same run from a copy with the project's `node_modules` linked in (same Taro and React). TOOLCHAIN.md quotes ~328 KB weapp / 111 KB gzip H5 for a bare app built elsewhere; this run's own build is the baseline. **Bare app + MobX** (`bench/bare-mobx`): the same app with its page replaced by a MobX observer (`mobx-react`, as in InkSeal) of a `makeAutoObservable` store, MobX resolved to its production bundle as in InkSeal; a reference for what the state library alone costs.",
    '- **Builds**: production (`NODE_ENV=production taro build`), sandbox backend (what `npm run build:weapp` / `build:h5` make and the browser figures need), into `BENCH_OUT` (default `<tmp>/inkseal-bench`), never `dist/`; the lines marked HTTP-backend build come from the same builds with `INKSEAL_BACKEND=http` (what would ship).',
    '- **Landing route**: `/#/pages/entry/index?link=…`, where a scanned `https://host/s/PAYLOAD` signing link lands; the link is a demo link read from the sandbox developer panel.',
    '- **First render**: ms from navigation start (`performance.now()` time origin) until the page title element `.page-title__text` has text, taken in the first MutationObserver callback that sees it (observer installed with `addInitScript`, before any app script). The bare page has the same title markup.',
    "- **First screen's heap cost**: JS heap after opening the 200-page contract minus the heap at the landing (entry) page, both after two forced garbage collections.",
    "- **Pad cost per point**: time to replay a recording through a pad's input path, rasterisation included (`getImageData` of one pixel at the end forces it), divided by the recorded points.",
    ''
  )
  lines.push('## Running it', '')
  lines.push(
    '```sh',
    'npm ci && npm run bench            # builds, measures, rewrites BENCHMARKS.md',
    'npm run bench -- --no-build        # reuse the builds in BENCH_OUT',
    'npm run bench -- --only=pad,h5     # some areas only (BENCHMARKS.md is left alone unless --write)',
    '```',
    '',
    'Env: `BENCH_OUT` (build and scratch directory), `CHROMIUM_PATH` (default /usr/bin/chromium, installed with apt-get when missing), `BENCH_RENDER_RUNS` (9), `BENCH_PAD_RUNS` (11), `BENCH_CONTRACT_RUNS` (3). Timings are from a shared 2-core machine: compare ratios taken in the same run rather than absolute milliseconds across runs.',
    ''
  )
  if (failures.length) {
    lines.push('## Problems in this run', '')
    for (const f of failures) lines.push('- ' + cell(f.split('\n')[0]))
    lines.push('')
  }
  fs.writeFileSync(file, lines.join('\n'))
  return file
}

module.exports = { writeReport }
