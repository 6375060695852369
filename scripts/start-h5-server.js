/**
 * `npm start` (also `npm run dev:h5:server`): the H5 app on the HTTP client, against the sandbox
 * served over HTTP, so the host console, the meeting screen and the phones share one backend.
 * Starts `scripts/sandbox-server.ts` (port SANDBOX_PORT, default 8787; state in .sandbox-data/;
 * `npm start -- --demo` or INKSEAL_DEMO=1: the demo flows' other signers sign by themselves)
 * unless SANDBOX_URL points at one already running, builds the H5 app with
 * INKSEAL_BACKEND=http and INKSEAL_DEV_TOOLS=1 into dist/h5-http, and serves it on
 * http://localhost:10086 (PORT). Phones and the meeting screen then share one backend. The app's
 * developer panel (首页 → 开发者面板) reads the server's /api/dev endpoints: demo links,
 * identities, meeting screens and the SMS codes (also printed by the sandbox server).
 */
const { execSync, spawn } = require('child_process')
const path = require('path')
const { serveH5 } = require('./serve-h5')

const port = Number(process.env.PORT || 10086)
const sandboxPort = Number(process.env.SANDBOX_PORT || 8787)
const apiBase = process.env.SANDBOX_URL || `http://127.0.0.1:${sandboxPort}`
const out = path.join('dist', 'h5-http')

let child = null
if (!process.env.SANDBOX_URL) {
  const demo = process.argv.includes('--demo') ? ['--demo'] : []
  child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/sandbox-server.ts', ...demo], {
    stdio: 'inherit',
    env: { ...process.env, SANDBOX_PORT: String(sandboxPort), INKSEAL_LINK_BASE: process.env.INKSEAL_LINK_BASE || `http://localhost:${port}` }
  })
  const stop = () => child && child.kill('SIGTERM')
  process.on('exit', stop)
  process.on('SIGINT', () => process.exit(130))
  process.on('SIGTERM', () => process.exit(143))
}

execSync('npx taro build --type h5', {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', INKSEAL_BACKEND: 'http', INKSEAL_API_BASE: apiBase, INKSEAL_DEV_TOOLS: '1', INKSEAL_OUT: out }
})
serveH5(out, port, '0.0.0.0').then(({ url }) => {
  console.log(`\nInkSeal H5 (HTTP backend ${apiBase}) is running on ${url}`)
  console.log(`主持人控制台 (host console): ${url}/#/packages/host/pages/console/index  (首页 → 发起会中签约)`)
  console.log(`开发者面板 (demo links, identities, SMS codes): ${url}/#/pages/dev/index  (首页 → 开发者面板)`)
  console.log('Demo links, meeting screens and every SMS the sandbox sends are also printed above by the sandbox server.')
})
