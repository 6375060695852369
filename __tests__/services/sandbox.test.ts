import { parsePayload, ID_ALPHABET } from '@/domain/entryLink'
import { validateResidentId } from '@/domain/identity'
import { validateCreditCode } from '@/domain/creditCode'
import { MemoryStorage } from '@/services/storage'
import { ServiceError, type ErrorCode } from '@/services/errors'
import type { FaceCapture, OperationName } from '@/services/types'
import {
  createSandbox,
  DEMO_ENTERPRISES,
  DEMO_FLOWS,
  DEMO_LINK_SPECS,
  DEMO_PEOPLE,
  SANDBOX_STORAGE_KEY,
  type DemoLinkKey,
  type DemoPerson,
  type SandboxOptions,
  type SandboxService
} from '@sandbox'

const T0 = Date.UTC(2026, 10, 21, 2, 0, 0) // 2026-11-21 10:00 Beijing
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const OK_FACE: FaceCapture = { source: 'simulated', frames: 24, action: 'blink', completed: true }

interface Env {
  sb: SandboxService
  storage: MemoryStorage
  clock: { t: number }
  advance(ms: number): void
}

/** The fake clock behind each sandbox, for expectations on absolute times. */
const clocks = new WeakMap<SandboxService, { t: number }>()
function clockOf(sb: SandboxService): number {
  return clocks.get(sb)!.t
}

function setup(opts: SandboxOptions = {}): Env {
  const clock = { t: T0 }
  const storage = (opts.storage as MemoryStorage) ?? new MemoryStorage()
  const sb = createSandbox({ latency: { min: 0, max: 0 }, now: () => clock.t, ...opts, storage })
  clocks.set(sb, clock)
  return { sb, storage, clock, advance: (ms) => void (clock.t += ms) }
}

async function expectError(p: Promise<unknown>, code: ErrorCode): Promise<ServiceError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError)
    const err = e as ServiceError
    if (err.code !== code) throw new Error(`expected ${code}, got ${err.code}: ${err.message}`)
    expect(err.message).toMatch(/[\u4e00-\u9fff]/) // Chinese, fit for users
    return err
  }
  throw new Error(`expected ${code}, but it resolved`)
}

function lastCode(sb: SandboxService): string {
  const m = /验证码为(\d{6})/.exec(sb.dev.listSmsOutbox()[0].text)
  if (!m) throw new Error('no code in outbox')
  return m[1]
}

function demoLink(sb: SandboxService, key: DemoLinkKey): { flowId: string; linkToken: string; payload: string } {
  const spec = DEMO_LINK_SPECS.find((s) => s.key === key)!
  const link = sb.dev.listDemoLinks().find((l) => l.label === spec.label)!
  const linkToken = link.payload.split('.')[3]
  return { flowId: link.flowId, linkToken, payload: link.payload }
}

type Who = Pick<DemoPerson, 'name' | 'idNumber' | 'mobile'>

async function verify(sb: SandboxService, who: Who): Promise<string> {
  await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
  const v = await sb.verifyRealName({ ...who, smsCode: lastCode(sb) })
  return v.verificationId
}

async function login(sb: SandboxService, who: Who): Promise<string> {
  const verificationId = await verify(sb, who)
  const s = await sb.completeFace({ verificationId, capture: OK_FACE })
  return s.token
}

const P = DEMO_PEOPLE

describe('demo data', () => {
  test('identity numbers, credit codes and flow ids are valid', () => {
    for (const p of Object.values(P)) {
      expect(validateResidentId(p.idNumber, T0).ok).toBe(true)
      expect(p.mobile).toMatch(/^1[3-9]\d{9}$/)
    }
    for (const e of Object.values(DEMO_ENTERPRISES)) expect(validateCreditCode(e.creditCode).ok).toBe(true)
    for (const id of Object.values(DEMO_FLOWS)) {
      expect(id).toHaveLength(8)
      expect([...id].every((c) => ID_ALPHABET.includes(c))).toBe(true)
    }
  })

  test('seven demo links; payloads parse; the expired one is expired', () => {
    const { sb } = setup({ linkBase: 'http://localhost:10086' })
    const links = sb.dev.listDemoLinks()
    expect(links).toHaveLength(9)
    for (const l of links) {
      expect(l.link).toBe(`http://localhost:10086/s/${l.payload}`)
      expect(l.hint).toBeTruthy()
    }
    const expired = links.find((l) => l.label === '已过期的签署码')!
    for (const l of links) {
      const parsed = parsePayload(l.payload, T0)
      if (l === expired) expect(!parsed.ok && parsed.error.code).toBe('LINK_EXPIRED')
      else expect(parsed.ok && parsed.payload.id).toBe(l.flowId)
    }
    expect(setup().sb.dev.listDemoLinks()[0].link).toMatch(/^https:\/\/sign\.inkseal\.cn\/s\/1\.S\./)
    expect(sb.dev.listDemoIdentities().map((i) => i.name)).toContain('吴昊')
  })
})

describe('SMS', () => {
  test('sends a 6-digit code to the outbox with a masked recipient', async () => {
    const { sb } = setup()
    const ticket = await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    expect(ticket).toEqual({ sentTo: '138****8000', expiresAt: T0 + 5 * MINUTE, resendAt: T0 + 60 * SECOND })
    const [msg] = sb.dev.listSmsOutbox()
    expect(msg.to).toBe('138****8000')
    expect(msg.text).toMatch(/^【InkSeal】您的验证码为\d{6}，5分钟内有效。如非本人操作，请忽略。$/)
    const err = await expectError(sb.sendSmsCode({ mobile: '12345', purpose: 'REAL_NAME' }), 'INVALID_INPUT')
    expect(err.details.field).toBe('mobile')
    await expectError(sb.sendSmsCode({ mobile: P.LI_SI.mobile, purpose: 'X' as never }), 'INVALID_INPUT')
  })

  test('a new code only after 60 s; outbox newest first', async () => {
    const { sb, advance } = setup()
    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    advance(60 * SECOND - 1)
    const err = await expectError(sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' }), 'SMS_TOO_FREQUENT')
    expect(err.details.retryAfterMs).toBe(1)
    // Another purpose has its own record.
    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'INTENT' })
    advance(1)
    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    const outbox = sb.dev.listSmsOutbox()
    expect(outbox).toHaveLength(3)
    expect(outbox[0].sentAt).toBe(T0 + 60 * SECOND)
  })

  test('a code works until 5 min and is expired at 5 min; one use; missing code', async () => {
    const { sb, advance } = setup()
    await expectError(sb.verifyRealName({ ...P.ZHANG_SAN, smsCode: '123456' }), 'SMS_CODE_MISSING')
    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    advance(5 * MINUTE - 1)
    const code = lastCode(sb)
    const ok = await sb.verifyRealName({ ...P.ZHANG_SAN, smsCode: code })
    expect(ok).toMatchObject({ faceRequired: true, maskedName: '张*' })
    await expectError(sb.verifyRealName({ ...P.ZHANG_SAN, smsCode: code }), 'SMS_CODE_MISSING')

    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' })
    advance(5 * MINUTE)
    await expectError(sb.verifyRealName({ ...P.ZHANG_SAN, smsCode: lastCode(sb) }), 'SMS_CODE_EXPIRED')
  })

  test('5 wrong codes (across resends) lock for 10 min; then it unlocks', async () => {
    const { sb, advance } = setup()
    const who = P.LI_SI
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
    const wrong = lastCode(sb) === '000000' ? '111111' : '000000'
    for (const remaining of [4, 3]) {
      const e = await expectError(sb.verifyRealName({ ...who, smsCode: wrong }), 'SMS_CODE_WRONG')
      expect(e.details.remaining).toBe(remaining)
    }
    advance(60 * SECOND)
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' }) // resend does not reset the count
    const wrong2 = lastCode(sb) === '000000' ? '111111' : '000000'
    for (const remaining of [2, 1]) {
      const e = await expectError(sb.verifyRealName({ ...who, smsCode: wrong2 }), 'SMS_CODE_WRONG')
      expect(e.details.remaining).toBe(remaining)
    }
    const code = lastCode(sb)
    const locked = await expectError(sb.verifyRealName({ ...who, smsCode: wrong2 }), 'SMS_LOCKED')
    expect(locked.details.until).toBe(T0 + 60 * SECOND + 10 * MINUTE)
    // While locked: the right code and a new code are both refused; other purposes are not locked.
    await expectError(sb.verifyRealName({ ...who, smsCode: code }), 'SMS_LOCKED')
    advance(2 * MINUTE)
    const e = await expectError(sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' }), 'SMS_LOCKED')
    expect(e.details.until).toBe(T0 + 11 * MINUTE)
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'INTENT' })
    advance(8 * MINUTE - 1) // 1 ms before the end of the lock
    await expectError(sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' }), 'SMS_LOCKED')
    advance(1)
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
    const wrong3 = lastCode(sb) === '000000' ? '111111' : '000000'
    const again = await expectError(sb.verifyRealName({ ...who, smsCode: wrong3 }), 'SMS_CODE_WRONG')
    expect(again.details.remaining).toBe(4) // fresh tries after the lock
    await sb.verifyRealName({ ...who, smsCode: lastCode(sb) })
  })

  test('a correct code resets the wrong-code count', async () => {
    const { sb, advance } = setup()
    const who = P.CHEN_CHEN
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
    const wrong = lastCode(sb) === '000000' ? '111111' : '000000'
    for (let i = 0; i < 4; i++) await expectError(sb.verifyRealName({ ...who, smsCode: wrong }), 'SMS_CODE_WRONG')
    await sb.verifyRealName({ ...who, smsCode: lastCode(sb) })
    advance(60 * SECOND)
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
    const wrong2 = lastCode(sb) === '000000' ? '111111' : '000000'
    const e = await expectError(sb.verifyRealName({ ...who, smsCode: wrong2 }), 'SMS_CODE_WRONG')
    expect(e.details.remaining).toBe(4)
  })

  test('at most 10 codes per mobile in a rolling 24 h', async () => {
    const { sb, advance } = setup()
    const mobile = P.WU_HAO.mobile
    for (let i = 0; i < 10; i++) {
      await sb.sendSmsCode({ mobile, purpose: i % 2 ? 'INTENT' : 'REAL_NAME' })
      advance(61 * SECOND)
    }
    const e = await expectError(sb.sendSmsCode({ mobile, purpose: 'REAL_NAME' }), 'SMS_TOO_FREQUENT')
    expect(e.message).toContain('今日')
    expect(e.details.retryAfterMs).toBe(DAY - 10 * 61 * SECOND)
    await expectError(sb.sendSmsCode({ mobile, purpose: 'LEGAL_REP' }), 'SMS_TOO_FREQUENT')
    await sb.sendSmsCode({ mobile: P.ZHANG_SAN.mobile, purpose: 'REAL_NAME' }) // other mobiles unaffected
    advance(e.details.retryAfterMs as number)
    await sb.sendSmsCode({ mobile, purpose: 'REAL_NAME' })
  })
})

describe('real name and face', () => {
  test('input is validated with the sandbox clock', async () => {
    const { sb } = setup()
    const bad = { ...P.ZHANG_SAN, idNumber: '110105199003070018', smsCode: '123456' }
    expect((await expectError(sb.verifyRealName(bad), 'INVALID_INPUT')).details.field).toBe('idNumber')
    const future = { ...P.ZHANG_SAN, idNumber: '110105202712010014', smsCode: '123456' }
    expect((await expectError(sb.verifyRealName(future), 'INVALID_INPUT')).details.field).toBe('idNumber')
    expect((await expectError(sb.verifyRealName({ ...P.ZHANG_SAN, name: 'Tom', smsCode: '123456' }), 'INVALID_INPUT')).details.field).toBe('name')
    expect((await expectError(sb.verifyRealName({ ...P.ZHANG_SAN, smsCode: '12a456' }), 'INVALID_INPUT')).details.field).toBe('smsCode')
    await expectError(sb.resolveEntry(null as never), 'INVALID_INPUT')
  })

  test('registry mismatch does not consume the code; the registered name passes', async () => {
    const { sb } = setup()
    const who = P.ZHENG_SHUANG
    await sb.sendSmsCode({ mobile: who.mobile, purpose: 'REAL_NAME' })
    const code = lastCode(sb)
    const e = await expectError(sb.verifyRealName({ ...who, smsCode: code }), 'REGISTRY_MISMATCH')
    expect(e.message).toBe('姓名与身份证号不一致，请核对后重试')
    const ok = await sb.verifyRealName({ ...who, name: '郑双', smsCode: code })
    expect(ok.maskedName).toBe('郑*')
  })

  test('unknown valid IDs are treated as registered under the given name', async () => {
    const { sb } = setup()
    const token = await login(sb, { name: '欧阳娜娜', idNumber: '11010519491231002X', mobile: '13600001111' })
    expect(typeof token).toBe('string')
  })

  test('face: unfinished action, mismatch, 3 failures end the verification', async () => {
    const { sb } = setup()
    const vid = await verify(sb, P.QIAN_DUODUO)
    const e1 = await expectError(sb.completeFace({ verificationId: vid, capture: { ...OK_FACE, completed: false } }), 'FACE_FAILED')
    expect(e1.message).toBe('未完成指定动作，请重试')
    expect(e1.details.remaining).toBe(2)
    const e2 = await expectError(sb.completeFace({ verificationId: vid, capture: OK_FACE }), 'FACE_FAILED')
    expect(e2.message).toBe('人脸与身份证照片比对不一致')
    await expectError(sb.completeFace({ verificationId: vid, capture: OK_FACE }), 'VERIFICATION_EXPIRED')
    await expectError(sb.completeFace({ verificationId: vid, capture: OK_FACE }), 'VERIFICATION_EXPIRED')
    await expectError(sb.completeFace({ verificationId: 'v_nope', capture: OK_FACE }), 'VERIFICATION_EXPIRED')
    await expectError(sb.completeFace({ verificationId: vid, capture: { source: 'x' } as never }), 'INVALID_INPUT')
  })

  test('a verification lives 10 min and is used once; the session is masked', async () => {
    const { sb, advance } = setup()
    const vid = await verify(sb, P.ZHANG_SAN)
    advance(10 * MINUTE)
    await expectError(sb.completeFace({ verificationId: vid, capture: OK_FACE }), 'VERIFICATION_EXPIRED')
    advance(MINUTE)
    const vid2 = await verify(sb, P.ZHANG_SAN)
    advance(10 * MINUTE - 1)
    const s = await sb.completeFace({ verificationId: vid2, capture: OK_FACE })
    expect(s).toEqual({
      token: expect.stringMatching(/^[0-9A-Za-z]{32}$/),
      expiresAt: clockOf(sb) + 2 * HOUR,
      maskedName: '张*',
      maskedId: '1101**********0017',
      maskedMobile: '138****8000'
    })
    await expectError(sb.completeFace({ verificationId: vid2, capture: OK_FACE }), 'VERIFICATION_EXPIRED')
  })
})

describe('sessions', () => {
  test('expire at 2 h; unknown tokens are invalid; sign-out invalidates', async () => {
    const env = setup()
    const { sb, advance } = env
    const token = await login(sb, P.ZHANG_SAN)
    advance(2 * HOUR - 1)
    await sb.listMyFlows({ session: token })
    advance(1)
    const e = await expectError(sb.listMyFlows({ session: token }), 'SESSION_EXPIRED')
    expect(e.message).toBe('登录已过期，请重新验证身份')
    await expectError(sb.listMyFlows({ session: 'nope' }), 'SESSION_INVALID')
    const t2 = await login(sb, P.ZHANG_SAN)
    await expect(sb.signOut({ session: t2 })).resolves.toEqual({ ok: true })
    await expectError(sb.listMyFlows({ session: t2 }), 'SESSION_INVALID')
    await expect(sb.signOut({ session: t2 })).resolves.toEqual({ ok: true }) // idempotent
  })
})

describe('links and flows', () => {
  test('invalid token, token of another flow, expired link, malformed input', async () => {
    const { sb } = setup()
    const personal = demoLink(sb, 'PERSONAL')
    const strategic = demoLink(sb, 'STRATEGIC')
    await expectError(sb.resolveEntry({ flowId: personal.flowId, linkToken: 'AAAAAAAA' }), 'LINK_INVALID')
    await expectError(sb.resolveEntry({ flowId: personal.flowId, linkToken: strategic.linkToken }), 'LINK_INVALID')
    const exp = demoLink(sb, 'EXPIRED_LINK')
    expect(exp.flowId).toBe(DEMO_FLOWS.PERSONAL)
    const e = await expectError(sb.resolveEntry(exp), 'LINK_EXPIRED')
    expect(e.details.expiredAt).toBe(T0 - HOUR)
    await expectError(sb.resolveEntry({ flowId: 'P0RSNL26', linkToken: personal.linkToken }), 'INVALID_INPUT')
    await expectError(sb.resolveEntry({ flowId: personal.flowId, linkToken: 'short' }), 'INVALID_INPUT')
  })

  test('a signing flow resolves with intendedFor; links expire server-side after 30 days', async () => {
    const { sb, advance } = setup()
    const personal = demoLink(sb, 'PERSONAL')
    const r = await sb.resolveEntry(personal)
    expect(r.flow).toMatchObject({ flowId: DEMO_FLOWS.PERSONAL, title: '房屋租赁合同', status: 'SIGNING', kind: 'PERSONAL' })
    expect(r.intendedFor).toEqual(['张*（138****8000）', '李*（139****9000）'])
    expect(r.linkExpiresAt).toBe(T0 + 30 * DAY)
    advance(7 * DAY) // the deadline
    const later = await sb.resolveEntry(personal)
    expect(later.flow.status).toBe('EXPIRED')
    expect(later.flow.signers.map((s) => s.status)).toEqual(['EXPIRED', 'EXPIRED'])
    advance(23 * DAY)
    await expectError(sb.resolveEntry(personal), 'LINK_EXPIRED')
  })

  test('expired, cancelled and completed flows resolve with their status', async () => {
    const { sb } = setup()
    const expired = await sb.resolveEntry(demoLink(sb, 'EXPIRED'))
    expect(expired.flow.status).toBe('EXPIRED')
    expect(expired.flow.deadline).toBe(T0 - DAY)
    expect(expired.flow.signers[0].status).toBe('EXPIRED')
    const cancelled = await sb.resolveEntry(demoLink(sb, 'CANCELLED'))
    expect(cancelled.flow).toMatchObject({ status: 'CANCELLED', closedReason: '发起方已撤销：合同条款需修改', closedAt: T0 - 2 * DAY })
    const completed = await sb.resolveEntry(demoLink(sb, 'COMPLETED'))
    expect(completed.flow.status).toBe('COMPLETED')
    expect(completed.flow.signers.every((s) => s.status === 'SIGNED' && typeof s.signedAt === 'number')).toBe(true)
    expect(completed.flow.closedAt).toBe(Math.max(...completed.flow.signers.map((s) => s.signedAt as number)))
    expect(completed.intendedFor).toEqual([])
    const strategic = await sb.resolveEntry(demoLink(sb, 'STRATEGIC'))
    expect(strategic.flow).toMatchObject({ kind: 'STRATEGIC', meetingName: '2026 数字经济战略签约仪式', pageCount: 12 })
    expect(strategic.flow.signers).toHaveLength(4)
    expect(strategic.flow.parties.map((p) => p.name)).toEqual([DEMO_ENTERPRISES.XINGHE.name, DEMO_ENTERPRISES.HAINA.name])
  })

  test('a link whose flow is gone -> FLOW_NOT_FOUND', async () => {
    const { sb, storage } = setup()
    const link = demoLink(sb, 'CANCELLED')
    const state = JSON.parse(storage.get(SANDBOX_STORAGE_KEY)!)
    delete state.flows[DEMO_FLOWS.CANCELLED]
    storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(state))
    const { sb: sb2 } = setup({ storage })
    await expectError(sb2.resolveEntry(link), 'FLOW_NOT_FOUND')
  })
})

describe('designated signers', () => {
  test('the right person joins; getFlow and listMyFlows then work', async () => {
    const { sb } = setup()
    const token = await login(sb, P.ZHANG_SAN)
    const link = demoLink(sb, 'PERSONAL')
    await expectError(sb.getFlow({ session: token, flowId: link.flowId }), 'FORBIDDEN') // not joined yet
    const o = await sb.joinFlow({ session: token, ...link })
    expect(o.mySignerId).toBe(o.signers.find((s) => s.maskedName === '张*')!.signerId)
    expect((await sb.joinFlow({ session: token, ...link })).mySignerId).toBe(o.mySignerId) // again: same signer
    expect((await sb.getFlow({ session: token, flowId: link.flowId })).mySignerId).toBe(o.mySignerId)
    // Read-only statuses can be joined too.
    for (const key of ['EXPIRED', 'CANCELLED'] as const) await sb.joinFlow({ session: token, ...demoLink(sb, key) })
    const mine = await sb.listMyFlows({ session: token })
    // Newest first; the completed loan contract was signed (so joined) at seeding.
    expect(mine.map((f) => f.flowId)).toEqual([DEMO_FLOWS.PERSONAL, DEMO_FLOWS.CANCELLED, DEMO_FLOWS.EXPIRED, DEMO_FLOWS.COMPLETED])
    expect(mine.map((f) => f.status)).toEqual(['SIGNING', 'CANCELLED', 'EXPIRED', 'COMPLETED'])
    await expectError(sb.joinFlow({ session: token, ...demoLink(sb, 'EXPIRED_LINK') }), 'LINK_EXPIRED')
    await expectError(sb.joinFlow({ session: 'bad', ...link }), 'SESSION_INVALID')
  })

  test('a person who is not a signer is refused with the intended signers', async () => {
    const { sb } = setup()
    const token = await login(sb, P.WU_HAO)
    const link = demoLink(sb, 'PERSONAL')
    const e = await expectError(sb.joinFlow({ session: token, ...link }), 'NOT_DESIGNATED_SIGNER')
    expect(e.message).toBe('您不是本合同的签署人。本合同的待签署人为：张*（138****8000）、李*（139****9000）')
    expect(e.details.intendedFor).toEqual(['张*（138****8000）', '李*（139****9000）'])
    await expectError(sb.getFlow({ session: token, flowId: link.flowId }), 'FORBIDDEN')
    expect(await sb.listMyFlows({ session: token })).toEqual([])
  })

  test('name, ID and mobile must all match what the initiator entered', async () => {
    const { sb } = setup()
    const other = await login(sb, { ...P.ZHANG_SAN, mobile: '13700001234' })
    await expectError(sb.joinFlow({ session: other, ...demoLink(sb, 'PERSONAL') }), 'NOT_DESIGNATED_SIGNER')
    const zhang = await login(sb, P.ZHANG_SAN)
    await expectError(sb.joinFlow({ session: zhang, ...demoLink(sb, 'STRATEGIC') }), 'NOT_DESIGNATED_SIGNER')
  })

  test('an enterprise signer must be an employee of that enterprise', async () => {
    const { sb, storage } = setup()
    const link = demoLink(sb, 'ENTERPRISE_PERSONAL')
    const wang = await login(sb, P.WANG_FANG)
    const o = await sb.joinFlow({ session: wang, ...link })
    const mine = o.signers.find((s) => s.signerId === o.mySignerId)!
    expect(mine).toMatchObject({ partyType: 'ENTERPRISE', enterpriseName: DEMO_ENTERPRISES.YUNQIAN.name, roleLabel: '经办人' })

    // The same person, designated to sign for a company she does not work for.
    const state = JSON.parse(storage.get(SANDBOX_STORAGE_KEY)!)
    const signer = state.flows[DEMO_FLOWS.ENTERPRISE_PERSONAL].signers.find((s: { partyType: string }) => s.partyType === 'ENTERPRISE')
    signer.enterpriseCreditCode = DEMO_ENTERPRISES.HAINA.creditCode
    signer.enterpriseName = DEMO_ENTERPRISES.HAINA.name
    signer.joinedBy = null
    storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(state))
    const { sb: sb2 } = setup({ storage })
    const e = await expectError(sb2.joinFlow({ session: wang, ...link }), 'NOT_DESIGNATED_SIGNER')
    expect(e.details.intendedFor).toEqual(['陈*（150****2468）', '王*（137****1234）'])
  })

  test("someone else's session never opens another person's contract", async () => {
    const { sb } = setup()
    const zhang = await login(sb, P.ZHANG_SAN)
    await sb.joinFlow({ session: zhang, ...demoLink(sb, 'EXPIRED') })
    const li = await login(sb, P.LI_SI)
    await expectError(sb.getFlow({ session: li, flowId: DEMO_FLOWS.EXPIRED }), 'FORBIDDEN')
    await expectError(sb.getFlow({ session: li, flowId: 'ZZZZZZZZ' }), 'FLOW_NOT_FOUND')
    expect((await sb.getFlow({ session: li, flowId: DEMO_FLOWS.COMPLETED })).status).toBe('COMPLETED')
    const liFlows = await sb.listMyFlows({ session: li })
    expect(liFlows.map((f) => f.flowId)).toEqual([DEMO_FLOWS.COMPLETED])
  })

  test('strategic signing: each of the four signers joins as themselves', async () => {
    const { sb } = setup()
    const link = demoLink(sb, 'STRATEGIC')
    const ids = new Set<string>()
    for (const who of [P.LIU_YANG, P.ZHAO_MIN, P.SUN_LEI, P.ZHOU_TING]) {
      const o = await sb.joinFlow({ session: await login(sb, who), ...link })
      ids.add(o.mySignerId)
    }
    expect(ids.size).toBe(4)
  })
})

describe('persistence, determinism, faults, latency', () => {
  test('a second sandbox on the same storage sees the state; reset re-seeds', async () => {
    const env = setup()
    const token = await login(env.sb, P.ZHANG_SAN)
    await env.sb.joinFlow({ session: token, ...demoLink(env.sb, 'PERSONAL') })
    const again = setup({ storage: env.storage })
    expect((await again.sb.getFlow({ session: token, flowId: DEMO_FLOWS.PERSONAL })).status).toBe('SIGNING')
    expect(again.sb.dev.listSmsOutbox()).toHaveLength(1)
    expect(again.sb.dev.listDemoLinks()).toEqual(env.sb.dev.listDemoLinks())
    again.sb.dev.reset()
    await expectError(again.sb.getFlow({ session: token, flowId: DEMO_FLOWS.PERSONAL }), 'SESSION_INVALID')
    expect(again.sb.dev.listSmsOutbox()).toEqual([])
    expect(again.sb.dev.listDemoLinks()).toHaveLength(9)
    // Another version is ignored and re-seeded.
    const s = new MemoryStorage()
    s.set(SANDBOX_STORAGE_KEY, JSON.stringify({ version: 0 }))
    expect(setup({ storage: s }).sb.dev.listDemoLinks()).toHaveLength(9)
    expect(JSON.parse(s.get(SANDBOX_STORAGE_KEY)!).version).toBe(1)
  })

  test('a reload continues the random stream (no token reuse)', async () => {
    const a = setup()
    const t1 = await login(a.sb, P.ZHANG_SAN)
    const b = setup({ storage: a.storage })
    b.advance(MINUTE)
    const t2 = await login(b.sb, P.ZHANG_SAN)
    expect(t2).not.toBe(t1)
    // Both sessions are known to the reloaded backend.
    await b.sb.listMyFlows({ session: t1 })
    await b.sb.listMyFlows({ session: t2 })
  })

  test('same seed -> same codes and tokens; another seed -> different', async () => {
    const run = async (seed?: number) => {
      const { sb } = setup({ seed })
      const token = await login(sb, P.ZHANG_SAN)
      return { code: lastCode(sb), token, links: sb.dev.listDemoLinks().map((l) => l.payload) }
    }
    const a = await run()
    const b = await run()
    const c = await run(7)
    expect(b).toEqual(a)
    expect(c.token).not.toBe(a.token)
    expect(c.links).not.toEqual(a.links)
  })

  test('faults at rate 1: SERVICE_UNAVAILABLE before touching state', async () => {
    const storage = new MemoryStorage()
    const good = setup({ storage })
    const token = await login(good.sb, P.ZHANG_SAN)
    const link = demoLink(good.sb, 'PERSONAL')
    const before = storage.get(SANDBOX_STORAGE_KEY)
    const { sb } = setup({ storage, faults: { rate: 1 } })
    const calls: Array<[OperationName, Promise<unknown>]> = [
      ['resolveEntry', sb.resolveEntry(link)],
      ['sendSmsCode', sb.sendSmsCode({ mobile: P.LI_SI.mobile, purpose: 'REAL_NAME' })],
      ['verifyRealName', sb.verifyRealName({ ...P.LI_SI, smsCode: '000000' })],
      ['completeFace', sb.completeFace({ verificationId: 'v_x', capture: OK_FACE })],
      ['signOut', sb.signOut({ session: token })],
      ['joinFlow', sb.joinFlow({ session: token, ...link })],
      ['getFlow', sb.getFlow({ session: token, flowId: link.flowId })],
      ['listMyFlows', sb.listMyFlows({ session: token })]
    ]
    for (const [op, p] of calls) {
      const e = await expectError(p, 'SERVICE_UNAVAILABLE')
      expect(e.transient).toBe(true)
      expect(e.details.op).toBe(op)
    }
    expect(storage.get(SANDBOX_STORAGE_KEY)).toBe(before)
    // Only the listed operations fail.
    const partial = setup({ storage, faults: { rate: 1, ops: ['joinFlow'] } })
    await partial.sb.resolveEntry(link)
    await expectError(partial.sb.joinFlow({ session: token, ...link }), 'SERVICE_UNAVAILABLE')
    // A retry against a healthy backend then works: nothing was half-done.
    expect((await good.sb.joinFlow({ session: token, ...link })).flowId).toBe(link.flowId)
  })

  test('faults at rate 0.3 are deterministic under the seed', async () => {
    const pattern = async (seed?: number) => {
      const { sb } = setup({ seed, faults: { rate: 0.3 } })
      const link = demoLink(sb, 'PERSONAL')
      const out: boolean[] = []
      for (let i = 0; i < 60; i++)
        out.push(
          await sb.resolveEntry(link).then(
            () => true,
            () => false
          )
        )
      return out
    }
    const a = await pattern()
    expect(await pattern()).toEqual(a)
    const failures = a.filter((x) => !x).length
    expect(failures).toBeGreaterThan(5)
    expect(failures).toBeLessThan(35)
    expect(await pattern(99)).not.toEqual(a)
  })

  test('latency: every operation waits a delay within [min, max]', async () => {
    const delays: number[] = []
    const { sb } = setup({ latency: { min: 150, max: 600 }, sleep: async (ms) => void delays.push(ms) })
    await login(sb, P.ZHANG_SAN)
    const link = demoLink(sb, 'PERSONAL')
    for (let i = 0; i < 20; i++) await sb.resolveEntry(link)
    expect(delays).toHaveLength(23)
    expect(delays.every((d) => Number.isInteger(d) && d >= 150 && d <= 600)).toBe(true)
    expect(new Set(delays).size).toBeGreaterThan(5)
  })
})

describe('private data', () => {
  test('persisted state and views carry no full ID or mobile numbers', async () => {
    const env = setup()
    const { sb, storage, advance } = env
    const outputs: unknown[] = []
    const keep = <T>(x: T): T => (outputs.push(x), x)
    // A full journey for several people, with mistakes on the way.
    const zhang = await login(sb, P.ZHANG_SAN)
    keep(await sb.joinFlow({ session: zhang, ...demoLink(sb, 'PERSONAL') }))
    keep(await sb.listMyFlows({ session: zhang }))
    await sb.sendSmsCode({ mobile: P.ZHENG_SHUANG.mobile, purpose: 'REAL_NAME' })
    await expectError(sb.verifyRealName({ ...P.ZHENG_SHUANG, smsCode: lastCode(sb) }), 'REGISTRY_MISMATCH')
    await sb.sendSmsCode({ mobile: P.QIAN_DUODUO.mobile, purpose: 'REAL_NAME' })
    await expectError(sb.verifyRealName({ ...P.QIAN_DUODUO, smsCode: lastCode(sb) === '000000' ? '111111' : '000000' }), 'SMS_CODE_WRONG')
    const wang = await login(sb, P.WANG_FANG)
    keep(await sb.joinFlow({ session: wang, ...demoLink(sb, 'ENTERPRISE_PERSONAL') }))
    for (const who of [P.LIU_YANG, P.ZHAO_MIN, P.SUN_LEI, P.ZHOU_TING]) {
      keep(
        await sb.joinFlow({
          session: keep(await sb.completeFace({ verificationId: await verify(sb, who), capture: OK_FACE })).token,
          ...demoLink(sb, 'STRATEGIC')
        })
      )
    }
    const wu = await login(sb, P.WU_HAO)
    keep((await expectError(sb.joinFlow({ session: wu, ...demoLink(sb, 'STRATEGIC') }), 'NOT_DESIGNATED_SIGNER')).toJSON())
    for (const key of DEMO_LINK_SPECS.map((s) => s.key).filter((k) => k !== 'EXPIRED_LINK')) {
      keep(await sb.resolveEntry(demoLink(sb, key)))
    }
    await sb.signOut({ session: zhang })
    advance(HOUR)
    keep(sb.dev.listSmsOutbox())

    const persisted = storage.get(SANDBOX_STORAGE_KEY)!
    const views = JSON.stringify(outputs)
    for (const p of Object.values(P)) {
      for (const text of [persisted, views]) {
        expect(text).not.toContain(p.idNumber)
        expect(text).not.toContain(p.idNumber.slice(0, 17))
        expect(text).not.toContain(p.mobile)
      }
      // Views (flow summaries, signer views, errors, sessions) carry masked names only.
      expect(views).not.toContain(p.name)
    }
    expect(persisted).toContain('138****8000')
  })
})
