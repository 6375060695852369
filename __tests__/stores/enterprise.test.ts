/**
 * EnterpriseStore (the operator) and its LegalRepAuthorizeStore (the legal representative) on
 * the sandbox, as the pages drive them: two devices (two RootStores, two storages) sharing one
 * backend, a fake clock, no latency.
 */
import { createSandbox, DEMO_PEOPLE } from '@sandbox'
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import { ENTERPRISE_RULES } from '@sandbox/enterprise'
import { REVIEW_DESK } from '@sandbox/enterprise/cloudRegistry'
import { MemoryStorage } from '@/services/storage'
import { TestRoot } from './testRoot'
import { LegalRepAuthorizeStore, ReviewDeskStore } from '@/stores/EnterpriseStore'
import { simulatedCapture } from '@/platform/face'
import { MB } from '@/domain/fileType'
import type { InkSealService, OperationName } from '@/services/types'
import { serviceFor, transportName } from './helpers'

const T0 = Date.UTC(2026, 10, 21, 2, 0, 0)
const OPERATOR = DEMO_PEOPLE.LI_SI
const ADMIN = DEMO_PEOPLE.ZHAO_MIN
const STANDARD = DEMO_LICENSES.STANDARD
const ZHOU = STANDARD.legalRep

interface Person {
  name: string
  idNumber: string
  mobile: string
}

const stores: TestRoot[] = []
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.verify.reset()
    s.enterprise.dispose()
  }
})

/** One backend; devices are RootStores with their own storage. Counts calls per operation. */
function backend() {
  const clock = { t: T0 }
  const sandbox = createSandbox({ seed: 5, now: () => clock.t, latency: { min: 0, max: 0 } })
  const calls: Partial<Record<OperationName, number>> = {}
  // The sandbox itself, or the HTTP client in front of it (enterprise.http.test.ts).
  const base = serviceFor(sandbox)
  const counted = new Proxy(base, {
    get(target, key: string) {
      const v = (target as unknown as Record<string, unknown>)[key]
      if (typeof v !== 'function') return v
      return (input: unknown) => {
        calls[key as OperationName] = (calls[key as OperationName] ?? 0) + 1
        return (v as (i: unknown) => unknown).call(target, input)
      }
    }
  }) as InkSealService
  const device = (storage = new MemoryStorage()) => {
    const s = new TestRoot({ service: counted, devTools: sandbox.dev, storage, allowedHosts: () => ['sign.inkseal.cn'], now: () => clock.t })
    stores.push(s)
    return { store: s, storage }
  }
  const lastCode = () => /(\d{6})/.exec(sandbox.dev.listSmsOutbox()[0]?.text ?? '')?.[1] as string
  /** A demo licence or letter picture, uploaded as if picked (works over HTTP too, unlike useSample). */
  const sample = (key: string) => ({ name: `${key}.png`, bytes: sandbox.dev.licenseSampleImage(key) })
  return { clock, sandbox, calls, device, lastCode, sample }
}

type Backend = ReturnType<typeof backend>

async function verifyOn(b: Backend, store: TestRoot, p: Person): Promise<void> {
  const v = store.verify
  v.setField('name', p.name)
  v.setField('idNumber', p.idNumber)
  v.setField('mobile', p.mobile)
  expect(await v.sendCode()).toBe(true)
  v.setField('smsCode', b.lastCode())
  expect(await v.submit()).toBe(true)
  expect(await v.completeFace(simulatedCapture('blink', true))).toBe(true)
  v.reset()
}

/** The operator: verified, application started, licence sample uploaded and read. */
async function operatorAtConfirm(b: Backend, sample = 'STANDARD') {
  const { store, storage } = b.device()
  const ent = store.enterprise
  expect(ent.step).toBe('verify')
  await verifyOn(b, store, OPERATOR)
  expect(ent.step).toBe('start')
  expect(await ent.start()).toBe(true)
  expect(ent.step).toBe('license')
  expect(await ent.uploadLicense(b.sample(sample))).toBe(true)
  return { store, storage, ent }
}

async function operatorAtMethod(b: Backend, sample = 'STANDARD') {
  const o = await operatorAtConfirm(b, sample)
  expect(await o.ent.confirmLicense()).toBe(true)
  expect(o.ent.step).toBe('admin')
  o.ent.setAdminField('name', ADMIN.name)
  o.ent.setAdminField('idNumber', ADMIN.idNumber)
  o.ent.setAdminField('mobile', ADMIN.mobile)
  expect(await o.ent.admin.sendCode()).toBe(true)
  o.ent.admin.sms.setCode(b.lastCode())
  expect(await o.ent.setAdmin()).toBe(true)
  expect(o.ent.step).toBe('method')
  return o
}

describe('EnterpriseStore (operator)', () => {
  test('the licence upload shows progress chunk by chunk, then the OCR fills the form', async () => {
    const b = backend()
    const { store } = b.device()
    await verifyOn(b, store, OPERATOR)
    const ent = store.enterprise
    await ent.start()
    const seen: number[] = []
    const bytes = b.sandbox.dev.licenseSampleImage('STANDARD')
    const origChunk = store.service.uploadChunk
    ;(store.service as { uploadChunk: typeof origChunk }).uploadChunk = async (i) => {
      const r = await origChunk(i)
      seen.push(r.received)
      return r
    }
    try {
      expect(await ent.uploadLicense({ name: 'license.jpg', bytes })).toBe(true)
    } finally {
      ;(store.service as { uploadChunk: typeof origChunk }).uploadChunk = origChunk
    }
    expect(seen).toEqual([ENTERPRISE_RULES.CHUNK_SIZE, bytes.length])
    expect(ent.upload).toMatchObject({ phase: 'done', sent: bytes.length, total: bytes.length })
    expect(ent.step).toBe('confirm')
    expect(ent.licenseForm).toMatchObject({ name: '北京墨印科技有限公司', creditCode: '91110108MA01W8KX3J', orgKind: 'ENTERPRISE' })
  })

  test('the confirm step refuses a credit code that fails GB 32100 without calling the backend', async () => {
    const b = backend()
    const { ent } = await operatorAtConfirm(b)
    ent.setLicenseField('creditCode', '91110108MA01W8KX3K')
    expect(await ent.confirmLicense()).toBe(false)
    expect(b.calls.confirmLicense ?? 0).toBe(0)
    expect(ent.licenseErrors.creditCode).toContain('校验位')
    expect(ent.step).toBe('confirm')
    ent.setLicenseField('creditCode', '91110108MA01W8KX3J')
    expect(ent.licenseErrors.creditCode).toBeUndefined()
    expect(await ent.confirmLicense()).toBe(true)
    expect(ent.step).toBe('admin')
  })

  test('low-confidence OCR fields are highlighted until the operator corrects them', async () => {
    const b = backend()
    const { ent } = await operatorAtConfirm(b, 'LOW_CONFIDENCE')
    expect(ent.lowConfidence('creditCode')).toBe(true)
    expect(ent.lowConfidence('address')).toBe(true)
    expect(ent.lowConfidence('name')).toBe(false)
    expect(await ent.confirmLicense()).toBe(false) // the misread code fails its check
    expect(ent.licenseErrors.creditCode).toContain('校验位')
    ent.setLicenseField('creditCode', '91510104MA6CQ2LJ9P')
    expect(ent.lowConfidence('creditCode')).toBe(false)
    expect(await ent.confirmLicense()).toBe(true)
  })

  test('a backend refusal lands under its field (legal representative contradicting the registry)', async () => {
    const b = backend()
    const { ent } = await operatorAtConfirm(b)
    ent.setLicenseField('legalRepresentative', '周明')
    expect(await ent.confirmLicense()).toBe(false)
    expect(ent.licenseErrors.legalRepresentative).toContain('登记信息不一致')
  })

  test('an unreadable picture asks for a retake; a readable one then works', async () => {
    const b = backend()
    const { store } = b.device()
    await verifyOn(b, store, OPERATOR)
    const ent = store.enterprise
    await ent.start()
    expect(await ent.uploadLicense(b.sample('BLURRED'))).toBe(false)
    expect(ent.ocrFailure).toMatchObject({ reason: 'BLURRED', message: expect.stringContaining('模糊') })
    expect(ent.step).toBe('license')
    expect(await ent.uploadLicense(b.sample('STANDARD'))).toBe(true)
    expect(ent.ocrFailure).toBeNull()
    expect(ent.step).toBe('confirm')
  })

  test('files are checked on the device before anything is sent', async () => {
    const b = backend()
    const { store } = b.device()
    await verifyOn(b, store, OPERATOR)
    const ent = store.enterprise
    await ent.start()
    const pdf = Uint8Array.from(Array.from('%PDF-1.4\n%%EOF\n', (c) => c.charCodeAt(0)))
    expect(await ent.uploadLicense({ name: 'license.png', bytes: pdf })).toBe(false)
    expect(ent.upload).toMatchObject({ phase: 'failed', message: expect.stringContaining('PNG、JPG') })
    const big = new Uint8Array(8 * MB + 1)
    big.set(pdf)
    expect(await ent.uploadFile('LETTER', { name: 'big.pdf', bytes: big })).toBeNull()
    expect(ent.upload?.message).toContain('8 MB')
    expect(b.calls.startUpload ?? 0).toBe(0)
  })

  test('the app resumes where the application stands after a restart (the id is kept, nothing personal)', async () => {
    const b = backend()
    const { storage } = await operatorAtMethod(b)
    const restarted = b.device(storage).store
    expect(restarted.enterprise.applicationId).toBeTruthy()
    expect(restarted.enterprise.step).toBe('loading')
    await restarted.enterprise.load()
    expect(restarted.enterprise.step).toBe('method')
    expect(restarted.enterprise.app?.admin?.maskedName).toBe('赵*')
    const kept = JSON.stringify([...storage.data])
    for (const secret of [ADMIN.idNumber, ADMIN.mobile, OPERATOR.idNumber, OPERATOR.mobile]) expect(kept).not.toContain(secret)
  })

  test('government organisations are offered only the letter', async () => {
    const b = backend()
    const { ent } = await operatorAtMethod(b, 'GOVERNMENT')
    expect(ent.allowedMethods).toEqual(['LETTER'])
    expect(ent.currentMethod).toBe('LETTER')
    ent.chooseMethod('LEGAL_REP')
    expect(ent.currentMethod).toBe('LETTER')
  })

  test('other organisations (其他组织) are offered only the letter too', async () => {
    const b = backend()
    const { ent } = await operatorAtMethod(b, 'OTHER_ORG')
    expect(ent.app?.license?.orgKind).toBe('OTHER')
    expect(ent.allowedMethods).toEqual(['LETTER'])
    ent.chooseMethod('LEGAL_REP')
    expect(ent.currentMethod).toBe('LETTER')
  })

  test('letter path: template, a reviewer rejects with a reason, re-upload, the reviewer approves, activated', async () => {
    const b = backend()
    const { ent, store } = await operatorAtMethod(b, 'REJECT_FIRST')
    const desk = new ReviewDeskStore(store.service)
    desk.setKey(REVIEW_DESK.key)
    const tpl = await ent.loadTemplate()
    expect(tpl?.lines.join('')).toContain('广州南沙远航物流有限公司')
    expect(String.fromCharCode(...(ent.templateBytes() as Uint8Array).subarray(0, 5))).toBe('%PDF-')
    expect(await ent.submitLetter(b.sample('LETTER'))).toBe(true)
    expect(ent.step).toBe('status')
    expect(ent.app?.status).toBe('LETTER_REVIEW')
    expect(ent.waiting).toBe(true)
    b.clock.t += 10 * 60 * 1000
    await ent.refresh()
    expect(ent.app?.status).toBe('LETTER_REVIEW') // nobody reviewed it yet

    expect(await desk.refresh()).toBe(true)
    expect(desk.pending.map((i) => i.enterpriseName)).toEqual(['广州南沙远航物流有限公司'])
    expect(await desk.open(desk.pending[0].applicationId)).toBe(true)
    expect(desk.opened?.file?.mimeType).toBe('image/png')
    desk.setReason('未盖章')
    expect(await desk.decide('REJECT')).toBe(false) // too short: nothing sent
    expect(desk.reasonError).toContain('5–200')
    desk.setReason('授权书未加盖企业公章，请盖章后重新上传')
    expect(await desk.decide('REJECT')).toBe(true)
    expect(desk.pending).toHaveLength(0)

    await ent.refresh()
    expect(ent.app?.status).toBe('LETTER_REJECTED')
    expect(ent.app?.letters[0].reason).toBe('授权书未加盖企业公章，请盖章后重新上传')
    expect(ent.step).toBe('status')
    expect(await ent.submitLetter(b.sample('LETTER'))).toBe(true)
    expect(ent.app?.status).toBe('LETTER_REVIEW')
    await desk.refresh()
    expect(await desk.open(desk.pending[0].applicationId)).toBe(true)
    expect(desk.opened?.earlierReasons).toEqual(['授权书未加盖企业公章，请盖章后重新上传'])
    expect(await desk.decide('APPROVE')).toBe(true)
    await ent.refresh()
    expect(ent.app?.status).toBe('ACTIVATED')
  })

  test('an expired session sends the operator back to verification; the application is kept', async () => {
    const b = backend()
    const { ent, store } = await operatorAtMethod(b)
    b.clock.t += 2 * 60 * 60 * 1000
    expect(ent.step).toBe('verify')
    await verifyOn(b, store, OPERATOR)
    await ent.load()
    expect(ent.step).toBe('method')
  })

  test('another person on the device does not see the application: they start their own', async () => {
    const b = backend()
    const { store, ent } = await operatorAtMethod(b)
    store.session.clear()
    await verifyOn(b, store, ADMIN)
    await ent.load()
    expect(ent.error).toContain('无权')
    expect(ent.step).toBe('start')
  })
})

describe('sandbox developer tools in the store', () => {
  const onSandbox = transportName() === 'sandbox' ? test : test.skip
  onSandbox('demo licences and letters come from the embedded sandbox, and the review desk’s key', async () => {
    const b = backend()
    const { store } = b.device()
    const ent = store.enterprise
    expect(ent.samples.map((s) => s.key)).toEqual(
      expect.arrayContaining(['STANDARD', 'LOW_CONFIDENCE', 'GOVERNMENT', 'REJECT_FIRST', 'BLURRED', 'NOT_LICENSE'])
    )
    await verifyOn(b, store, OPERATOR)
    await ent.start()
    expect(await ent.useSample('STANDARD')).toBe(true)
    expect(await ent.confirmLicense()).toBe(true)
    ent.setAdminField('name', ADMIN.name)
    ent.setAdminField('idNumber', ADMIN.idNumber)
    ent.setAdminField('mobile', ADMIN.mobile)
    expect(await ent.admin.sendCode()).toBe(true)
    ent.admin.sms.setCode(b.lastCode())
    expect(await ent.setAdmin()).toBe(true)
    expect(await ent.useSampleLetter()).toBe(true)
    const desk = new ReviewDeskStore(store.service)
    desk.setKey(ent.devTools?.reviewDeskKey() ?? '')
    await desk.refresh()
    expect(await desk.open(desk.pending[0].applicationId)).toBe(true)
    expect(await desk.decide('APPROVE')).toBe(true)
    await ent.refresh()
    expect(ent.app?.status).toBe('ACTIVATED')
  })
})

describe('legal representative, two devices', () => {
  async function requested(b: Backend) {
    const o = await operatorAtMethod(b)
    expect(o.ent.currentMethod).toBe('LEGAL_REP')
    o.ent.setLegalRepField('creditCode', STANDARD.fields.creditCode)
    o.ent.setLegalRepField('name', ZHOU.name)
    o.ent.setLegalRepField('idNumber', ZHOU.idNumber)
    o.ent.setLegalRepField('mobile', ZHOU.mobile)
    expect(await o.ent.requestLegalRep()).toBe(true)
    expect(o.ent.step).toBe('status')
    expect(o.ent.app?.status).toBe('LEGAL_REP_PENDING')
    const link = o.ent.app?.legalRep?.link as string
    expect(link).toMatch(/^https:\/\/sign\.inkseal\.cn\/s\/1\.L\./)
    expect(b.sandbox.dev.listSmsOutbox()[0].text).toContain(link)
    return { ...o, link }
  }

  test('the operator’s entry must agree with the licence: a wrong ID shows under the field', async () => {
    const b = backend()
    const o = await operatorAtMethod(b)
    o.ent.setLegalRepField('creditCode', STANDARD.fields.creditCode)
    o.ent.setLegalRepField('name', ZHOU.name)
    o.ent.setLegalRepField('idNumber', DEMO_PEOPLE.ZHANG_SAN.idNumber)
    o.ent.setLegalRepField('mobile', ZHOU.mobile)
    expect(await o.ent.requestLegalRep()).toBe(false)
    expect(o.ent.legalRepErrors.idNumber).toContain('工商登记信息不一致')
    o.ent.setLegalRepField('creditCode', '91110108MA01W8KX3K')
    expect(o.ent.legalRepErrors.creditCode).toContain('校验位')
  })

  test('the legal representative opens the link, verifies, reads (masked) and confirms; the operator’s poll sees ACTIVATED', async () => {
    const b = backend()
    const op = await requested(b)
    const rep = b.device().store
    const auth = rep.enterprise.authorize
    const state = await auth.open(op.link, ['sign.inkseal.cn'])
    expect(state).toMatchObject({ kind: 'ready', info: { enterpriseName: '北京墨印科技有限公司', legalRepMaskedName: '周**' } })
    await verifyOn(b, rep, ZHOU)
    expect(await auth.loadRequest()).toBe(true)
    expect(auth.request?.admin).toMatchObject({ maskedName: '赵*', maskedId: '3301**********002X' })
    expect(await auth.confirm()).toBe(false)
    expect(auth.codeError).toContain('请先获取')
    expect(await auth.sendCode()).toBe(true)
    expect(auth.resendIn).toBe(60)
    auth.setSmsCode(b.lastCode())
    expect(await auth.confirm()).toBe(true)
    expect(auth.outcome).toBe('CONFIRMED')

    op.ent.startPolling(1000)
    await op.ent.refresh()
    expect(op.ent.app?.status).toBe('ACTIVATED')
    expect(op.ent.waiting).toBe(false)
  })

  test('the legal representative’s resend refusal after a reload shows a running countdown', async () => {
    const b = backend()
    const op = await requested(b)
    const rep = b.device()
    await rep.store.enterprise.authorize.open(op.link, ['sign.inkseal.cn'])
    await verifyOn(b, rep.store, ZHOU)
    expect(await rep.store.enterprise.authorize.loadRequest()).toBe(true)
    expect(await rep.store.enterprise.authorize.sendCode()).toBe(true)
    // The page is opened again (a new store): the backend still counts the first code.
    const auth = new LegalRepAuthorizeStore(rep.store.service, rep.store.session, () => b.clock.t)
    await auth.open(op.link, ['sign.inkseal.cn'])
    expect(await auth.loadRequest()).toBe(true)
    b.clock.t += 20_000
    jest.useFakeTimers()
    try {
      expect(await auth.sendCode()).toBe(false)
      expect(auth.codeError).toBe('验证码发送过于频繁，请40秒后再试')
      expect(auth.resendIn).toBe(40)
      b.clock.t += 10_000
      jest.advanceTimersByTime(10_000)
      expect(auth.resendIn).toBe(30)
    } finally {
      auth.dispose()
      jest.useRealTimers()
    }
  })

  test('the raw payload (as the entry page passes it in ?c=) opens too; a signing link does not', async () => {
    const b = backend()
    const op = await requested(b)
    const auth = b.device().store.enterprise.authorize
    const payload = op.ent.app?.legalRep?.payload as string
    expect((await auth.open(payload)).kind).toBe('ready')
    const signing = b.sandbox.dev.listDemoLinks()[0].link
    expect(await auth.open(signing, ['sign.inkseal.cn'])).toMatchObject({ kind: 'invalid', message: expect.stringContaining('不是法定代表人授权链接') })
  })

  test('the wrong person is told so and may switch identity', async () => {
    const b = backend()
    const op = await requested(b)
    const other = b.device().store
    const auth = other.enterprise.authorize
    await auth.open(op.link, ['sign.inkseal.cn'])
    await verifyOn(b, other, DEMO_PEOPLE.WU_HAO)
    expect(await auth.loadRequest()).toBe(false)
    expect(auth.notLegalRep).toContain('您不是北京墨印科技有限公司的法定代表人')
    await auth.switchIdentity()
    expect(other.session.active).toBeNull()
    await verifyOn(b, other, ZHOU)
    expect(await auth.loadRequest()).toBe(true)
  })

  test('the legal representative refuses; the operator sees it, and may send a new link', async () => {
    const b = backend()
    const op = await requested(b)
    const rep = b.device().store
    const auth = rep.enterprise.authorize
    await auth.open(op.link, ['sign.inkseal.cn'])
    await verifyOn(b, rep, ZHOU)
    await auth.loadRequest()
    auth.startRefusing()
    auth.setRefuseReason('管理员人选需再商议')
    expect(await auth.refuse()).toBe(true)
    expect(auth.outcome).toBe('REFUSED')
    await op.ent.refresh()
    expect(op.ent.app?.status).toBe('REFUSED_BY_LEGAL_REP')
    expect(op.ent.app?.legalRep?.refuseReason).toBe('管理员人选需再商议')
    op.ent.reopenMethods()
    expect(op.ent.step).toBe('method')
  })

  test('an expired link says so', async () => {
    const b = backend()
    const op = await requested(b)
    b.clock.t += ENTERPRISE_RULES.LEGAL_REP_LINK_TTL_MS
    const auth = b.device().store.enterprise.authorize
    const s = await auth.open(op.ent.app?.legalRep?.payload as string)
    expect(s.kind).toBe('invalid')
    if (s.kind === 'invalid') expect(s.message).toContain('过期')
  })

  test('the operator who is the legal representative confirms with their own code', async () => {
    const b = backend()
    const { store } = b.device()
    const ent = store.enterprise
    const chen = DEMO_LICENSES.INDIVIDUAL.legalRep
    await verifyOn(b, store, chen)
    await ent.start()
    await ent.uploadLicense(b.sample('INDIVIDUAL'))
    expect(await ent.confirmLicense()).toBe(true)
    ent.setAdminField('name', chen.name)
    ent.setAdminField('idNumber', chen.idNumber)
    ent.setAdminField('mobile', chen.mobile)
    expect(await ent.admin.sendCode()).toBe(true)
    ent.admin.sms.setCode(b.lastCode())
    expect(await ent.setAdmin()).toBe(true)
    expect(ent.currentMethod).toBe('SELF')
    expect(await ent.sendSelfCode()).toBe(true)
    ent.setSelfCode(b.lastCode())
    expect(await ent.confirmSelf()).toBe(true)
    expect(ent.app?.status).toBe('ACTIVATED')
  })
})
