/**
 * The real sandbox behind the HTTP server, used through the HTTP client: a signer's journey,
 * typed errors crossing the wire, and parity (the same script against the sandbox in-process
 * and over HTTP gives the same transcript, so the UI cannot tell which one it has).
 */
import { createHash } from 'crypto'
import { startSandboxServer } from '@sandbox/server/sandboxServer'
import { parsePayload } from '@/domain/entryLink'
import { ServiceError } from '@/services/errors'
import { createHttpService } from '@/services/http/HttpService'
import { fetchRequest } from '@/services/http/fetchRequest'
import { createSandbox, DEMO_FLOWS, DEMO_PEOPLE, type SandboxService } from '@sandbox'
import type { DemoLink, FaceCapture, InkSealService, SmsMessage } from '@/services/types'
import { OPERATIONS } from '@/services/types'
import { caught, raw } from './helpers'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }))

const T0 = Date.UTC(2026, 10, 21, 2, 0, 0) // fixed clock: both sandboxes agree on everything
const CAPTURE: FaceCapture = { source: 'simulated', frames: 30, action: 'blink', completed: true }
const ZHANG_SAN = DEMO_PEOPLE.ZHANG_SAN
const WU_HAO = DEMO_PEOPLE.WU_HAO

function newSandbox(): SandboxService {
  return createSandbox({ seed: 7, now: () => T0, latency: { min: 0, max: 0 } })
}

/** Link token of a demo link, from its payload. */
function linkFor(links: DemoLink[], flowId: string): { flowId: string; linkToken: string } {
  for (const l of links) {
    if (l.flowId !== flowId) continue
    const parsed = parsePayload(l.payload, T0)
    if (parsed.ok) return { flowId, linkToken: parsed.payload.token }
  }
  throw new Error(`no valid demo link for ${flowId}`)
}

function codeFrom(outbox: SmsMessage[], maskedMobile: string): string {
  const m = outbox.find((x) => x.to === maskedMobile) // newest first
  const code = m && /(\d{6})/.exec(m.text)
  if (!code) throw new Error(`no SMS to ${maskedMobile} in ${JSON.stringify(outbox)}`)
  return code[1]
}

let sandbox: SandboxService
let server: Awaited<ReturnType<typeof startSandboxServer>>
let client: InkSealService

async function devGet<T>(path: string): Promise<T> {
  const r = await raw(`${server.url}/api/dev/${path}`)
  expect(r.status).toBe(200)
  expect(r.body.ok).toBe(true)
  return r.body.data as T
}

beforeAll(async () => {
  sandbox = newSandbox()
  server = await startSandboxServer({ service: sandbox, dev: sandbox.dev, port: 0, host: '127.0.0.1' })
  client = createHttpService({ baseUrl: server.url, timeoutMs: 5000, request: fetchRequest })
})

afterAll(() => server.close())

/** Verifies a person through the client, reading the SMS code from the dev outbox over HTTP. */
async function verify(api: InkSealService, person: { name: string; idNumber: string; mobile: string }, outbox: () => Promise<SmsMessage[]>) {
  const ticket = await api.sendSmsCode({ mobile: person.mobile, purpose: 'REAL_NAME' })
  const smsCode = codeFrom(await outbox(), ticket.sentTo)
  const rn = await api.verifyRealName({ ...person, smsCode })
  return api.completeFace({ verificationId: rn.verificationId, capture: CAPTURE })
}

describe('sandbox over HTTP', () => {
  test('the client has exactly the OPERATIONS as methods', () => {
    expect(Object.keys(client).sort()).toEqual([...OPERATIONS].sort())
  })

  test('dev endpoints expose the sandbox dev tools', async () => {
    expect(await devGet('links')).toEqual(sandbox.dev.listDemoLinks())
    const identities = await devGet<Array<{ name: string }>>('identities')
    expect(identities.map((i) => i.name)).toEqual(expect.arrayContaining(['张三', '吴昊']))
  })

  test("a signer's journey: resolve, SMS, real name, face, join, view, list", async () => {
    const links = await devGet<DemoLink[]>('links')
    const entry = linkFor(links, DEMO_FLOWS.PERSONAL)

    const resolved = await client.resolveEntry(entry)
    expect(resolved.flow.flowId).toBe(DEMO_FLOWS.PERSONAL)
    expect(resolved.flow.title).toBe('房屋租赁合同')
    expect(resolved.flow.status).toBe('SIGNING')

    const ticket = await client.sendSmsCode({ mobile: ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    expect(ticket.sentTo).toBe('138****8000')
    const smsCode = codeFrom(await devGet<SmsMessage[]>('sms'), ticket.sentTo)

    const rn = await client.verifyRealName({ name: ZHANG_SAN.name, idNumber: ZHANG_SAN.idNumber, mobile: ZHANG_SAN.mobile, smsCode })
    expect(rn.faceRequired).toBe(true)
    expect(rn.maskedName).toBe('张*')

    const session = await client.completeFace({ verificationId: rn.verificationId, capture: CAPTURE })
    expect(session.token).toEqual(expect.any(String))
    expect(session.maskedMobile).toBe('138****8000')
    expect(JSON.stringify(session)).not.toContain(ZHANG_SAN.idNumber)

    const joined = await client.joinFlow({ session: session.token, ...entry })
    expect(joined.flowId).toBe(DEMO_FLOWS.PERSONAL)
    expect(joined.signers.map((s) => s.signerId)).toContain(joined.mySignerId)

    const viewed = await client.getFlow({ session: session.token, flowId: DEMO_FLOWS.PERSONAL })
    expect(viewed).toEqual(joined)

    const mine = await client.listMyFlows({ session: session.token })
    expect(mine.map((f) => f.flowId)).toContain(DEMO_FLOWS.PERSONAL)

    await expect(client.signOut({ session: session.token })).resolves.toEqual({ ok: true })
    expect((await caught(client.getFlow({ session: session.token, flowId: DEMO_FLOWS.PERSONAL }))).code).toBe('SESSION_INVALID')
  })

  test('SMS_CODE_WRONG crosses the wire with the remaining tries', async () => {
    const person = DEMO_PEOPLE.LI_SI
    const ticket = await client.sendSmsCode({ mobile: person.mobile, purpose: 'REAL_NAME' })
    const right = codeFrom(sandbox.dev.listSmsOutbox(), ticket.sentTo)
    const wrong = right === '000000' ? '111111' : '000000'
    const input = { name: person.name, idNumber: person.idNumber, mobile: person.mobile, smsCode: wrong }

    const viaHttp = await caught(client.verifyRealName(input))
    expect(viaHttp).toBeInstanceOf(ServiceError)
    expect(viaHttp.code).toBe('SMS_CODE_WRONG')
    expect(viaHttp.message).toMatch(/验证码错误/)
    expect(viaHttp.details).toEqual({ remaining: 4 })
    // the next try in-process counts on from the same state
    const inProcess = await caught(sandbox.verifyRealName(input))
    expect([inProcess.code, inProcess.details]).toEqual(['SMS_CODE_WRONG', { remaining: 3 }])
  })

  test('LINK_INVALID for a token that does not exist', async () => {
    const e = await caught(client.resolveEntry({ flowId: DEMO_FLOWS.PERSONAL, linkToken: 'AAAAAAAA' }))
    expect(e.code).toBe('LINK_INVALID')
    expect(e.message).toMatch(/签署码无效/)
  })

  test('INVALID_INPUT from the service keeps its field', async () => {
    const e = await caught(client.resolveEntry({ flowId: 'bad', linkToken: 'AAAAAAAA' }))
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.details.field).toBe('flowId')
  })

  test('NOT_DESIGNATED_SIGNER for 吴昊 on the strategic signing, with who it is meant for', async () => {
    const session = await verify(client, WU_HAO, () => devGet<SmsMessage[]>('sms'))
    const entry = linkFor(sandbox.dev.listDemoLinks(), DEMO_FLOWS.STRATEGIC)
    const e = await caught(client.joinFlow({ session: session.token, ...entry }))
    expect(e.code).toBe('NOT_DESIGNATED_SIGNER')
    expect(e.message).toMatch(/您不是本合同的签署人/)
    expect(e.details.flowId).toBe(DEMO_FLOWS.STRATEGIC)
    expect(e.details.intendedFor).toEqual(expect.arrayContaining([expect.stringMatching(/^刘\*/)]))
    const r = await raw(`${server.url}/api/v1/joinFlow`, { method: 'POST', body: JSON.stringify({ session: session.token, ...entry }) })
    expect(r.status).toBe(403)
  })

  test('POST /api/dev/reset re-seeds the sandbox', async () => {
    expect((await devGet<SmsMessage[]>('sms')).length).toBeGreaterThan(0)
    expect((await raw(`${server.url}/api/dev/reset`, { method: 'POST' })).status).toBe(200)
    expect(await devGet<SmsMessage[]>('sms')).toEqual([])
  })

  test('the signed PDF of record crosses the wire intact (what a WeChat build on this server opens)', async () => {
    const links = await devGet<DemoLink[]>('links')
    const entry = linkFor(links, DEMO_FLOWS.COMPLETED)
    const session = await verify(client, DEMO_PEOPLE.LI_SI, () => devGet<SmsMessage[]>('sms'))
    await client.joinFlow({ session: session.token, ...entry })
    const doc = await client.getContractDocument({ session: session.token, flowId: DEMO_FLOWS.COMPLETED })
    expect(doc.signed).toBe(true)
    const bytes = Buffer.from(doc.pdfBase64, 'base64')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const { pdfVerdict } = await import('@/domain/pdf/verdict')
    expect(pdfVerdict(new Uint8Array(bytes)).status).toBe('VALID')
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
  }, 60_000)
})

describe('parity: in-process sandbox vs the same sandbox over HTTP', () => {
  /** One scripted session; every result and every error goes into the transcript. */
  async function transcript(api: InkSealService, dev: { links: () => Promise<DemoLink[]>; sms: () => Promise<SmsMessage[]> }) {
    const out: unknown[] = []
    const step = async <T>(label: string, p: Promise<T>): Promise<T | undefined> => {
      try {
        const v = await p
        out.push([label, 'ok', v])
        return v
      } catch (e) {
        if (!(e instanceof ServiceError)) throw e
        out.push([label, 'error', e.name, e.toJSON(), e.transient])
        return undefined
      }
    }
    const links = await dev.links()
    const personal = linkFor(links, DEMO_FLOWS.PERSONAL)
    const strategic = linkFor(links, DEMO_FLOWS.STRATEGIC)
    await step('resolve', api.resolveEntry(personal))
    await step('resolve cancelled', api.resolveEntry(linkFor(links, DEMO_FLOWS.CANCELLED)))
    await step('resolve bogus', api.resolveEntry({ flowId: DEMO_FLOWS.PERSONAL, linkToken: 'AAAAAAAA' }))
    await step('verify without code', api.verifyRealName({ name: ZHANG_SAN.name, idNumber: ZHANG_SAN.idNumber, mobile: ZHANG_SAN.mobile, smsCode: '123456' }))
    const ticket = await step('sms', api.sendSmsCode({ mobile: ZHANG_SAN.mobile, purpose: 'REAL_NAME' }))
    await step('sms again', api.sendSmsCode({ mobile: ZHANG_SAN.mobile, purpose: 'REAL_NAME' }))
    const code = codeFrom(await dev.sms(), ticket!.sentTo)
    const wrong = code === '000000' ? '111111' : '000000'
    await step('verify wrong', api.verifyRealName({ name: ZHANG_SAN.name, idNumber: ZHANG_SAN.idNumber, mobile: ZHANG_SAN.mobile, smsCode: wrong }))
    const rn = await step('verify', api.verifyRealName({ name: ZHANG_SAN.name, idNumber: ZHANG_SAN.idNumber, mobile: ZHANG_SAN.mobile, smsCode: code }))
    await step('face not completed', api.completeFace({ verificationId: rn!.verificationId, capture: { ...CAPTURE, completed: false } }))
    const session = await step('face', api.completeFace({ verificationId: rn!.verificationId, capture: CAPTURE }))
    const s = session!.token
    await step('join', api.joinFlow({ session: s, ...personal }))
    await step('join strategic', api.joinFlow({ session: s, ...strategic }))
    await step('get', api.getFlow({ session: s, flowId: DEMO_FLOWS.PERSONAL }))
    await step('get not joined', api.getFlow({ session: s, flowId: DEMO_FLOWS.STRATEGIC }))
    await step('list', api.listMyFlows({ session: s }))
    await step('sign out', api.signOut({ session: s }))
    await step('list after sign out', api.listMyFlows({ session: s }))
    await step('bad input', api.getFlow({ session: '', flowId: 'x' }))
    return out
  }

  test('the transcripts are identical', async () => {
    const local = newSandbox()
    const expected = await transcript(local, { links: async () => local.dev.listDemoLinks(), sms: async () => local.dev.listSmsOutbox() })

    const remote = newSandbox()
    const s = await startSandboxServer({ service: remote, dev: remote.dev })
    try {
      const api = createHttpService({ baseUrl: s.url, request: fetchRequest })
      const dev = {
        links: async () => (await raw(`${s.url}/api/dev/links`)).body.data as DemoLink[],
        sms: async () => (await raw(`${s.url}/api/dev/sms`)).body.data as SmsMessage[]
      }
      const actual = await transcript(api, dev)
      expect(actual).toEqual(expected)
      // the transcript covers successes and several kinds of errors
      const kinds = new Set(expected.map((x) => (x as unknown[])[1] === 'error' && ((x as unknown[])[3] as { code: string }).code))
      expect(kinds).toEqual(
        new Set([
          false,
          'LINK_INVALID',
          'SMS_CODE_MISSING',
          'SMS_TOO_FREQUENT',
          'SMS_CODE_WRONG',
          'FACE_FAILED',
          'NOT_DESIGNATED_SIGNER',
          'FORBIDDEN',
          'SESSION_INVALID',
          'INVALID_INPUT'
        ])
      )
    } finally {
      await s.close()
    }
  })
})
