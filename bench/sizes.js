/**
 * weapp package sizes: the main package and every subpackage of the production build, beside
 * the bare Taro app (bench/bare) built in the same run, and a check that enterprise onboarding
 * lives outside the main package.
 *
 * A package's size is the sum of its files' sizes on disk, as e2e/support/weappHost.ts counts
 * them for the 2 MB limit test: a subpackage is everything under its root, the main package
 * everything else (app.js, taro.js, vendors.js, common.js, base.wxml... included), minus
 * project.config.json / project.private.config.json, which are not uploaded.
 */
const fs = require('fs')
const path = require('path')
const { ROOT, dirs, kb, readJson } = require('./lib')
const { composition } = require('./composition')

const MAIN_BUDGET_KB = 600
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json'])
const ENTERPRISE_ROOT = 'packages/enterprise'

function walk(dir, base = dir, out = []) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, ent.name)
    if (ent.isDirectory()) walk(abs, base, out)
    else out.push({ rel: path.relative(base, abs).split(path.sep).join('/'), abs, bytes: fs.statSync(abs).size })
  }
  return out
}

function packageSizes(buildDir) {
  const app = readJson(path.join(buildDir, 'app.json'))
  const roots = (app.subPackages || app.subpackages || []).map((s) => s.root.replace(/^\/+|\/+$/g, ''))
  const pkgs = new Map([['main', { name: 'main', bytes: 0, files: [] }]])
  for (const r of roots) pkgs.set(r, { name: r, bytes: 0, files: [] })
  for (const f of walk(buildDir)) {
    if (NOT_PACKAGED.has(f.rel)) continue
    const root = roots.filter((r) => f.rel.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0]
    const p = pkgs.get(root || 'main')
    p.bytes += f.bytes
    p.files.push(f)
  }
  for (const p of pkgs.values()) p.files.sort((a, b) => b.bytes - a.bytes)
  return { app, roots, pkgs: [...pkgs.values()] }
}

/** How a Chinese string appears in the minified weapp JS (terser writes \uXXXX escapes). */
function escaped(s) {
  return s.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}

/**
 * Texts that only the enterprise pages contain: string and JSX text literals of 4+ CJK
 * characters in src/packages/enterprise that occur nowhere else under src/ or sandbox/ (the
 * embedded sandbox rides in the main package and says some of the same things). If one of them
 * is in a main-package file, enterprise page code was pulled into the main package.
 */
function enterpriseMarkers() {
  const src = path.join(ROOT, 'src')
  const entDir = path.join(src, ...ENTERPRISE_ROOT.split('/'))
  if (!fs.existsSync(entDir)) return []
  const files = [...walk(src), ...walk(path.join(ROOT, 'sandbox'))].filter((f) => /\.(tsx?|jsx?)$/.test(f.rel))
  const inside = files.filter((f) => f.abs.startsWith(entDir + path.sep))
  const outsideText = files
    .filter((f) => !f.abs.startsWith(entDir + path.sep))
    .map((f) => fs.readFileSync(f.abs, 'utf8'))
    .join('\n')
  const markers = new Set()
  for (const f of inside) {
    const text = fs.readFileSync(f.abs, 'utf8')
    for (const m of text.matchAll(/[\u4e00-\u9fff，。：、（）]{4,}/g)) {
      const s = m[0].replace(/^[，。：、（）]+|[，。：、（）]+$/g, '')
      if (s.length >= 4 && !outsideText.includes(s)) markers.add(s)
    }
  }
  return [...markers]
}

async function run(figures, { httpBuild } = {}) {
  const section = 'weapp package sizes'
  const ink = packageSizes(dirs.inkWeapp)
  const bare = packageSizes(dirs.bareWeapp)
  const main = ink.pkgs.find((p) => p.name === 'main')
  const bareMain = bare.pkgs.find((p) => p.name === 'main')
  const bareTotal = bare.pkgs.reduce((s, p) => s + p.bytes, 0)
  const inkTotal = ink.pkgs.reduce((s, p) => s + p.bytes, 0)

  figures.add({
    section,
    key: 'weapp.main',
    name: 'weapp main package',
    value: `${kb(main.bytes)} (bare app: ${kb(bareMain.bytes)}, ${(main.bytes / bareMain.bytes).toFixed(2)} ×)`,
    budget: `≤ ${MAIN_BUDGET_KB} KB`,
    met: main.bytes <= MAIN_BUDGET_KB * 1024,
    how: 'production `taro build --type weapp`; sum of file sizes outside every subpackage root (project.config.json excluded), as the 2 MB test counts them',
    raw: {
      bytes: main.bytes,
      bare: bareMain.bytes,
      largest: main.files.slice(0, 6).map((f) => [f.rel, f.bytes]),
      bareLargest: bareMain.files.slice(0, 6).map((f) => [f.rel, f.bytes]),
      parts: await composition(main.files.filter((f) => /\.(js|wxml)$/.test(f.rel)).map((f) => f.abs))
    }
  })
  if (httpBuild && fs.existsSync(path.join(httpBuild, 'app.json'))) {
    const http = packageSizes(httpBuild).pkgs.find((p) => p.name === 'main')
    figures.add({
      section,
      key: 'weapp.http',
      name: 'weapp main package, HTTP-backend build (what would ship)',
      value: `${kb(http.bytes)} (${Math.abs(http.bytes - main.bytes) < 1024 ? 'within 1 KB of' : `${http.bytes < main.bytes ? '−' : '+'}${kb(Math.abs(main.bytes - http.bytes))} against`} the sandbox build)`,
      how: 'the same build with INKSEAL_BACKEND=http (information: the budget above is taken on the default build)',
      raw: { bytes: http.bytes }
    })
  }
  for (const p of ink.pkgs.filter((p) => p.name !== 'main')) {
    figures.add({
      section,
      key: 'weapp.sub',
      name: `weapp subpackage ${p.name}`,
      value: kb(p.bytes),
      budget: '≤ 2048 KB (WeChat limit)',
      met: p.bytes <= 2048 * 1024,
      how: 'sum of file sizes under the subpackage root',
      raw: { bytes: p.bytes }
    })
  }
  const bareSub = bare.pkgs.filter((p) => p.name !== 'main')
  figures.add({
    section,
    key: 'weapp.total',
    name: 'weapp all packages (InkSeal / bare app)',
    value: `${kb(inkTotal)} / ${kb(bareTotal)}`,
    how: `bare app = bench/bare (one page + one subpackage page, same Taro/React, the project's node_modules); bare main ${kb(bareMain.bytes)}, bare subpackage ${bareSub.map((p) => kb(p.bytes)).join(', ')}`,
    raw: { ink: inkTotal, bare: bareTotal }
  })

  // Enterprise onboarding outside the main package
  const inMainPages = (ink.app.pages || []).filter((p) => p.startsWith(ENTERPRISE_ROOT + '/'))
  const hasSub = ink.roots.includes(ENTERPRISE_ROOT)
  const markers = enterpriseMarkers()
  const mainJs = main.files.filter((f) => /\.(js|wxml|json)$/.test(f.rel)).map((f) => ({ rel: f.rel, text: fs.readFileSync(f.abs, 'utf8') }))
  const leaks = []
  for (const m of markers) {
    const e = escaped(m)
    const hit = mainJs.find((f) => f.text.includes(m) || f.text.includes(e))
    if (hit) leaks.push(`"${m}" in ${hit.rel}`)
  }
  const ent = ink.pkgs.find((p) => p.name === ENTERPRISE_ROOT)
  const ok = hasSub && inMainPages.length === 0 && leaks.length === 0
  figures.add({
    section,
    key: 'weapp.enterprise',
    name: 'enterprise onboarding outside the main package',
    value: ok
      ? `yes: subpackage ${ENTERPRISE_ROOT} (${kb(ent.bytes)}); none of its ${markers.length} page-only texts in main-package files`
      : `no: ${!hasSub ? 'no subpackage ' + ENTERPRISE_ROOT + '; ' : ''}${inMainPages.length ? 'main pages ' + inMainPages.join(', ') + '; ' : ''}${leaks.slice(0, 3).join('; ')}`,
    budget: 'outside main',
    met: ok,
    how: `app.json: ${ENTERPRISE_ROOT} is a subpackage and no main page is under it; texts (4+ CJK chars) found only in src/${ENTERPRISE_ROOT} are searched in main-package .js/.wxml/.json files (UTF-8 and \\u-escaped)`,
    raw: { markers: markers.length, leaks }
  })
  return { ink, bare }
}

module.exports = { run, packageSizes }
