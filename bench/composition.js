/**
 * What the big bundles carry, for the suggestions next to a missed size budget: for a few
 * known heavy parts (libraries and source folders), whether they are in a set of built files
 * (by marker strings only they contain) and roughly how big they are (the part bundled alone
 * with esbuild, minified, other packages external; raw and gzip). Estimates, not measurements
 * of the Taro build: they say where to look.
 */
const fs = require('fs')
const path = require('path')
const { ROOT, gzipSize } = require('./lib')

const PARTS = [
  { name: 'sandbox backend (sandbox/)', short: 'the sandbox', dir: 'sandbox', entry: 'sandbox/index.ts' },
  {
    name: 'enterprise logic outside the subpackage (store, domain)',
    short: 'the enterprise logic',
    files: ['src/stores/EnterpriseStore.ts'],
    dir: 'src/domain/enterprise',
    entry: null
  },
  {
    name: 'signature pad domain (src/domain/signature)',
    short: 'the signature pad domain',
    dir: 'src/domain/signature',
    entry: 'src/domain/signature/index.ts'
  },
  { name: 'jsQR (H5 album QR decoding)', short: 'jsQR', pkg: 'jsqr', markers: ['onlyInvert', 'invertFirst'] },
  { name: 'mobx', short: 'mobx', pkg: 'mobx', markers: ['[MobX]'] },
  {
    name: 'qrcode (its core, lib/core/qrcode)',
    short: 'qrcode',
    pkg: 'qrcode/lib/core/qrcode',
    markers: ['The amount of data is too big to be stored in a QR Code']
  },
  { name: 'dayjs', short: 'dayjs', pkg: 'dayjs', markers: ['Invalid Date'] },
  { name: '@noble/hashes', short: '@noble/hashes', pkg: '@noble/hashes/sha256', markers: ['0x6a09e667', '1779033703'] }
]

function listFiles(dir) {
  const out = []
  if (!fs.existsSync(dir)) return out
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, ent.name)
    if (ent.isDirectory()) out.push(...listFiles(abs))
    else if (/\.(tsx?|jsx?)$/.test(ent.name)) out.push(abs)
  }
  return out
}

const escaped = (s) => s.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))

/** String literals of a source part that no other file under src/ contains. */
function sourceMarkers(part) {
  const src = path.join(ROOT, 'src')
  const mine = new Set([...(part.files || []).map((f) => path.join(ROOT, f)), ...(part.dir ? listFiles(path.join(ROOT, part.dir)) : [])])
  const others = listFiles(src)
    .filter((f) => !mine.has(f))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n')
  const markers = new Set()
  for (const f of mine) {
    if (!fs.existsSync(f)) continue
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/'([^'\\\n]{8,60})'|"([^"\\\n]{8,60})"/g)) {
      const s = m[1] || m[2]
      if (/\$\{|^\s|\s$/.test(s) || (/^[\w./@-]+$/.test(s) && !/[A-Z_]{8,}/.test(s))) continue
      if (!others.includes(s)) markers.add(s)
    }
  }
  return [...markers].slice(0, 40)
}

async function estimate(part) {
  const esbuild = require('esbuild')
  let contents
  if (part.pkg) {
    contents = `export * from ${JSON.stringify(part.pkg)}; import * as d from ${JSON.stringify(part.pkg)}; export default d`
  } else {
    const entries = part.entry ? [part.entry] : [...(part.files || []), ...listFiles(path.join(ROOT, part.dir)).map((f) => path.relative(ROOT, f))]
    contents = entries.map((e) => `export * from ${JSON.stringify(path.join(ROOT, e))}`).join('\n')
  }
  try {
    const r = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2017',
      write: false,
      logLevel: 'silent',
      alias: { '@': path.join(ROOT, 'src'), '@sandbox': path.join(ROOT, 'sandbox') },
      // other packages and the rest of the app are someone else's share
      external: part.pkg ? [] : ['mobx', 'mobx-react', 'mobx-react-lite', 'react', 'react-dom', '@tarojs/*', 'dayjs', 'qrcode', 'jsqr', '@noble/*'],
      define: {
        'process.env.TARO_ENV': '"weapp"',
        INKSEAL_BACKEND: '"sandbox"',
        INKSEAL_API_BASE: '""',
        INKSEAL_LINK_HOSTS: '"sign.inkseal.cn"',
        INKSEAL_DEV_TOOLS: '""'
      }
    })
    const buf = Buffer.from(r.outputFiles[0].contents)
    return { raw: buf.length, gzip: gzipSize(buf) }
  } catch {
    return null
  }
}

/**
 * For built files (absolute paths), which PARTS they contain and how big those parts are.
 * Returns [{ name, present, hits, markers, raw, gzip }], largest first, present ones only.
 */
async function composition(files) {
  const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')
  const out = []
  for (const part of PARTS) {
    const markers = part.markers || sourceMarkers(part)
    if (!markers.length) continue
    const hits = markers.filter((m) => text.includes(m) || text.includes(escaped(m))).length
    if (!hits) continue
    const size = await estimate(part)
    if (size) out.push({ name: part.name, short: part.short || part.name, hits, markers: markers.length, ...size })
  }
  return out.sort((a, b) => b.raw - a.raw)
}

module.exports = { composition }
