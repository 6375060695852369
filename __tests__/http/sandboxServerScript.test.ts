/**
 * scripts/sandbox-server.ts as a process: prints its URL, serves the sandbox with dev tools
 * and CORS, and keeps the sandbox state in its file across a restart.
 */
import { ChildProcess, spawn } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { raw } from './helpers'

jest.setTimeout(60000)

const ROOT = path.resolve(__dirname, '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')
let dir: string
const children: ChildProcess[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-server-'))
})

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop))
  fs.rmSync(dir, { recursive: true, force: true })
})

function start(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, ['scripts/sandbox-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_LATENCY_MIN: '0', SANDBOX_LATENCY_MAX: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30000)
    const onData = (b: Buffer) => {
      out += b.toString()
      const m = /sandbox server: (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1], child })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code}:\n${out}`))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

test('serves the sandbox and keeps its state across a restart', async () => {
  const dataFile = path.join(dir, 'state', 'sandbox.json')
  const env = { SANDBOX_DATA_FILE: dataFile, INKSEAL_LINK_BASE: 'http://localhost:10086' }

  const first = await start(env)
  expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect((await raw(`${first.url}/api/health`)).body).toEqual({ ok: true })
  const links = (await raw(`${first.url}/api/dev/links`)).body.data as Array<{ link: string }>
  expect(links.length).toBeGreaterThan(0)
  expect(links[0].link.startsWith('http://localhost:10086/s/')).toBe(true)
  const sms = await raw(`${first.url}/api/v1/sendSmsCode`, {
    method: 'POST',
    body: JSON.stringify({ mobile: '13810008000', purpose: 'REAL_NAME' }),
    headers: { 'content-type': 'application/json', origin: 'http://localhost:10086' }
  })
  expect(sms.status).toBe(200)
  expect(sms.headers.get('access-control-allow-origin')).toBe('*')
  const outbox = (await raw(`${first.url}/api/dev/sms`)).body.data
  expect(outbox).toHaveLength(1)
  await stop(first.child)
  expect(fs.existsSync(dataFile)).toBe(true)

  const second = await start(env)
  expect((await raw(`${second.url}/api/dev/sms`)).body.data).toEqual(outbox)
  // the resend limit was persisted too
  const again = await raw(`${second.url}/api/v1/sendSmsCode`, { method: 'POST', body: JSON.stringify({ mobile: '13810008000', purpose: 'REAL_NAME' }) })
  expect(again.status).toBe(429)
  expect(again.body.error.code).toBe('SMS_TOO_FREQUENT')
  // reset empties it, and that is persisted as well
  expect((await raw(`${second.url}/api/dev/reset`, { method: 'POST' })).status).toBe(200)
  await stop(second.child)
  const third = await start(env)
  expect((await raw(`${third.url}/api/dev/sms`)).body.data).toEqual([])
})
