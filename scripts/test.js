/**
 * `npm test`: everything, from a fresh clone.
 *  0. lint and format: ESLint (eslint.config.mjs) and Prettier's check (.prettierrc.json)
 *  1. the type check (tsc), then unit, store, service, HTTP and component tests (jest projects
 *     "node" and "ui")
 *  2. production builds of the H5 app and the weapp (into dist/h5 and dist/weapp), and of the
 *     H5 app on the HTTP client (dist/h5-http, API on 127.0.0.1:18787 for the meeting tests)
 *  3. end-to-end: the built H5 app in Debian Chromium (playwright-core) and the built weapp in a
 *     stand-in WeChat host (jest project "e2e")
 * Installs Debian's chromium, poppler-utils (pdfsig) and qpdf when missing (needs root, as on CI).
 * Flags: --no-build (reuse dist/), --only=unit|e2e|lint (lint: stage 0 alone; unit and e2e skip it)
 */
const { execSync, spawnSync } = require('child_process')
const fs = require('fs')

const args = process.argv.slice(2)
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length)
const noBuild = args.includes('--no-build')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function run(cmd, env = {}) {
  console.log(`\n$ ${cmd}`)
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`\nFAILED (${r.status}): ${cmd}`)
    process.exit(r.status || 1)
  }
}

let aptUpdated = false
/** Installs Debian packages whose marker file is missing (needs root or sudo, as on CI). */
function ensureDebian(packages) {
  const missing = Object.entries(packages)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([pkg]) => pkg)
  if (!missing.length) return
  console.log(`installing Debian's ${missing.join(', ')}`)
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : ''
  if (!aptUpdated) execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' })
  aptUpdated = true
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' })
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return
  console.log(`Chromium not found at ${CHROMIUM}`)
  ensureDebian({ chromium: CHROMIUM })
}

if (!only || only === 'lint') {
  run('npx eslint .')
  run('npx prettier --check .')
  if (only === 'lint') {
    console.log('\nLint stage passed.')
    process.exit(0)
  }
}
if (only !== 'e2e') {
  // independent PDF checkers for the signed-document tests (__tests__/domain/pdf)
  ensureDebian({ 'poppler-utils': '/usr/bin/pdfsig', qpdf: '/usr/bin/qpdf' })
  run('npx tsc --noEmit -p tsconfig.json')
  // the committed system-signature outlines match what the font package gives
  run('npx tsx scripts/gen-kai-glyphs.ts --check')
  run('npx jest --selectProjects node ui')
}
if (only !== 'unit') {
  ensureChromium()
  if (!noBuild) {
    run('npx taro build --type h5', { NODE_ENV: 'production' })
    run('npx taro build --type weapp', { NODE_ENV: 'production' })
    // The H5 app on the HTTP client, for the meeting tests against the sandbox server (with
    // its developer panel on the server's /api/dev endpoints, as `npm start` builds it)
    run('npx taro build --type h5', {
      NODE_ENV: 'production',
      INKSEAL_BACKEND: 'http',
      INKSEAL_API_BASE: 'http://127.0.0.1:18787',
      INKSEAL_DEV_TOOLS: '1',
      INKSEAL_OUT: 'dist/h5-http'
    })
  }
  run('npx jest --selectProjects e2e --runInBand', { CHROMIUM_PATH: CHROMIUM })
}
console.log('\nAll test stages passed.')
