/**
 * H5: the JavaScript the signing landing route loads, and its first render, beside the bare
 * Taro app (bench/bare) built in the same run.
 *
 * Landing route: /#/pages/entry/index?link=<a demo signing link> (where a scanned
 * https://host/s/PAYLOAD link lands; the link is read from the sandbox developer panel of the
 * same server). Bare app: /#/pages/index/index.
 *
 * JS: every response of resource type "script" (or a .js URL) from navigation start until the
 * route has rendered its title, the entry check has finished (InkSeal: [data-testid=entry-ready])
 * and the network has been idle for 500 ms, in a fresh browser context (empty cache). Raw =
 * response body bytes; gzip = each body gzipped at level 9 with zlib, summed.
 *
 * First render: a MutationObserver installed before any page script (addInitScript) takes
 * performance.now() (ms since navigation start) in the first mutation callback in which the
 * page title element `.page-title__text` (PageShell's title; the bare page has the same
 * markup) has non-empty text. Headless Chromium, CPU throttled 4x (CDP
 * Emulation.setCPUThrottlingRate), a fresh context per run (cold cache), runs of the two apps
 * interleaved, median of RUNS each.
 */
const fs = require('fs')
const path = require('path')
const { composition } = require('./composition')
const { PHONE, serve, launchChromium, median, gzipSize, kb, ms, ratio, dirs } = require('./lib')
const { demoLink } = require('./demo')

const RUNS = Number(process.env.BENCH_RENDER_RUNS || 9)
const THROTTLE = 4
const JS_BUDGET = 1.6
const RENDER_BUDGET = 1.3
const TITLE = '.page-title__text'

/** Installed before the app's scripts: records when the title first has text. */
function titleProbe(selector) {
  const mark = () => {
    const el = document.querySelector(selector)
    if (el && el.textContent && el.textContent.trim()) {
      window.__benchTitleAt = performance.now()
      window.__benchTitleText = el.textContent.trim()
      return true
    }
    return false
  }
  const start = () => {
    if (mark()) return
    const obs = new MutationObserver(() => {
      if (mark()) obs.disconnect()
    })
    obs.observe(document, { childList: true, subtree: true, characterData: true })
  }
  start()
}

async function loadOnce(browser, url, { throttle = 1, collectJs = false, readySelector = null } = {}) {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  await page.addInitScript(titleProbe, TITLE)
  const js = []
  if (collectJs) {
    page.on('response', (r) => {
      const url = r.url()
      if (r.request().resourceType() !== 'script' && !/\.m?js(\?|$)/.test(url)) return
      js.push(
        r.body().then(
          (body) => ({ url, raw: body.length, gzip: gzipSize(body) }),
          () => ({ url, raw: 0, gzip: 0 })
        )
      )
    })
  }
  const cdp = await context.newCDPSession(page)
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction(() => window.__benchTitleAt !== undefined, null, { timeout: 60_000 })
  if (readySelector) await page.locator(readySelector).first().waitFor({ timeout: 60_000 })
  if (collectJs) await page.waitForLoadState('networkidle')
  const titleAt = await page.evaluate(() => window.__benchTitleAt)
  const fcp = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0]
    return e ? e.startTime : null
  })
  const files = await Promise.all(js)
  await context.close()
  return { titleAt, fcp, files }
}

async function run(figures, { httpBuild } = {}) {
  const section = 'H5 landing route'
  const ink = await serve(dirs.inkH5)
  const bare = await serve(dirs.bareH5)
  const bareMobx = fs.existsSync(path.join(dirs.bareMobxH5, 'index.html')) ? await serve(dirs.bareMobxH5) : null
  const http = httpBuild && fs.existsSync(path.join(httpBuild, 'index.html')) ? await serve(httpBuild) : null
  const browser = await launchChromium()
  try {
    // The signing link, from the developer panel of this server
    const ctx = await browser.newContext(PHONE)
    const link = await demoLink(await ctx.newPage(), ink.url, '房屋租赁合同')
    await ctx.close()
    const inkUrl = `${ink.url}/#/pages/entry/index?link=${encodeURIComponent(link)}`
    const bareUrl = `${bare.url}/#/pages/index/index`
    const bareMobxUrl = bareMobx ? `${bareMobx.url}/#/pages/index/index` : null

    // JavaScript loaded
    const inkJs = (await loadOnce(browser, inkUrl, { collectJs: true, readySelector: '[data-testid="entry-ready"]' })).files
    const bareJs = (await loadOnce(browser, bareUrl, { collectJs: true })).files
    const sum = (list, k) => list.reduce((s, f) => s + f[k], 0)
    const ig = sum(inkJs, 'gzip')
    const bg = sum(bareJs, 'gzip')
    const name = (u) => u.replace(/^.*\//, '')
    figures.add({
      section,
      key: 'h5.js',
      name: 'H5 JS for the landing route, gzip (InkSeal / bare)',
      value: `${kb(ig)} / ${kb(bg)} = ${ratio(ig / bg)}`,
      budget: `≤ ${JS_BUDGET} × bare`,
      met: ig / bg <= JS_BUDGET,
      how: 'script responses seen by Chromium from navigation until the entry check is done and the network is idle 500 ms (fresh context); each body gzipped at level 9, summed',
      raw: {
        ink: inkJs.map((f) => [name(f.url), f.raw, f.gzip]),
        bare: bareJs.map((f) => [name(f.url), f.raw, f.gzip]),
        parts: await composition(inkJs.map((f) => path.join(dirs.inkH5, new URL(f.url).pathname)).filter((f) => fs.existsSync(f)))
      }
    })
    figures.add({
      section,
      key: 'h5.jsraw',
      name: 'H5 JS for the landing route, raw (InkSeal / bare)',
      value: `${kb(sum(inkJs, 'raw'))} in ${inkJs.length} files / ${kb(sum(bareJs, 'raw'))} in ${bareJs.length} files`,
      how: `InkSeal: ${inkJs.map((f) => `${name(f.url)} ${kb(f.raw)}`).join(', ')}; bare: ${bareJs.map((f) => `${name(f.url)} ${kb(f.raw)}`).join(', ')}`
    })

    // The embedded sandbox is its own chunk, fetched by the entry check after the first render
    const isSandbox = (f) => /\/sandbox\.[^/]*\.js$/.test(f.url)
    const sandboxJs = inkJs.filter(isSandbox)
    if (sandboxJs.length) {
      const sg = sum(sandboxJs, 'gzip')
      figures.add({
        section,
        key: 'h5.jsapp',
        name: 'of which the embedded sandbox / the app itself, gzip',
        value: `sandbox ${kb(sg)} (${kb(sum(sandboxJs, 'raw'))} raw); app ${kb(ig - sg)} = ${ratio((ig - sg) / bg)} bare`,
        how: 'the same responses split by file: the sandbox chunk (the simulated backend, loaded on the first backend call: src/platform/backend.h5.ts) and everything else'
      })
    }
    let bareMobxGz = null
    if (bareMobxUrl) {
      const files = (await loadOnce(browser, bareMobxUrl, { collectJs: true })).files
      bareMobxGz = sum(files, 'gzip')
      figures.add({
        section,
        key: 'h5.jsbaremobx',
        name: 'H5 JS, bare app + MobX (reference)',
        value: `${kb(bareMobxGz)} gzip = ${ratio(bareMobxGz / bg)} bare; ${kb(sum(files, 'raw'))} raw`,
        how: 'the bare app with its page made a MobX observer (mobx-react, as in InkSeal) of a makeAutoObservable store (bench/bare-mobx/index.tsx), MobX production bundle as in InkSeal: what the state library alone adds'
      })
    }

    // The same route in the HTTP-backend build (what would ship). No backend answers it: the
    // entry check ends refused after its retries, with the same code loaded; the title (first
    // render) does not wait for the backend.
    let httpUrl = null
    if (http) {
      httpUrl = `${http.url}/#/pages/entry/index?link=${encodeURIComponent(link.replace(/^https?:\/\/[^/]+/, http.url))}`
      const files = (
        await loadOnce(browser, httpUrl, {
          collectJs: true,
          readySelector: '[data-testid="entry-ready"], [data-testid="entry-refused"], [data-testid="entry-closed"]'
        })
      ).files
      const hg = sum(files, 'gzip')
      figures.add({
        section,
        key: 'h5.jshttp',
        name: 'H5 JS for the landing route, HTTP-backend build',
        value: `${kb(hg)} gzip = ${ratio(hg / bg)} bare; ${kb(sum(files, 'raw'))} raw in ${files.length} files`,
        how: 'the same measurement on the INKSEAL_BACKEND=http build (what would ship; information: the budget is taken on the default sandbox build above); no backend runs, the entry check ends refused with the same code loaded',
        raw: {
          gzip: hg,
          files: files.map((f) => [name(f.url), f.raw, f.gzip]),
          parts: await composition(files.map((f) => path.join(httpBuild, new URL(f.url).pathname)).filter((f) => fs.existsSync(f)))
        }
      })
    }

    // First render, 4x CPU throttling, the apps interleaved (order rotating every round)
    const apps = [
      { id: 'bare', url: bareUrl },
      { id: 'ink', url: inkUrl },
      ...(httpUrl ? [{ id: 'http', url: httpUrl }] : []),
      ...(bareMobxUrl ? [{ id: 'bareMobx', url: bareMobxUrl }] : [])
    ]
    const title = {}
    const fcp = {}
    for (const a of apps) {
      title[a.id] = []
      fcp[a.id] = []
      // one unmeasured load each first (OS file cache, first use of the server)
      await loadOnce(browser, a.url, { throttle: THROTTLE })
    }
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < apps.length; k++) {
        const a = apps[(i + k) % apps.length]
        const r = await loadOnce(browser, a.url, { throttle: THROTTLE })
        title[a.id].push(r.titleAt)
        if (r.fcp != null) fcp[a.id].push(r.fcp)
      }
    }
    const mi = median(title.ink)
    const mb = median(title.bare)
    figures.add({
      section,
      key: 'h5.render',
      name: `H5 first render, CPU 4× (InkSeal / bare), median of ${RUNS}`,
      value: `${ms(mi)} / ${ms(mb)} = ${ratio(mi / mb)}`,
      budget: `≤ ${RENDER_BUDGET} × bare`,
      met: mi / mb <= RENDER_BUDGET,
      how: 'ms from navigation start until the page title element (.page-title__text) has text, taken by a MutationObserver installed before the app scripts; headless Chromium, 4× CPU throttling, fresh context per run, apps interleaved',
      raw: { ink: title.ink, bare: title.bare }
    })
    if (httpUrl) {
      const mh = median(title.http)
      figures.add({
        section,
        key: 'h5.renderhttp',
        name: `H5 first render, CPU 4×, HTTP-backend build / bare`,
        value: `${ms(mh)} / ${ms(mb)} = ${ratio(mh / mb)}`,
        how: 'the same runs, interleaved with the two above, on the INKSEAL_BACKEND=http build (information)',
        raw: { http: title.http }
      })
    }
    if (bareMobxUrl) {
      const mm = median(title.bareMobx)
      figures.add({
        section,
        key: 'h5.renderbaremobx',
        name: 'H5 first render, CPU 4×, bare app + MobX / bare (reference)',
        value: `${ms(mm)} / ${ms(mb)} = ${ratio(mm / mb)}`,
        how: 'the same runs, interleaved, on the bare app whose page is a MobX observer (bench/bare-mobx): the share of the budget the state library takes by itself',
        raw: { bareMobx: title.bareMobx }
      })
    }
    if (fcp.ink.length && fcp.bare.length) {
      figures.add({
        section,
        key: 'h5.fcp',
        name: 'H5 first contentful paint, CPU 4× (InkSeal / bare), median',
        value: `${ms(median(fcp.ink))} / ${ms(median(fcp.bare))} = ${ratio(median(fcp.ink) / median(fcp.bare))}`,
        how: "Chromium's first-contentful-paint entry in the same runs (information; paints the loading shell too)",
        raw: { ink: fcp.ink, bare: fcp.bare }
      })
    }
  } finally {
    await browser.close()
    await ink.close()
    await bare.close()
    if (http) await http.close()
    if (bareMobx) await bareMobx.close()
  }
}

module.exports = { run }
