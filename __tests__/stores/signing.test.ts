/**
 * SigningStore on the real sandbox with a fake clock: remaining fields and the next-field jump,
 * forced reading, validation, the draft across a restart, the idempotent submission retried
 * after a lost response, decline, and closed flows.
 */
import { simulatedCapture } from '@/platform/face'
import { withFaults } from '@/services/faultInjection'
import { DEMO_FLOWS, DEMO_PEOPLE } from '@sandbox'
import type { TestRoot } from './testRoot'
import { DRAFT_PREFIX, DRAFT_THROTTLE_MS } from '@/stores/SigningStore'
import { world as makeWorld, type DemoPerson, type World } from './helpers'

import { accepted, readToEnd, settle, signIn } from './signingHelpers'

/** Confirms intent by SMS (the code from the sandbox outbox) and lets the store submit. */
async function confirmBySms(w: World, store: TestRoot = w.store): Promise<boolean> {
  const s = store.signing
  s.chooseMethod('SMS')
  expect(await s.startIntent()).toBe(true)
  s.setIntentInput('intentCode', w.lastCode())
  return s.confirmIntent()
}

function signedEvents(audit: { events: { action: string; signerId: string | null }[] }, signerId: string) {
  return audit.events.filter((e) => e.action === 'SIGNED' && e.signerId === signerId)
}

const zhang = DEMO_PEOPLE.ZHANG_SAN
const li = DEMO_PEOPLE.LI_SI

// Every store made here is disposed after each test (reading ticker, polling, draft timer).
const opened: TestRoot[] = []
function world(opts: Parameters<typeof makeWorld>[0] = {}): World {
  const w = makeWorld(opts)
  opened.push(w.store)
  const restart = w.restart
  w.restart = () => {
    const s = restart()
    opened.push(s)
    return s
  }
  return w
}

afterEach(() => {
  opened.splice(0).forEach((s) => s.signing.dispose())
  jest.useRealTimers()
})

// ---------------------------------------------------------------- tests

describe('SigningStore: reading and fields', () => {
  test('opens with no session asking for verification, and with no flow id with a message', async () => {
    const w = world()
    expect(await w.store.signing.open('')).toMatchObject({ kind: 'error' })
    expect(await w.store.signing.open(DEMO_FLOWS.PERSONAL)).toMatchObject({ kind: 'needsVerification' })
  })

  test("remaining-field count and next-field jump go through the signer's fields in reading order", async () => {
    const w = world()
    const flowId = await signIn(w, li, '房屋租赁合同')
    const s = w.store.signing
    expect((await s.open(flowId)).kind).toBe('ready')
    // 李四: 签字 (last page), 乙方确认签字 + 实际居住人数 + 已查验 (page 5); 续租 is optional; dates fill themselves
    const mine = s.myFields.map((f) => `${f.type}@${f.page}`)
    expect(mine.filter((x) => x.startsWith('SIGN_DATE'))).toHaveLength(1)
    expect(s.remainingCount).toBe(4)
    expect(s.remainingFields.map((f) => f.type)).toEqual(['TEXT', 'CHECK_BOX', 'SIGN_SIGNATURE', 'SIGN_SIGNATURE'])

    // The jump order: reading order, wrapping around.
    const order: string[] = []
    for (let i = 0; i < 5; i++) order.push(s.focusNext()!.fieldId)
    expect(order.slice(0, 4)).toEqual(s.remainingFields.map((f) => f.fieldId))
    expect(order[4]).toBe(order[0])
    expect(s.scrollTarget).toMatchObject({ page: s.remainingFields[0].page })
    const pages = s.remainingFields.map((f) => f.page)
    expect([...pages].sort((a, b) => a - b)).toEqual(pages)

    // Reading is forced to the last page: values cannot be entered yet.
    expect(s.phase).toBe('READING')
    expect(s.readingPrompt).toBe('请滑动阅读至合同最后一页')
    s.toggleCheck(s.remainingFields[1].fieldId)
    expect(s.remainingCount).toBe(4)
    await readToEnd(w.store)
    expect(s.phase).toBe('FILLING')

    // Filling one removes it from the count; the next jump skips it.
    const check = s.remainingFields.find((f) => f.type === 'CHECK_BOX')!
    s.toggleCheck(check.fieldId)
    expect(s.remainingCount).toBe(3)
    s.applySignature(accepted(w.now()))
    // ALL_AT_ONCE: one handwriting fills both signature fields
    expect(s.remainingCount).toBe(1)
    expect(s.focusNext()!.type).toBe('TEXT')
  })

  test("the pad's accepted signature is applied once: per field (PER_FIELD), and never unasked", async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.CHEN_CHEN, '劳动合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    w.clock.t += 10_000
    s.refreshClock()
    expect(s.phase).toBe('FILLING')
    expect(s.contract!.options.signatureApply).toBe('PER_FIELD')
    const [a, b] = s.signatureFields
    expect(s.remainingCount).toBe(2)
    // Not asked for from the reader: left alone.
    w.store.signature.accept(accepted(w.now(), 1))
    expect(s.consumeAcceptedSignature()).toBe(false)
    expect(s.remainingCount).toBe(2)
    expect(s.requestSignature(a.fieldId)).toBe(true)
    expect(s.consumeAcceptedSignature()).toBe(true)
    expect(w.store.signature.accepted).toBeNull()
    expect(s.values[a.fieldId]?.kind).toBe('SIGN_SIGNATURE')
    expect(s.values[b.fieldId]).toBeUndefined()
    expect(s.consumeAcceptedSignature()).toBe(false) // once
    // A system signature is refused where the flow requires handwriting.
    expect(s.applySignature({ ...accepted(w.now(), 2), kind: 'SYSTEM' }, b.fieldId)).toBe(false)
    expect(s.notice).toContain('手写签名')
    s.requestSignature(b.fieldId)
    w.store.signature.accept(accepted(w.now() + 1, 3))
    expect(s.consumeAcceptedSignature()).toBe(true)
    expect(s.remainingCount).toBe(0)
  })

  test('forced reading: a countdown gates signing until the time has passed and the last page was reached', async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.CHEN_CHEN, '劳动合同')
    const s = w.store.signing
    await s.open(flowId)
    expect(s.forced).toEqual({ minSeconds: 10, mustReachLastPage: true })
    expect(s.phase).toBe('READING')
    expect(s.readingSecondsLeft).toBe(10)
    expect(s.readingPrompt).toBe('请阅读合同 10 秒并滑动至最后一页')
    expect(s.proceedToIntent()).toBe(false)
    expect(s.notice).toContain('请阅读合同')

    w.clock.t += 8_000
    s.refreshClock()
    expect(s.readingPrompt).toBe('请阅读合同 2 秒并滑动至最后一页')
    await readToEnd(w.store)
    expect(s.phase).toBe('READING')
    expect(s.readingPrompt).toBe('请阅读合同 2 秒')
    w.clock.t += 2_000
    s.refreshClock()
    expect(s.readingSatisfied).toBe(true)
    expect(s.readingPrompt).toBeNull()
    expect(s.phase).toBe('FILLING')
    s.leave()
  })

  test("a contract reopened after the reading time keeps the server's reading progress", async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.CHEN_CHEN, '劳动合同')
    await w.store.signing.open(flowId)
    await readToEnd(w.store)
    w.clock.t += 11_000
    const again = w.restart()
    await again.signing.open(flowId)
    expect(again.signing.phase).toBe('FILLING')
    again.signing.leave()
    w.store.signing.leave()
  })

  test('field validation: text pattern and required boxes, with Chinese messages, before intent', async () => {
    const w = world()
    const flowId = await signIn(w, li, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    const text = s.myFields.find((f) => f.type === 'TEXT')!
    expect(s.fieldError(text.fieldId)).toBeNull() // not touched yet
    s.setText(text.fieldId, '0')
    s.touch(text.fieldId)
    expect(s.fieldError(text.fieldId)).toBe('请填写1至99之间的人数')
    s.setText(text.fieldId, '123')
    expect(s.fieldError(text.fieldId)).toContain('最多2个字')
    s.setText(text.fieldId, '')
    expect(s.fieldError(text.fieldId)).toBe('请填写“实际居住人数”')
    s.setText(text.fieldId, '2')
    expect(s.fieldError(text.fieldId)).toBeNull()

    // Trying to go on shows every problem and jumps to the first one.
    expect(s.proceedToIntent()).toBe(false)
    expect(s.phase).toBe('FILLING')
    const box = s.myFields.find((f) => f.type === 'CHECK_BOX' && f.required)!
    expect(s.fieldError(box.fieldId)).toContain('请勾选')
    expect(s.focusedFieldId).toBe(s.problems[0].fieldId)
    expect(s.notice).toBe(s.problems[0].message)
    const optional = s.myFields.find((f) => f.type === 'CHECK_BOX' && !f.required)!
    expect(s.fieldError(optional.fieldId)).toBeNull()

    s.toggleCheck(box.fieldId)
    // A system signature is allowed here, but a non-PNG image is refused by the domain check.
    s.applySignature({ ...accepted(w.now()), png: 'data:image/png;base64,AAAA' })
    expect(s.problems.some((p) => p.code === 'SIGNATURE_IMAGE_INVALID')).toBe(true)
    expect(s.proceedToIntent()).toBe(false)
    s.applySignature(accepted(w.now()))
    expect(s.problems).toEqual([])
    expect(s.proceedToIntent()).toBe(true)
    expect(s.phase).toBe('CONFIRMING_INTENT')
  })

  test('seals: only authorised seals the field accepts; none usable → a clear message', async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.ZHAO_MIN, '战略合作框架协议')
    const s = w.store.signing
    await s.open(flowId)
    await settle()
    const seal = s.myFields.find((f) => f.type === 'SIGN_SEAL')!
    expect(s.sealsFor(seal.fieldId)).toEqual([]) // 赵敏 may only use the finance seal
    expect(s.noSealMessage(seal.fieldId)).toMatch(/印章|授权/)
    w.clock.t += 16_000
    s.refreshClock()
    expect(s.chooseSeal(seal.fieldId, 'SEAL-XH-FINANCE')).toBe(false)
    s.leave()

    const w2 = world()
    const flow2 = await signIn(w2, DEMO_PEOPLE.ZHOU_TING, '战略合作框架协议')
    const s2 = w2.store.signing
    await s2.open(flow2)
    await settle()
    w2.clock.t += 16_000
    s2.refreshClock()
    expect(s2.phase).toBe('FILLING')
    const f2 = s2.myFields.find((f) => f.type === 'SIGN_SEAL')!
    const usable = s2.sealsFor(f2.fieldId)
    expect(usable.map((x) => x.sealType)).toEqual(['CONTRACT'])
    expect(s2.chooseSeal(f2.fieldId, usable[0].sealId)).toBe(true)
    expect(s2.sealOf(f2.fieldId)?.sealId).toBe(usable[0].sealId)
    const paging = s2.myFields.find((f) => f.type === 'SIGN_PAGING_SEAL')!
    expect(s2.chooseSeal(paging.fieldId, usable[0].sealId)).toBe(true)
    expect(s2.remainingCount).toBe(0)
    s2.leave()
  })
})

test('waiting for an earlier signer: a tap on 签署 says why and asks again, so once they have signed the next tap goes on', async () => {
  const w = world()
  const flowId = await signIn(w, DEMO_PEOPLE.WANG_FANG, '劳动合同（企业与个人 · 签署中）')
  const s = w.store.signing
  await s.open(flowId)
  await readToEnd(w.store)
  w.clock.t += 120_000
  s.refreshClock()
  expect(s.contract?.blockedReason).toBe('NOT_YOUR_TURN')
  expect(s.phase).toBe('READING')
  expect(s.proceedToIntent()).toBe(false)
  expect(s.notice).toMatch(/请等待陈\*签署后再签署/)
  await settle()
  expect(s.phase).toBe('READING')
  // 陈晨 signs meanwhile (nobody joined as them: the sandbox signs for them)
  await w.sandbox.dev.playOthers(flowId, { except: [s.contract!.mySignerId] })
  expect(s.proceedToIntent()).toBe(false)
  await settle()
  await settle()
  expect(s.contract?.canSign).toBe(true)
  expect(s.phase).toBe('FILLING')
  s.leave()
})

describe('SigningStore: long contracts', () => {
  test('the 200-page contract fetches page images in ranges, only where the reader is, and never twice', async () => {
    const calls: { from: number; count: number }[] = []
    const w = world({
      service: (sb) => ({
        ...sb,
        getContractPages: (input) => {
          calls.push({ from: input.from, count: input.count })
          return sb.getContractPages(input)
        }
      })
    })
    const flowId = await signIn(w, zhang, '设备租赁及维护服务总协议')
    const s = w.store.signing
    await s.open(flowId)
    expect(s.pageCount).toBe(200)
    expect(s.contract!.pages).toHaveLength(200)
    s.ensurePages(0, 2)
    s.ensurePages(1, 3) // in flight: not asked again
    await settle()
    expect(calls).toEqual([{ from: 0, count: 5 }])
    expect([...s.pages.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4])
    // Jump to the last field: only the ranges around it are fetched.
    const order = [s.focusNext(), s.focusNext(), s.focusNext()].map((f) => f!.page)
    expect(order).toEqual([0, 99, 199])
    s.ensurePages(197, 199)
    await settle()
    expect(calls).toEqual([
      { from: 0, count: 5 },
      { from: 195, count: 5 }
    ])
    expect(s.needsLastPage).toBe(false)
    expect(s.readingPrompt).toMatch(/^请阅读合同 \d+ 秒$/)
    // Reading on through the document keeps a bounded cache.
    for (let p = 0; p < 200; p += 5) s.ensurePages(p, p + 4)
    await settle()
    expect(s.pages.size).toBeLessThanOrEqual(40)
  })
})

describe('SigningStore: draft', () => {
  test('values are written throttled (not per keystroke) and survive a restart', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const w = world()
    const writes: string[] = []
    const set = w.storage.set.bind(w.storage)
    w.storage.set = (k: string, v: string) => {
      if (k.startsWith(DRAFT_PREFIX)) writes.push(k)
      set(k, v)
    }
    const flowId = await signIn(w, li, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    const p = s.ensurePages(0, s.pageCount - 1)
    void p
    await Promise.resolve()
    await Promise.resolve()
    await Promise.resolve()
    s.refreshClock()
    expect(s.phase).toBe('FILLING')
    const text = s.myFields.find((f) => f.type === 'TEXT')!
    for (const ch of ['1', '12', '1', '2']) s.setText(text.fieldId, ch) // a keystroke storm
    const box = s.myFields.find((f) => f.type === 'CHECK_BOX' && f.required)!
    s.toggleCheck(box.fieldId)
    s.applySignature(accepted(w.now()))
    expect(writes).toHaveLength(0)
    jest.advanceTimersByTime(DRAFT_THROTTLE_MS)
    expect(writes).toHaveLength(1)

    // The app restarts: the same values come back.
    const again = w.restart()
    await again.signing.open(flowId)
    const s2 = again.signing
    expect(s2.values[text.fieldId]).toEqual({ kind: 'TEXT', text: '2' })
    expect(s2.values[box.fieldId]).toEqual({ kind: 'CHECK_BOX', checked: true })
    expect(s2.signatureFields.every((f) => s2.values[f.fieldId]?.kind === 'SIGN_SIGNATURE')).toBe(true)
    expect(s2.remainingCount).toBe(0)
    s.leave()
    s2.leave()
  })

  test('going to the background flushes at once', async () => {
    const w = world()
    const flowId = await signIn(w, li, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    const box = s.myFields.find((f) => f.type === 'CHECK_BOX' && f.required)!
    s.toggleCheck(box.fieldId)
    s.flushDraft()
    const raw = w.storage.get(`${DRAFT_PREFIX}${flowId}.${s.mySignerId}`)
    expect(JSON.parse(raw!).values[box.fieldId]).toEqual({ kind: 'CHECK_BOX', checked: true })
    s.leave()
  })
})

describe('SigningStore: submission', () => {
  async function readyToSubmit(w: World, p: DemoPerson = zhang) {
    const flowId = await signIn(w, p, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    s.applySignature(accepted(w.now()))
    expect(s.remainingCount).toBe(0)
    expect(s.proceedToIntent()).toBe(true)
    return { flowId, s }
  }

  test('signs once after SMS intent; the result and the audit trail show one signature', async () => {
    const w = world()
    const { flowId, s } = await readyToSubmit(w)
    expect(await confirmBySms(w)).toBe(true)
    expect(s.phase).toBe('SIGNED')
    expect(s.result?.signerStatus).toBe('SIGNED')
    expect(w.storage.get(`${DRAFT_PREFIX}${flowId}.${s.mySignerId}`)).toBeNull()
    await s.loadAudit()
    expect(signedEvents(s.audit!, s.mySignerId!)).toHaveLength(1)
    expect(s.audit!.currentHash).not.toBe(s.audit!.originalHash)
    expect(await s.verifyDocument()).toBe(true)
  })

  test('a NETWORK_ERROR after commit keeps the key; the retry returns the first result: exactly one signature', async () => {
    const w = world({ service: (sb) => withFaults(sb, { submitSigning: { after: 1 } }) })
    const { flowId, s } = await readyToSubmit(w)
    expect(await confirmBySms(w)).toBe(false)
    expect(s.phase).toBe('FAILED')
    expect(s.submitError).toMatchObject({ code: 'NETWORK_ERROR', retryable: true })
    const key = s.pending!.idempotencyKey
    // The key and values are on the device before any answer came back.
    const draft = JSON.parse(w.storage.get(`${DRAFT_PREFIX}${flowId}.${s.mySignerId}`)!)
    expect(draft.pending.idempotencyKey).toBe(key)

    expect(await s.retrySubmit()).toBe(true)
    expect(s.phase).toBe('SIGNED')
    expect(s.result?.idempotencyKey).toBe(key)
    await s.loadAudit()
    expect(signedEvents(s.audit!, s.mySignerId!)).toHaveLength(1)
    const st = await w.sandbox.getSigningStatus({ session: w.store.session.active!.token, flowId })
    expect(st.signers.filter((x) => x.status === 'SIGNED')).toHaveLength(1)
  })

  test('after a lost answer and an app restart, the retry uses the persisted key: still one signature', async () => {
    const w = world({ service: (sb) => withFaults(sb, { submitSigning: { after: 1 } }) })
    const { flowId, s } = await readyToSubmit(w)
    await confirmBySms(w)
    const key = s.pending!.idempotencyKey
    s.leave()

    const again = w.restart()
    await again.signing.open(flowId)
    const s2 = again.signing
    // Already signed at the backend: the reopened contract says so and the draft is gone.
    expect(s2.phase).toBe('SIGNED')
    expect(s2.pending).toBeNull()
    void key
    await s2.loadAudit()
    expect(signedEvents(s2.audit!, s2.mySignerId!)).toHaveLength(1)
  })

  test('a NETWORK_ERROR before the request reached the backend: retry signs (once)', async () => {
    const w = world({ service: (sb) => withFaults(sb, { submitSigning: { before: 1 } }) })
    const { s } = await readyToSubmit(w)
    expect(await confirmBySms(w)).toBe(false)
    expect(s.submitError?.retryable).toBe(true)
    expect(await s.retrySubmit()).toBe(true)
    await s.loadAudit()
    expect(signedEvents(s.audit!, s.mySignerId!)).toHaveLength(1)
  })

  test('an unconfirmed submission found after a restart is retried with the same key', async () => {
    // The request never got through (before), the app was killed, the flow is still pending.
    const w = world({ service: (sb) => withFaults(sb, { submitSigning: { before: 1 } }) })
    const { flowId, s } = await readyToSubmit(w)
    await confirmBySms(w)
    const key = s.pending!.idempotencyKey
    s.leave()
    const again = w.restart()
    await again.signing.open(flowId)
    const s2 = again.signing
    expect(s2.phase).toBe('FAILED')
    expect(s2.pending?.idempotencyKey).toBe(key)
    expect(s2.submitError?.retryable).toBe(true)
    expect(s2.editable).toBe(false) // values are locked to what was sent
    expect(await s2.retrySubmit()).toBe(true)
    expect(s2.result?.idempotencyKey).toBe(key)
    await s2.loadAudit()
    expect(signedEvents(s2.audit!, s2.mySignerId!)).toHaveLength(1)
  })

  test('a password intent: set on first use, then entered; a wrong one is refused', async () => {
    const w = world()
    const { s } = await readyToSubmit(w)
    s.chooseMethod('PASSWORD')
    expect(s.passwordSet).toBe(false)
    s.setIntentInput('newPassword', '123456')
    s.setIntentInput('newPassword2', '123456')
    expect(await s.setPassword()).toBe(false)
    expect(s.intentError).toContain('过于简单')
    s.setIntentInput('newPassword', '380517')
    s.setIntentInput('newPassword2', '380571')
    expect(await s.setPassword()).toBe(false)
    expect(s.intentError).toContain('不一致')
    s.setIntentInput('newPassword2', '380517')
    expect(await s.setPassword()).toBe(true)
    expect(s.challenge?.method).toBe('PASSWORD')
    s.setIntentInput('intentPassword', '111111')
    expect(await s.confirmIntent()).toBe(false)
    expect(s.intentError).toMatch(/密码/)
    s.setIntentInput('intentPassword', '380517')
    expect(await s.confirmIntent()).toBe(true)
    expect(s.phase).toBe('SIGNED')
  })

  test('a face intent with the simulated capture', async () => {
    const w = world()
    const { s } = await readyToSubmit(w)
    s.chooseMethod('FACE')
    expect(await s.startIntent()).toBe(true)
    const action = s.challenge!.faceAction!
    expect(await s.confirmIntent(simulatedCapture(action, true))).toBe(true)
    expect(s.phase).toBe('SIGNED')
  })
})

describe('SigningStore: decline and closed flows', () => {
  test('decline requires a reason of 5 to 200 characters', async () => {
    const w = world()
    const flowId = await signIn(w, zhang, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    expect(s.canDecline).toBe(true)
    s.openDecline(true)
    expect(await s.decline()).toBe(false)
    expect(s.declineProblem).toBe('请填写拒签原因')
    s.setDeclineReason('不同意')
    expect(await s.decline()).toBe(false)
    expect(s.declineProblem).toContain('至少5个字')
    s.setDeclineReason('租金条款与口头约定不一致，需重新协商')
    expect(await s.decline()).toBe(true)
    expect(s.phase).toBe('DECLINED')
    expect(s.contract?.status).toBe('DECLINED')
    expect(s.contract?.canSign).toBe(false)
    await s.loadAudit()
    expect(s.audit!.events.some((e) => e.action === 'DECLINED')).toBe(true)
  })

  test('a flow that does not allow decline offers none', async () => {
    const w = world()
    const flowId = await signIn(w, DEMO_PEOPLE.ZHOU_TING, '战略合作框架协议')
    const s = w.store.signing
    await s.open(flowId)
    expect(s.canDecline).toBe(false)
    s.openDecline(true)
    expect(s.declineOpen).toBe(false)
    s.leave()
  })

  test.each([
    ['设备采购合同', 'EXPIRED'],
    ['保密协议', 'CANCELLED'],
    ['借款合同', 'COMPLETED']
  ])('%s opens read-only (%s): nothing can be filled or submitted', async (label, status) => {
    const w = world()
    const flowId = await signIn(w, zhang, label)
    const s = w.store.signing
    expect((await s.open(flowId)).kind).toBe('ready')
    expect(s.contract?.status).toBe(status)
    expect(s.contract?.canSign).toBe(false)
    expect(['READ_ONLY', 'SIGNED']).toContain(s.phase)
    expect(s.editable).toBe(false)
    expect(s.canDecline).toBe(false)
    expect(s.closedMessage).toBeTruthy()
    s.applySignature(accepted(w.now()))
    expect(Object.keys(s.values)).toHaveLength(0)
    expect(s.proceedToIntent()).toBe(false)
  })
})

describe('SigningStore: result polling and my contracts', () => {
  test('the status updates as others sign (sandbox auto-play after my signature)', async () => {
    const w = world()
    const flowId = await signIn(w, zhang, '房屋租赁合同')
    const s = w.store.signing
    await s.open(flowId)
    await readToEnd(w.store)
    s.applySignature(accepted(w.now()))
    expect(s.proceedToIntent()).toBe(true)
    expect(await confirmBySms(w)).toBe(true)
    expect(s.signers.find((x) => x.signerId === s.mySignerId)?.status).toBe('SIGNED')
    const other = s.signers.find((x) => x.signerId !== s.mySignerId)!
    expect(other.status).toBe('PENDING')
    w.clock.t += 10_000
    await s.pollStatus()
    await settle()
    expect(s.signers.find((x) => x.signerId === other.signerId)?.status).toBe('SIGNED')
    expect(s.flowStatus).toBe('COMPLETED')
    expect(s.contract?.revision).toBe(s.status?.revision)
  })

  test('my contracts are grouped by status tabs', async () => {
    const w = world()
    await signIn(w, zhang, '房屋租赁合同')
    for (const label of ['设备采购合同', '保密协议', '借款合同']) {
      const e = await w.store.entry.open(w.link(label))
      const flowId = e.kind === 'closed' ? e.resolution.flow.flowId : ''
      w.store.entry.setPending({ flowId, linkToken: /\.S\.[^.]+\.([^.]+)\./.exec(w.link(label))![1], title: label })
      expect((await w.store.flow.open(flowId)).kind).toBe('ready')
    }
    const m = w.store.signing.mine
    await m.load()
    expect(m.counts).toMatchObject({ TODO: 1, COMPLETED: 1, EXPIRED: 1, CANCELLED: 1 })
    expect(m.visible.map((f) => f.title)).toEqual(['房屋租赁合同'])
    m.setTab('COMPLETED')
    expect(m.visible.map((f) => f.title)).toEqual(['借款合同'])
  })

  test('我的合同 knows "me" by the backend\'s signer ids, not by masked name and mobile two people can share', async () => {
    const zhang = DEMO_PEOPLE.ZHANG_SAN
    // another 张* with the same masked mobile, still to sign in a flow 张三 has already signed
    const w = world({
      service: (base) =>
        new Proxy(base, {
          get(target, prop, recv) {
            if (prop !== 'listMyFlows') return Reflect.get(target, prop, recv)
            return async (input: { session: string }) =>
              (await target.listMyFlows(input)).map((f) => {
                const me = f.signers.find((x) => f.mySignerIds.includes(x.signerId))!
                return {
                  ...f,
                  status: 'SIGNING' as const,
                  signers: [...f.signers.map((x) => ({ ...x, status: 'SIGNED' as const })), { ...me, signerId: 'someone-else', status: 'PENDING' as const }]
                }
              })
          }
        })
    })
    await signIn(w, zhang, '房屋租赁合同')
    const m = w.store.signing.mine
    await m.load()
    const f = m.flows[0]
    expect(f.signers.filter((x) => x.maskedName === '张*' && x.maskedMobile === '138****8000')).toHaveLength(2)
    expect(m.mine(f).map((x) => x.signerId)).toEqual(f.mySignerIds)
    // 张三 has signed; the other 张* has not: the flow waits for others, it is not on 张三's to-do list
    expect(m.tabOf(f)).toBe('WAITING')
  })
})
