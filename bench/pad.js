/**
 * Signature pad cost: the same recorded strokes (bench/strokes.js, >= 2 000 points each, fast
 * and slow writing) replayed through our pad core (src/domain/signature, bundled for the
 * browser with esbuild, minified) and through signature_pad (its minified UMD build) in one
 * Chromium page, on two canvases of the same size (800 x 340 CSS px, device pixel ratio 2,
 * bitmap 1600 x 680, transform scaled to CSS px as the app's H5 pad does).
 *
 * Per run and pad: a fresh pad on a cleared canvas, then timed with performance.now(): every
 * stroke replayed point by point through the input API (ours: begin/move/end with the
 * recorded times and no frame scheduler, so every point is drawn at once; signature_pad:
 * _strokeBegin/_strokeUpdate/_strokeEnd, the methods its pointer handlers call, with Date
 * stubbed to the recorded times since it reads the clock itself), then getImageData(0,0,1,1)
 * so that Chromium rasterises the queued drawing inside the timed span. Cost per point =
 * time / recorded points. Warm-up runs, then RUNS runs per pad with the order alternating;
 * median.
 *
 * Pen settings compared like for like: signature_pad's minWidth/maxWidth are radii, so they are
 * set to half our minWidth/maxWidth (same ink thickness); minDistance = ours (1.5 px); its
 * throttle is off (ours draws every point); the rest are each library's defaults.
 *
 * PNG: a typical signature (__tests__/fixtures/strokes/signature-{fast,slow}.json, 张三, or a
 * generated short one) replayed through our core, exported with exportHandwriting (trimmed,
 * default options, as SignaturePad.exportPng does on H5) from a detached canvas; bytes of the PNG.
 */
const fs = require('fs')
const path = require('path')
const { ROOT, OUT, launchChromium, median, kb, ratio } = require('./lib')
const { RECORDINGS, recording } = require('./strokes')

const RUNS = Number(process.env.BENCH_PAD_RUNS || 11)
const WARMUP = 3
const COST_BUDGET = 1.0
const PNG_BUDGET_KB = 30
const PAD = { width: 800, height: 340, dpr: 2 }

async function bundleOurs() {
  const esbuild = require('esbuild')
  const entry = path.join(ROOT, 'src', 'domain', 'signature', 'index.ts')
  const r = await esbuild.build({
    stdin: {
      contents: `export { SignaturePadCore, exportHandwriting, DEFAULT_PEN } from ${JSON.stringify(entry)}`,
      resolveDir: ROOT,
      loader: 'ts'
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'InkPad',
    target: 'es2019',
    write: false,
    logLevel: 'silent'
  })
  return r.outputFiles[0].text
}

/** Runs in the page. */
function pageSetup({ width, height, dpr }) {
  const make = (top) => {
    const c = document.createElement('canvas')
    c.style.cssText = `position:absolute;left:0;top:${top}px;width:${width}px;height:${height}px;border:1px solid #ccc`
    c.width = width * dpr
    c.height = height * dpr
    document.body.appendChild(c)
    return c
  }
  document.body.style.margin = '0'
  const ours = make(0)
  const theirs = make(height + 20)
  const flush = (c) => c.getContext('2d').getImageData(0, 0, 1, 1)

  window.benchOurs = (rec) => {
    const ctx = ours.getContext('2d')
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(-1, -1, width + 2, height + 2)
    const core = new window.InkPad.SignaturePadCore({ ctx, width, height })
    flush(ours)
    const t0 = performance.now()
    for (const s of rec.strokes) {
      core.begin(s[0][0], s[0][1], s[0][2])
      for (let i = 1; i < s.length; i++) core.move(s[i][0], s[i][1], s[i][2])
      core.end()
    }
    flush(ours)
    return performance.now() - t0
  }

  window.benchTheirs = (rec, options) => {
    const pad = new window.SignaturePad(theirs, options)
    pad.off()
    const ctx = theirs.getContext('2d')
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    pad.clear()
    const rect = theirs.getBoundingClientRect()
    const RealDate = window.Date
    let now = 1
    class FakeDate extends RealDate {
      constructor(...a) {
        if (a.length) super(...a)
        else super(now)
      }
      static now() {
        return now
      }
    }
    const ev = (p, type) => ({ event: { type }, type, x: p[0] + rect.left, y: p[1] + rect.top, pressure: 0.5 })
    flush(theirs)
    window.Date = FakeDate
    let t0 = 0
    let t1 = 0
    try {
      t0 = performance.now()
      for (const s of rec.strokes) {
        now = 1 + s[0][2]
        pad._strokeBegin(ev(s[0], 'pointerdown'))
        for (let i = 1; i < s.length; i++) {
          now = 1 + s[i][2]
          pad._strokeUpdate(ev(s[i], 'pointermove'))
        }
        pad._strokeEnd(ev(s[s.length - 1], 'pointerup'), false)
      }
      flush(theirs)
      t1 = performance.now()
    } finally {
      window.Date = RealDate
    }
    return t1 - t0
  }

  window.benchPng = async (fixture) => {
    const c = document.createElement('canvas')
    c.width = fixture.width * dpr
    c.height = fixture.height * dpr
    const ctx = c.getContext('2d')
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const core = new window.InkPad.SignaturePadCore({ ctx, width: fixture.width, height: fixture.height })
    for (const s of fixture.strokes) {
      core.begin(s[0][0], s[0][1], s[0][2])
      for (let i = 1; i < s.length; i++) core.move(s[i][0], s[i][1], s[i][2])
      core.end()
    }
    const factory = (w, h) => {
      const img = document.createElement('canvas')
      img.width = w
      img.height = h
      return { ctx: img.getContext('2d'), toPng: () => Promise.resolve(img.toDataURL('image/png')) }
    }
    const out = await window.InkPad.exportHandwriting(core.toData(), factory, window.InkPad.DEFAULT_PEN.color)
    const b64 = out.png.slice(out.png.indexOf(',') + 1)
    return { bytes: atob(b64).length, width: out.width, height: out.height, points: fixture.strokes.reduce((n, s) => n + s.length, 0) }
  }
}

function typicalSignatures() {
  const dir = path.join(ROOT, '__tests__', 'fixtures', 'strokes')
  const found = ['signature-fast.json', 'signature-slow.json']
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ ...JSON.parse(fs.readFileSync(f, 'utf8')), file: path.relative(ROOT, f) }))
  if (found.length) return found
  // No fixtures in this checkout: the first strokes of a generated fast recording (~150 points)
  const r = recording({ name: 'generated', seed: 11, speed: 1.6, sampleMs: 16, minPoints: 150 })
  return [{ name: 'generated', width: r.width, height: r.height, strokes: r.strokes, file: 'bench/strokes.js (generated)' }]
}

async function run(figures) {
  const section = 'signature pad'
  const ours = await bundleOurs()
  const spDir = path.join(ROOT, 'node_modules', 'signature_pad')
  const theirs = fs.readFileSync(path.join(spDir, 'dist', 'signature_pad.umd.min.js'), 'utf8')
  const spVersion = JSON.parse(fs.readFileSync(path.join(spDir, 'package.json'), 'utf8')).version
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 }, deviceScaleFactor: PAD.dpr })
    const page = await context.newPage()
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
    await page.addScriptTag({ content: ours })
    await page.addScriptTag({ content: theirs })
    await page.evaluate(pageSetup, PAD)
    const pen = await page.evaluate(() => window.InkPad.DEFAULT_PEN)
    const spOptions = { minWidth: pen.minWidth / 2, maxWidth: pen.maxWidth / 2, minDistance: pen.minDistance, throttle: 0, penColor: pen.color }

    let allMet = true
    const results = []
    for (const make of [RECORDINGS.fast, RECORDINGS.slow]) {
      const rec = make()
      for (let i = 0; i < WARMUP; i++) {
        await page.evaluate((r) => window.benchOurs(r), rec)
        await page.evaluate(([r, o]) => window.benchTheirs(r, o), [rec, spOptions])
      }
      const a = []
      const b = []
      for (let i = 0; i < RUNS; i++) {
        const first = i % 2 === 0
        if (first) a.push(await page.evaluate((r) => window.benchOurs(r), rec))
        b.push(await page.evaluate(([r, o]) => window.benchTheirs(r, o), [rec, spOptions]))
        if (!first) a.push(await page.evaluate((r) => window.benchOurs(r), rec))
      }
      const ma = median(a)
      const mb = median(b)
      const usA = (ma * 1000) / rec.points
      const usB = (mb * 1000) / rec.points
      const met = ma / mb <= COST_BUDGET
      allMet = allMet && met
      results.push({ rec: rec.name, ours: a, theirs: b })
      figures.add({
        section,
        key: 'pad.cost',
        name: `pad cost per point, ${rec.name} writing (ours / signature_pad)`,
        value: `${usA.toFixed(2)} µs / ${usB.toFixed(2)} µs = ${ratio(ma / mb)}`,
        budget: `≤ ${COST_BUDGET.toFixed(1)} × signature_pad`,
        met,
        how: `${rec.points} points in ${rec.strokes.length} strokes (~${rec.speed} px/ms, a sample every ${rec.sampleMs} ms) replayed through each pad's input path incl. rasterisation, 800×340 CSS px at DPR 2, median of ${RUNS} runs; signature_pad ${spVersion} with our pen widths, minDistance ${pen.minDistance}, throttle 0`,
        raw: { oursMs: a, theirsMs: b, points: rec.points }
      })
      if (process.env.BENCH_PAD_SHOT) await page.screenshot({ path: path.join(OUT, `pad-${rec.name}.png`) })
    }

    const pngs = []
    for (const sig of typicalSignatures()) pngs.push({ ...(await page.evaluate((f) => window.benchPng(f), sig)), name: sig.name, file: sig.file })
    const worst = pngs.reduce((m, p) => (p.bytes > m.bytes ? p : m))
    figures.add({
      section,
      key: 'pad.png',
      name: 'exported signature PNG, typical signature (ours)',
      value:
        `${kb(worst.bytes)} (${worst.width}×${worst.height} px, ${worst.name})` +
        (pngs.length > 1
          ? `; ${pngs
              .filter((p) => p !== worst)
              .map((p) => `${p.name} ${kb(p.bytes)}`)
              .join(', ')}`
          : ''),
      budget: `≤ ${PNG_BUDGET_KB} KB`,
      met: worst.bytes <= PNG_BUDGET_KB * 1024,
      how: `${pngs.map((p) => p.file).join(', ')} replayed through our core on its 800×340 pad, exportHandwriting with its defaults (trimmed to the ink, longest side ≤ 600 px) from a detached canvas, toDataURL('image/png'); the larger is the figure`,
      raw: pngs
    })
    await context.close()
    return { allMet, results }
  } finally {
    await browser.close()
  }
}

module.exports = { run }
