/**
 * Runs the sandbox backend as an HTTP server, for the H5 app built with INKSEAL_BACKEND=http
 * (or anything else that speaks the protocol of src/services/http/HttpService.ts).
 *
 *   npx tsx scripts/sandbox-server.ts [--demo]
 *
 * Environment:
 *   SANDBOX_PORT          port (default 8787; 0 picks a free one)
 *   SANDBOX_HOST          interface (default 127.0.0.1)
 *   INKSEAL_LINK_BASE     base of the links the sandbox makes (default http://localhost:10086)
 *   SANDBOX_LATENCY_MIN   simulated latency per call, ms (with SANDBOX_LATENCY_MAX; default:
 *   SANDBOX_LATENCY_MAX   the sandbox's own)
 *   SANDBOX_DATA_FILE     state file (default .sandbox-data/sandbox.json in the project);
 *                         uploads (hosts' PDFs and page images) go to a folder beside it, <file>.blobs/
 *   INKSEAL_DEMO=1        (or --demo) auto-play: the demo flows' other signers sign by themselves
 *                         a few seconds after someone signs. Off by default. Never on hosted flows.
 *
 * State survives restarts; POST /api/dev/reset re-seeds it. Dev endpoints and CORS are on: the H5
 * app built with INKSEAL_DEV_TOOLS=1 (`npm start`) shows them in its developer panel.
 */
import * as path from 'path'
import { createSandbox } from '@sandbox'
import { FileBlobStore, serverAutoPlay } from '@sandbox/server/fileBlobs'
import { FileStorage } from '@sandbox/server/fileStorage'
import { startSandboxServer } from '@sandbox/server/sandboxServer'

function envInt(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`)
    process.exit(1)
  }
  return n
}

async function main(): Promise<void> {
  const port = envInt('SANDBOX_PORT') ?? 8787
  const host = process.env.SANDBOX_HOST || '127.0.0.1'
  const linkBase = process.env.INKSEAL_LINK_BASE || 'http://localhost:10086'
  const dataFile = path.resolve(process.env.SANDBOX_DATA_FILE || path.join(__dirname, '..', '.sandbox-data', 'sandbox.json'))

  const min = envInt('SANDBOX_LATENCY_MIN')
  const max = envInt('SANDBOX_LATENCY_MAX')
  const latency = min === undefined && max === undefined ? undefined : { min: min ?? max ?? 0, max: Math.max(max ?? min ?? 0, min ?? 0) }

  const autoPlayOthers = serverAutoPlay(process.argv.slice(2), process.env)
  const blobs = new FileBlobStore(`${dataFile}.blobs`)
  const sandbox = createSandbox({ storage: new FileStorage(dataFile), blobs, autoPlayOthers, linkBase, ...(latency ? { latency } : {}) })
  const server = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port, host, cors: true })

  console.log(`InkSeal sandbox server: ${server.url}`)
  console.log(`  API      POST ${server.url}/api/v1/{operation}`)
  console.log(`  dev      GET  ${server.url}/api/dev/links | identities | sms | meetings, POST ${server.url}/api/dev/reset (the app's 开发者面板 reads them)`)
  console.log(`  state    ${dataFile}`)
  console.log(`  uploads  ${blobs.dir}`)
  console.log(`  links    ${linkBase}`)
  console.log(`  auto-play ${autoPlayOthers ? 'on (demo: other signers of the demo flows sign by themselves)' : 'off (INKSEAL_DEMO=1 or --demo turns it on)'}`)
  console.log(`  host     ${linkBase}/#/packages/host/pages/console/index  (主持人控制台: 首页 → 发起会中签约)`)
  if (latency) console.log(`  latency  ${latency.min}-${latency.max} ms`)
  for (const m of sandbox.dev.listMeetings()) console.log(`  meeting  ${m.name}: ${m.screenLink}`)
  for (const l of sandbox.dev.listDemoLinks()) console.log(`  link     ${l.label}: ${l.link}`)

  // There is no phone: print each SMS the sandbox "sends" (recipients are masked), and the screen
  // of each meeting a host starts.
  let seen = new Set(sandbox.dev.listSmsOutbox().map((m) => m.id))
  let meetings = new Set(sandbox.dev.listMeetings().map((m) => m.meetingId))
  const smsTimer = setInterval(() => {
    const all = sandbox.dev.listSmsOutbox()
    for (const m of all.slice().reverse()) if (!seen.has(m.id)) console.log(`[SMS → ${m.to}] ${m.text}`)
    seen = new Set(all.map((m) => m.id))
    const now = sandbox.dev.listMeetings()
    for (const m of now) if (!meetings.has(m.meetingId)) console.log(`[meeting] ${m.name}: ${m.screenLink}`)
    meetings = new Set(now.map((m) => m.meetingId))
  }, 500)
  smsTimer.unref()

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
