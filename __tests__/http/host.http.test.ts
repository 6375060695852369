/**
 * The host console's backend over HTTP (what `npm start` runs): a set-up of several MB travels
 * in one request (over the ordinary 1 MB body limit), phones sign through the client, the PDF
 * of record stamps the upload, the uploads survive a server restart (files beside the state),
 * and a body over the upload limit is refused with a clear Chinese error.
 */
import * as fs from 'fs'
import * as http from 'http'
import * as os from 'os'
import * as path from 'path'
import { PDFDocument } from 'pdf-lib'
import { parsePayload } from '@/domain/entryLink'
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import type { InkSealService } from '@/services/types'
import { createSandbox, type SandboxService } from '@sandbox'
import { FileBlobStore, serverAutoPlay } from '@sandbox/server/fileBlobs'
import { FileStorage } from '@sandbox/server/fileStorage'
import { LARGE_BODY_BYTES, MAX_BODY_BYTES, startSandboxServer, type SandboxServer } from '@sandbox/server/sandboxServer'
import { b64, FIXTURE_SIZES, hostInput } from '../services/host.helpers'
import { makePng, OK_FACE, pngBytes, T0, valuesFor } from '../services/signing.helpers'
import { DEMO_PEOPLE, type DemoPersonKey } from '@sandbox'

jest.setTimeout(60000)

let dir: string
let clock: { t: number }
let sandbox: SandboxService
let server: SandboxServer
let api: InkSealService

async function start(): Promise<void> {
  const dataFile = path.join(dir, 'sandbox.json')
  sandbox = createSandbox({
    storage: new FileStorage(dataFile),
    blobs: new FileBlobStore(`${dataFile}.blobs`),
    autoPlayOthers: false,
    latency: { min: 0, max: 0 },
    now: () => clock.t
  })
  server = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port: 0, onError: () => undefined })
  api = createHttpService({ baseUrl: server.url, timeoutMs: 10000, request: fetchRequest })
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkseal-host-'))
  clock = { t: T0 }
  await start()
})

afterEach(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function login(who: DemoPersonKey): Promise<string> {
  const p = DEMO_PEOPLE[who]
  await api.sendSmsCode({ mobile: p.mobile, purpose: 'REAL_NAME' })
  const code = /验证码为(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0].text)![1]
  const v = await api.verifyRealName({ name: p.name, idNumber: p.idNumber, mobile: p.mobile, smsCode: code })
  return (await api.completeFace({ verificationId: v.verificationId, capture: OK_FACE })).token
}

async function sign(who: DemoPersonKey, payload: string): Promise<string> {
  const p = parsePayload(payload, T0)
  if (!p.ok) throw new Error(p.error.message)
  const session = await login(who)
  const { mySignerId } = await api.joinFlow({ session, flowId: p.payload.id, linkToken: p.payload.token })
  const c = await api.getContract({ session, flowId: p.payload.id })
  await api.getContractPages({ session, flowId: p.payload.id, from: 0, count: c.pageCount })
  const ch = await api.startIntent({ session, flowId: p.payload.id, method: 'FACE' })
  const g = await api.confirmIntent({ session, flowId: p.payload.id, challengeId: ch.challengeId, capture: { ...OK_FACE, action: ch.faceAction! } })
  const values = valuesFor(c, mySignerId, { png: makePng(200, 80, 5) })
  await api.submitSigning({ session, flowId: p.payload.id, signerId: mySignerId, intentToken: g.intentToken, idempotencyKey: `http-host-${who}`, values })
  return session
}

test('a multi-MB set-up over HTTP, signed by two phones; the uploads survive a restart', async () => {
  const host = await login('WU_HAO')
  const input = await hostInput(host)
  // incompressible page images: the body is well over the ordinary 1 MB limit
  input.document.pages = input.document.pages.map((p, i) => ({ ...p, image: `data:image/png;base64,${b64(pngBytes(420, 560, i, true))}` }))
  expect(JSON.stringify(input).length).toBeGreaterThan(MAX_BODY_BYTES)
  const m = await api.createHostedMeeting(input)
  expect(m.pageCount).toBe(3)

  // the server restarts: state and uploads are read back from their files
  await server.close()
  await start()
  const zhang = await sign('ZHANG_SAN', m.payload)
  const pages = await api.getContractPages({ session: zhang, flowId: m.flowId, from: 1, count: 1 })
  expect(Buffer.from(pages.pages[0].src.split(',')[1], 'base64').toString()).toContain(b64(pngBytes(420, 560, 1, true)).slice(0, 2000))
  clock.t += 61_000
  await sign('LI_SI', m.payload)
  const board = await api.getMeetingBoard({ meetingId: m.meetingId, boardKey: m.boardKey })
  expect(board.allSigned).toBe(true)
  expect(board.layout?.title).toBe('战略合作签约')

  const doc = await api.getContractDocument({ session: zhang, flowId: m.flowId })
  const pdf = await PDFDocument.load(Buffer.from(doc.pdfBase64, 'base64'))
  expect(pdf.getPages()[0].getSize()).toEqual({ width: FIXTURE_SIZES[0][0], height: FIXTURE_SIZES[0][1] })
  expect(pdf.getPageCount()).toBe(doc.pageCount)

  // the persisted JSON names the uploads; their bytes are files beside it
  const stateText = fs.readFileSync(path.join(dir, 'sandbox.json'), 'utf8')
  expect(stateText).not.toContain(input.document.pdfBase64.slice(0, 200))
  expect(fs.readdirSync(path.join(dir, 'sandbox.json.blobs')).length).toBe(1 + 3 + 1) // the PDF, 3 pages, the logo

  // a reset starts over: the uploads go too
  expect((await fetch(`${server.url}/api/dev/reset`, { method: 'POST' })).status).toBe(200)
  expect(fs.existsSync(path.join(dir, 'sandbox.json.blobs'))).toBe(false)
  expect(sandbox.dev.listMeetings().some((x) => x.meetingId === m.meetingId)).toBe(false)
})

test('a refusal over HTTP keeps its code, message and details', async () => {
  const host = await login('WU_HAO')
  const input = await hostInput(host)
  input.signers[1] = { ...input.signers[1], idNumber: '110108199206150031' }
  const e = await api.createHostedMeeting(input).catch((x) => x)
  expect(e.code).toBe('MEETING_SETUP_INVALID')
  expect(e.message).toMatch(/^第 2 位签署方：/)
  expect(Object.keys(e.details.errors)).toEqual(['signers.1.idNumber'])
})

test('a body over the upload limit: 413 PAYLOAD_TOO_LARGE in Chinese, before the body is read', async () => {
  const limit = LARGE_BODY_BYTES.createHostedMeeting!
  expect(limit).toBeGreaterThan(20 * 1024 * 1024)
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${server.url}/api/v1/createHostedMeeting`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(limit + 1) }
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: text })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.write('{')
  })
  expect(status).toBe(413)
  const error = JSON.parse(body).error
  expect(error.code).toBe('PAYLOAD_TOO_LARGE')
  expect(error.message).toContain('上传内容过大')
  // other operations keep the ordinary limit
  expect(LARGE_BODY_BYTES.getFlow).toBeUndefined()
})

test('the sandbox server script: auto-play off unless a demo asks', () => {
  expect(serverAutoPlay([], {})).toBe(false)
  expect(serverAutoPlay(['--demo'], {})).toBe(true)
  expect(serverAutoPlay([], { INKSEAL_DEMO: '1' })).toBe(true)
  expect(serverAutoPlay([], { INKSEAL_DEMO: '0' })).toBe(false)
})
