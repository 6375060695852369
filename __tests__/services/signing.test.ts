import { DEMO_FLOWS } from '@sandbox'
import { SIGNING_RULES } from '@sandbox/signing'
import { ServiceError } from '@/services/errors'
import { OPERATIONS, SIGNING_OPERATIONS, type InkSealService, type SubmitValue } from '@/services/types'
import { isValidField } from '@/domain/contract/fields'
import { expectError, faceIntent, join, makePng, pngBytes, readAll, SECOND, setup, smsIntent, svgOf, valuesFor, type Env } from './signing.helpers'

const F = DEMO_FLOWS

describe('contract and pages', () => {
  test('every signing operation is routed', () => {
    for (const op of Object.keys(SIGNING_OPERATIONS)) expect(OPERATIONS).toContain(op)
  })

  test('房屋租赁合同: meta, page sizes, fields and options', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'LI_SI', F.PERSONAL)
    const c = await env.sb.getContract({ session, flowId: F.PERSONAL })
    expect(c).toMatchObject({ flowId: F.PERSONAL, title: '房屋租赁合同', status: 'SIGNING', pageCount: 6, mySignerId: signerId, canSign: true })
    expect(c.pages).toHaveLength(6)
    expect(c.pages.every((p, i) => p.index === i && p.width === 595 && p.height === 842)).toBe(true)
    expect(c.options).toEqual({
      forcedReading: { minSeconds: null, mustReachLastPage: true },
      allowSystemSignature: true,
      signatureApply: 'ALL_AT_ONCE',
      allowDecline: true,
      intentMethods: ['SMS', 'FACE', 'PASSWORD'],
      ordered: false
    })
    for (const f of c.fields) expect(isValidField(f)).toBe(true)
    const mine = c.fields.filter((f) => f.signerId === signerId)
    expect(mine.map((f) => f.type).sort()).toEqual(['CHECK_BOX', 'CHECK_BOX', 'SIGN_DATE', 'SIGN_SIGNATURE', 'SIGN_SIGNATURE', 'TEXT'])
    const text = mine.find((f) => f.type === 'TEXT')!
    expect(text).toMatchObject({ required: true, maxLength: 2, pattern: '[1-9]\\d?' })
    expect(
      mine
        .filter((f) => f.type === 'CHECK_BOX')
        .map((f) => f.required)
        .sort()
    ).toEqual([false, true])
    const other = c.fields.filter((f) => f.signerId !== signerId)
    expect(other.map((f) => f.type).sort()).toEqual(['SIGN_DATE', 'SIGN_SIGNATURE', 'SIGN_SIGNATURE'])
    expect(c.fields.find((f) => f.type === 'SIGN_DATE')!.dateFormat).toBe('YYYY年MM月DD日')
    expect(c.reading).toEqual({ startedAt: env.clock.t, lastPageSeen: false, remainingMs: 0, satisfied: false })
  })

  test('pages come in ranges of at most 10, as A4 SVGs with the contract text', async () => {
    const env = setup()
    const { session } = await join(env, 'ZHANG_SAN', F.PERSONAL)
    const r = await env.sb.getContractPages({ session, flowId: F.PERSONAL, from: 0, count: 3 })
    expect(r.pages.map((p) => p.index)).toEqual([0, 1, 2])
    const svg = svgOf(r.pages[0].src)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="595" height="842"/)
    expect(svg).toContain("font-family:'SimSun','Songti SC',serif")
    for (const s of ['房屋租赁合同', '出租方（甲方）：张三', '承租方（乙方）：李四', '第一条', '房屋基本情况', '第 1 页 / 共 6 页']) expect(svg).toContain(s)
    const tail = await env.sb.getContractPages({ session, flowId: F.PERSONAL, from: 4, count: 10 })
    expect(tail.pages.map((p) => p.index)).toEqual([4, 5])
    const last = svgOf(tail.pages[1].src)
    expect(last).toContain('甲方（出租方）：张三')
    expect(last).toContain('（以下无正文，为签署页）')
    // deterministic
    const again = await env.sb.getContractPages({ session, flowId: F.PERSONAL, from: 0, count: 3 })
    expect(again).toEqual(r)
    for (const bad of [
      { from: 0, count: 11 },
      { from: 0, count: 0 },
      { from: 6, count: 1 },
      { from: -1, count: 1 },
      { from: 1.5, count: 1 }
    ]) {
      const e = await expectError(env.sb.getContractPages({ session, flowId: F.PERSONAL, ...bad }), 'INVALID_INPUT')
      expect(['from', 'count']).toContain(e.details.field)
    }
  })

  test('the 200-page contract: meta in one payload, pages in ranges, fields on the first, a middle and the last page', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'ZHANG_SAN', F.LONG_LEASE)
    const c = await env.sb.getContract({ session, flowId: F.LONG_LEASE })
    expect(c.title).toBe('设备租赁及维护服务总协议')
    expect(c.pageCount).toBe(200)
    expect(c.pages).toHaveLength(200)
    expect(c.options.forcedReading).toEqual({ minSeconds: 30, mustReachLastPage: true })
    const pages = c.fields.filter((f) => f.signerId === signerId).map((f) => f.page)
    expect(new Set(pages)).toEqual(new Set([0, 99, 199]))
    const seen: number[] = []
    let bytes = 0
    for (let from = 0; from < 200; from += 10) {
      const r = await env.sb.getContractPages({ session, flowId: F.LONG_LEASE, from, count: 10 })
      seen.push(...r.pages.map((p) => p.index))
      for (const p of r.pages) bytes = Math.max(bytes, p.src.length)
    }
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i))
    expect(bytes).toBeLessThan(40_000) // one page stays small
    const mid = await env.sb.getContractPages({ session, flowId: F.LONG_LEASE, from: 99, count: 1 })
    const svg = svgOf(mid.pages[0].src)
    expect(svg).toContain('第 100 页 / 共 200 页')
    expect(svg).toContain('乙方特别约定确认签字')
    const last = svgOf((await env.sb.getContractPages({ session, flowId: F.LONG_LEASE, from: 199, count: 5 })).pages[0].src)
    expect(last).toContain('（以下无正文，为签署页）')
    expect(last).toContain('北京中关村智造设备有限公司') // the initiator's seal and name
    expect((await env.sb.getContract({ session, flowId: F.LONG_LEASE })).reading.lastPageSeen).toBe(true)
  })

  test('only people who joined may read; signerId must be their own', async () => {
    const env = setup()
    const { session } = await join(env, 'ZHANG_SAN', F.PERSONAL)
    await expectError(env.sb.getContract({ session, flowId: F.STRATEGIC }), 'FORBIDDEN')
    await expectError(env.sb.getContract({ session, flowId: 'ZZZZZZZZ' }), 'FLOW_NOT_FOUND')
    await expectError(env.sb.getContract({ session: 'nope', flowId: F.PERSONAL }), 'SESSION_INVALID')
    await expectError(env.sb.listMySeals({ session, flowId: F.PERSONAL, signerId: `${F.PERSONAL}-2` }), 'FORBIDDEN')
  })
})

describe('seals', () => {
  test('王芳 sees the 云签 seals she is authorised for, flagged by the fields that accept them', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'WANG_FANG', F.ENTERPRISE_PERSONAL)
    const r = await env.sb.listMySeals({ session, flowId: F.ENTERPRISE_PERSONAL, signerId })
    expect(r.enterpriseName).toBe('深圳前海云签科技有限公司')
    expect(r.seals.map((s) => s.sealType).sort()).toEqual(['CONTRACT', 'HR'])
    const contract = r.seals.find((s) => s.sealType === 'CONTRACT')!
    const hr = r.seals.find((s) => s.sealType === 'HR')!
    expect(contract.typeLabel).toBe('合同专用章')
    expect(contract.spec).toEqual({ text: '深圳前海云签科技有限公司', purpose: '合同专用章', color: '#d0021b' })
    expect(contract.acceptedBy.sort()).toEqual([`${F.ENTERPRISE_PERSONAL}-paging2`, `${F.ENTERPRISE_PERSONAL}-seal2`])
    expect(hr.acceptedBy).toEqual([`${F.ENTERPRISE_PERSONAL}-seal2`]) // the paging seal takes 合同专用章/公章 only
    expect(svgOf(contract.image)).toContain('<polygon')
    expect(r.fields.map((f) => f.type).sort()).toEqual(['SIGN_PAGING_SEAL', 'SIGN_SEAL'])
    expect(r.unfillable).toEqual([])
    expect(r.hint).toBeNull()
  })

  test('赵敏 has no seal the agreement accepts: an empty result with what to do; an admin grant fixes it', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'ZHAO_MIN', F.STRATEGIC)
    const r = await env.sb.listMySeals({ session, flowId: F.STRATEGIC, signerId })
    expect(r.seals.map((s) => s.sealType)).toEqual(['FINANCE'])
    expect(r.seals[0].acceptedBy).toEqual([])
    expect(r.unfillable).toHaveLength(2)
    expect(r.hint).toBe('您暂无可用于本合同的印章，请联系企业管理员为您授权合同专用章')
    expect(env.sb.dev.listDemoSeals().find((s) => s.sealId === 'SEAL-XH-CONTRACT')!.authorised).toEqual(['刘*'])
    const v = await env.sb.dev.authoriseSeal({ sealId: 'SEAL-XH-CONTRACT', personName: '赵敏' })
    expect(v.authorised).toEqual(['刘*', '赵*'])
    const after = await env.sb.listMySeals({ session, flowId: F.STRATEGIC, signerId })
    expect(after.unfillable).toEqual([])
    expect(after.hint).toBeNull()
  })

  test('a person signer has no seals', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'CHEN_CHEN', F.ENTERPRISE_PERSONAL)
    const r = await env.sb.listMySeals({ session, flowId: F.ENTERPRISE_PERSONAL, signerId })
    expect(r).toEqual({ signerId, enterpriseName: null, seals: [], fields: [], unfillable: [], hint: null })
  })

  test('submitting a seal the field does not accept, or one the person may not use', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'ZHAO_MIN', F.STRATEGIC)
    const c = await readAll(env, session, F.STRATEGIC)
    const token = await faceIntent(env, session, F.STRATEGIC)
    const submit = (sealId: string, key: string) =>
      env.sb.submitSigning({ session, flowId: F.STRATEGIC, signerId, intentToken: token, idempotencyKey: key, values: valuesFor(c, signerId, { sealId }) })
    const e1 = await expectError(submit('SEAL-XH-FINANCE', 'key-finance-1'), 'SEAL_NOT_ACCEPTED')
    expect(e1.details.fieldId).toMatch(/STRATG26-(seal|paging)2/)
    const e2 = await expectError(submit('SEAL-XH-CONTRACT', 'key-contract-1'), 'SEAL_NOT_AUTHORIZED')
    expect(e2.message).toContain('合同专用章')
    await expectError(submit('SEAL-HN-CONTRACT', 'key-other-ent'), 'SEAL_NOT_AUTHORIZED') // another enterprise's seal
    await expectError(submit('SEAL-NOPE', 'key-unknown-1'), 'FIELD_INVALID')
    await env.sb.dev.authoriseSeal({ sealId: 'SEAL-XH-CONTRACT', personName: '赵敏' })
    const ok = await submit('SEAL-XH-CONTRACT', 'key-contract-2')
    expect(ok.signerStatus).toBe('SIGNED')
  })
})

/** 张三 signs the 房屋租赁合同 (read, SMS intent, values). */
async function zhangSigns(env: Env, key = 'idem-key-0001') {
  const { session, signerId } = await join(env, 'ZHANG_SAN', F.PERSONAL)
  const c = await readAll(env, session, F.PERSONAL)
  const intentToken = await smsIntent(env, session, F.PERSONAL)
  const values = valuesFor(c, signerId)
  const input = { session, flowId: F.PERSONAL, signerId, intentToken, idempotencyKey: key, values }
  return { session, signerId, c, intentToken, values, input }
}

describe('submitting', () => {
  test('a valid submission signs; the page images carry the signature and the date', async () => {
    const env = setup()
    const { session, signerId, input } = await zhangSigns(env)
    const r = await env.sb.submitSigning(input)
    expect(r).toMatchObject({
      flowId: F.PERSONAL,
      signerId,
      signerStatus: 'SIGNED',
      flowStatus: 'SIGNING',
      intentMethod: 'SMS',
      revision: 1,
      signedAt: env.clock.t
    })
    expect(r.signers.find((s) => s.signerId === signerId)!.status).toBe('SIGNED')
    const c = await env.sb.getContract({ session, flowId: F.PERSONAL })
    expect(c.myStatus).toBe('SIGNED')
    expect(c.canSign).toBe(false)
    expect(c.blockedReason).toBe('ALREADY_SIGNED')
    const date = c.fields.find((f) => f.fieldId === `${F.PERSONAL}-date1`)!
    expect(date.filled).toEqual({ signerId, filledAt: env.clock.t, display: '2026年11月21日' })
    const last = svgOf((await env.sb.getContractPages({ session, flowId: F.PERSONAL, from: 5, count: 1 })).pages[0].src)
    expect(last).toContain('xlink:href="data:image/png;base64,')
    expect(last).toContain('2026年11月21日')
    const flow = await env.sb.getFlow({ session, flowId: F.PERSONAL })
    expect(flow.signers.find((s) => s.signerId === signerId)).toMatchObject({ status: 'SIGNED', signedAt: env.clock.t })
  })

  test('validation: required fields, image, system signature, uniform handwriting, text rules, boxes, kinds', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'LI_SI', F.PERSONAL)
    const c = await readAll(env, session, F.PERSONAL)
    const intentToken = await smsIntent(env, session, F.PERSONAL)
    let n = 0
    const submit = (values: SubmitValue[]) =>
      env.sb.submitSigning({ session, flowId: F.PERSONAL, signerId, intentToken, idempotencyKey: `validation-${++n}`, values })
    const good = valuesFor(c, signerId)
    const replace = (fieldSuffix: string, v: Partial<SubmitValue> | null) =>
      good.flatMap((x) => (x.fieldId.endsWith(fieldSuffix) ? (v ? [{ ...x, ...v } as SubmitValue] : []) : [x]))

    const missing = await expectError(submit(replace('-sign2', null)), 'FIELD_REQUIRED')
    expect(missing.details).toMatchObject({ fieldId: `${F.PERSONAL}-sign2` })
    await expectError(submit(replace('-sign2', { png: 'data:image/jpeg;base64,AAAA' } as Partial<SubmitValue>)), 'SIGNATURE_IMAGE_INVALID')
    const fake = `data:image/png;base64,${Buffer.from('GIF89a not a png at all, really not').toString('base64')}`
    const notPng = await expectError(submit(replace('-sign2', { png: fake } as Partial<SubmitValue>)), 'SIGNATURE_IMAGE_INVALID')
    expect(notPng.details.reason).toBe('NOT_PNG')
    const big = `data:image/png;base64,${pngBytes(720, 520, 3, true).toString('base64')}`
    expect(big.length).toBeGreaterThan(700_000)
    const tooBig = await expectError(submit(replace('-sign2', { png: big } as Partial<SubmitValue>)), 'SIGNATURE_IMAGE_INVALID')
    expect(tooBig.details.reason).toBe('TOO_LARGE')
    const tiny = await expectError(submit(replace('-sign2', { png: makePng(8, 8) } as Partial<SubmitValue>)), 'SIGNATURE_IMAGE_INVALID')
    expect(tiny.details.reason).toBe('BAD_DIMENSIONS')
    await expectError(submit(replace('-sign2', { png: 'data:image/png;base64,%%%%' } as Partial<SubmitValue>)), 'SIGNATURE_IMAGE_INVALID')
    const uniform = await expectError(submit(replace('-annexSign2', { png: makePng(120, 48, 2) } as Partial<SubmitValue>)), 'FIELD_INVALID')
    expect(uniform.details.reason).toBe('SIGNATURE_NOT_UNIFORM')
    const pattern = await expectError(submit(replace('-occupants', { text: '两人' } as Partial<SubmitValue>)), 'FIELD_INVALID')
    expect(pattern.details.reason).toBe('PATTERN')
    expect(pattern.message).toBe('请填写1至99之间的人数')
    expect((await expectError(submit(replace('-occupants', { text: '123' } as Partial<SubmitValue>)), 'FIELD_INVALID')).details.reason).toBe('TOO_LONG')
    await expectError(submit(replace('-occupants', { text: '  ' } as Partial<SubmitValue>)), 'FIELD_REQUIRED')
    const box = await expectError(submit(replace('-inspected', { checked: false } as Partial<SubmitValue>)), 'FIELD_REQUIRED')
    expect(box.details.reason).toBe('NOT_CHECKED')
    const kind = await expectError(submit(replace('-occupants', { kind: 'CHECK_BOX', checked: true } as Partial<SubmitValue>)), 'FIELD_INVALID')
    expect(kind.details.reason).toBe('KIND_MISMATCH')
    const unknown = await expectError(submit([...good, { fieldId: `${F.PERSONAL}-sign1`, kind: 'SIGN_DATE' }]), 'FIELD_INVALID')
    expect(unknown.details.reason).toBe('UNKNOWN_FIELD') // another signer's field
    await expectError(submit([...good, good[0]]), 'FIELD_INVALID')
    await expectError(env.sb.submitSigning({ session, flowId: F.PERSONAL, signerId, intentToken, idempotencyKey: 'short', values: good }), 'INVALID_INPUT')
    await expectError(
      env.sb.submitSigning({ session, flowId: F.PERSONAL, signerId, intentToken, idempotencyKey: 'validation-x', values: 'x' as never }),
      'INVALID_INPUT'
    )

    // The optional box may stay unticked; a system signature is allowed here.
    const sys = good.filter((x) => !x.fieldId.endsWith('-renew')).map((x) => (x.kind === 'SIGN_SIGNATURE' ? { ...x, signatureKind: 'SYSTEM' as const } : x))
    const r = await submit(sys)
    expect(r.signerStatus).toBe('SIGNED')
    const view = await env.sb.getContract({ session, flowId: F.PERSONAL })
    expect(view.fields.find((f) => f.fieldId.endsWith('-occupants'))!.filled!.display).toBe('2')
    expect(view.fields.find((f) => f.fieldId.endsWith('-renew'))!.filled!.display).toBe('未勾选') // decided: left unticked
  })

  test('劳动合同: handwriting only, signing order, forced reading', async () => {
    const env = setup()
    const wang = await join(env, 'WANG_FANG', F.ENTERPRISE_PERSONAL)
    const wangView = await env.sb.getContract({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL })
    expect(wangView.options.ordered).toBe(true)
    expect(wangView).toMatchObject({ canSign: false, blockedReason: 'NOT_YOUR_TURN' })
    expect(wangView.blockedMessage).toContain('陈*')
    await readAll(env, wang.session, F.ENTERPRISE_PERSONAL)
    const turn = await expectError(env.sb.startIntent({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL, method: 'SMS' }), 'NOT_YOUR_TURN')
    expect(turn.details.waitingFor).toEqual(['陈*'])

    const chen = await join(env, 'CHEN_CHEN', F.ENTERPRISE_PERSONAL)
    const c = await env.sb.getContract({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL })
    expect(c.reading).toMatchObject({ remainingMs: 10_000, satisfied: false })
    const early = await expectError(env.sb.startIntent({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL, method: 'FACE' }), 'READING_INCOMPLETE')
    expect(early.details).toMatchObject({ remainingMs: 10_000, mustReachLastPage: true })
    env.advance(10 * SECOND)
    const notLast = await expectError(env.sb.startIntent({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL, method: 'FACE' }), 'READING_INCOMPLETE')
    expect(notLast.details).toMatchObject({ remainingMs: 0, mustReachLastPage: true })
    await env.sb.getContractPages({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL, from: 7, count: 1 })
    expect((await env.sb.getContract({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL })).reading.satisfied).toBe(true)
    await expectError(env.sb.startIntent({ session: chen.session, flowId: F.ENTERPRISE_PERSONAL, method: 'PASSWORD' }), 'INTENT_METHOD_NOT_ALLOWED')
    const token = await faceIntent(env, chen.session, F.ENTERPRISE_PERSONAL)
    const values = valuesFor(c, chen.signerId).map((v) => (v.kind === 'SIGN_SIGNATURE' ? { ...v, signatureKind: 'SYSTEM' as const } : v))
    const base = { session: chen.session, flowId: F.ENTERPRISE_PERSONAL, signerId: chen.signerId, intentToken: token }
    await expectError(env.sb.submitSigning({ ...base, idempotencyKey: 'labour-sys-1', values }), 'SYSTEM_SIGNATURE_NOT_ALLOWED')
    // PER_FIELD: different handwriting per field is fine
    const perField = valuesFor(c, chen.signerId).map((v, i) => (v.kind === 'SIGN_SIGNATURE' ? { ...v, png: makePng(100, 40, i) } : v))
    await env.sb.submitSigning({ ...base, idempotencyKey: 'labour-hand-1', values: perField })
    await env.sb.dev.setAutoPlayOthers(false)

    // now it is 王芳's turn: seal + paging seal + date
    const w = await env.sb.getContract({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL })
    expect(w.canSign).toBe(true)
    const wt = await smsIntent(env, wang.session, F.ENTERPRISE_PERSONAL)
    const r = await env.sb.submitSigning({
      session: wang.session,
      flowId: F.ENTERPRISE_PERSONAL,
      signerId: wang.signerId,
      intentToken: wt,
      idempotencyKey: 'labour-seal-1',
      values: valuesFor(w, wang.signerId, { sealId: 'SEAL-YQ-HR', pagingSealId: 'SEAL-YQ-CONTRACT' })
    })
    expect(r.flowStatus).toBe('COMPLETED')
    // every page shows a slice of the paging seal at its right edge
    const pages = await env.sb.getContractPages({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL, from: 0, count: 8 })
    for (const p of pages.pages)
      expect(svgOf(p.src)).toMatch(/<svg x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" viewBox="[\d.]+ 0 [\d.]+ [\d.]+" preserveAspectRatio="none">/)
    const last = svgOf(pages.pages[7].src)
    expect(last).toContain('人事专用章')
    expect(last).toContain('2026-11-21') // 王芳's date format
  })

  test('idempotency: the same key answers the same result; another key after success is ALREADY_SIGNED', async () => {
    const env = setup()
    const { session, input } = await zhangSigns(env)
    const first = await env.sb.submitSigning(input)
    env.advance(30 * SECOND)
    const again = await env.sb.submitSigning(input)
    expect(again).toEqual(first)
    const trail = await env.sb.getAuditTrail({ session, flowId: F.PERSONAL })
    expect(trail.events.filter((e) => e.action === 'SIGNED' && e.signerId === input.signerId)).toHaveLength(1)
    const other = await expectError(env.sb.submitSigning({ ...input, idempotencyKey: 'idem-key-0002' }), 'ALREADY_SIGNED')
    expect(other.details.signedAt).toBe(first.signedAt)
    await expectError(env.sb.submitSigning({ ...input, values: input.values.slice(1) }), 'IDEMPOTENCY_KEY_REUSED')
  })

  test('a response lost after the commit: the retry with the same key gets the success, exactly one signature', async () => {
    const env = setup()
    // A transport that loses the first submitSigning response after the backend committed.
    let lose = 1
    const flaky: InkSealService = {
      ...env.sb,
      async submitSigning(i) {
        const out = await env.sb.submitSigning(i)
        if (lose-- > 0) throw new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', { phase: 'after' })
        return out
      }
    }
    const { session, input } = await zhangSigns(env)
    await expect(flaky.submitSigning(input)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    const status = await env.sb.getSigningStatus({ session, flowId: F.PERSONAL })
    expect(status.signers.find((s) => s.signerId === input.signerId)!.status).toBe('SIGNED') // it did commit
    env.advance(20 * 60 * SECOND) // even after the intent token would have expired
    const retry = await flaky.submitSigning(input)
    expect(retry).toMatchObject({ signerStatus: 'SIGNED', revision: 1, idempotencyKey: input.idempotencyKey })
    const trail = await env.sb.getAuditTrail({ session, flowId: F.PERSONAL })
    expect(trail.events.filter((e) => e.action === 'SIGNED' && e.signerId === input.signerId)).toHaveLength(1)
  })

  test('an injected fault before the commit changes nothing; the retry signs once', async () => {
    const env = setup({ faults: { rate: 1, ops: ['submitSigning'] } })
    const { session, input } = await zhangSigns(env)
    await expectError(env.sb.submitSigning(input), 'SERVICE_UNAVAILABLE')
    expect((await env.sb.getSigningStatus({ session, flowId: F.PERSONAL })).revision).toBe(0)
    const ok = setup({ storage: env.storage }) // same state, no faults (a restarted backend)
    ok.clock.t = env.clock.t
    const r = await ok.sb.submitSigning(input)
    expect(r.revision).toBe(1)
    expect(await ok.sb.submitSigning(input)).toEqual(r)
  })

  test('intent tokens: single use, bound to the signer, 10 minutes', async () => {
    const env = setup()
    const { input, session } = await zhangSigns(env)
    await expectError(env.sb.submitSigning({ ...input, intentToken: 'it_forged' }), 'INTENT_TOKEN_INVALID')
    env.advance(SIGNING_RULES.INTENT_TOKEN_TTL_MS)
    await expectError(env.sb.submitSigning(input), 'INTENT_TOKEN_EXPIRED')
    const fresh = await smsIntent(env, session, F.PERSONAL)
    // 李四 cannot use 张三's token
    const li = await join(env, 'LI_SI', F.PERSONAL)
    const liView = await readAll(env, li.session, F.PERSONAL)
    await expectError(
      env.sb.submitSigning({
        session: li.session,
        flowId: F.PERSONAL,
        signerId: li.signerId,
        intentToken: fresh,
        idempotencyKey: 'li-key-0001',
        values: valuesFor(liView, li.signerId)
      }),
      'INTENT_TOKEN_INVALID'
    )
    await env.sb.submitSigning({ ...input, intentToken: fresh, idempotencyKey: 'zhang-key-2' })
  })
})

describe('decline', () => {
  test('a reason of 5–200 characters is required; the flow becomes DECLINED', async () => {
    const env = setup()
    const li = await join(env, 'LI_SI', F.PERSONAL)
    const zhang = await join(env, 'ZHANG_SAN', F.PERSONAL)
    const base = { session: li.session, flowId: F.PERSONAL, signerId: li.signerId }
    expect((await expectError(env.sb.declineSigning({ ...base, reason: '' }), 'INVALID_INPUT')).details.field).toBe('reason')
    await expectError(env.sb.declineSigning({ ...base, reason: '不同意' }), 'INVALID_INPUT')
    await expectError(env.sb.declineSigning({ ...base, reason: '长'.repeat(201) }), 'INVALID_INPUT')
    await expectError(env.sb.declineSigning(base as never), 'INVALID_INPUT')
    const r = await env.sb.declineSigning({ ...base, reason: '租金与口头约定不一致' })
    expect(r).toEqual({ flowId: F.PERSONAL, signerId: li.signerId, declinedAt: env.clock.t, flowStatus: 'DECLINED', reason: '租金与口头约定不一致' })
    const flow = await env.sb.getFlow({ session: zhang.session, flowId: F.PERSONAL })
    expect(flow.status).toBe('DECLINED')
    expect(flow.closedReason).toBe('租金与口头约定不一致')
    expect(flow.signers.map((s) => s.status)).toEqual(['CANCELLED', 'DECLINED'])
    const zc = await env.sb.getContract({ session: zhang.session, flowId: F.PERSONAL })
    expect(zc).toMatchObject({ canSign: false, blockedReason: 'FLOW_DECLINED' })
    await expectError(env.sb.startIntent({ session: zhang.session, flowId: F.PERSONAL, method: 'SMS' }), 'FLOW_DECLINED')
    const lc = await env.sb.getContract({ session: li.session, flowId: F.PERSONAL })
    expect(lc).toMatchObject({ myStatus: 'DECLINED', blockedReason: 'ALREADY_DECLINED' })
    await expectError(env.sb.declineSigning({ ...base, reason: '再次拒签试试看' }), 'FLOW_DECLINED')
    const trail = await env.sb.getAuditTrail({ session: li.session, flowId: F.PERSONAL })
    const declined = trail.events.filter((e) => e.action === 'DECLINED')
    expect(declined).toHaveLength(1)
    expect(declined[0]).toMatchObject({ actor: '李*', signerId: li.signerId, at: r.declinedAt })
    expect(declined[0].description).toContain('租金与口头约定不一致')
  })

  test('where the flow does not allow it', async () => {
    const env = setup()
    const { session, signerId } = await join(env, 'SUN_LEI', F.STRATEGIC)
    await expectError(env.sb.declineSigning({ session, flowId: F.STRATEGIC, signerId, reason: '条款需要再商议' }), 'DECLINE_NOT_ALLOWED')
  })
})

describe('closed flows are read-only', () => {
  test.each([
    [F.EXPIRED, 'FLOW_EXPIRED', 'EXPIRED'],
    [F.CANCELLED, 'FLOW_CANCELLED', 'CANCELLED']
  ] as const)('%s', async (flowId, code, status) => {
    const env = setup()
    const { session, signerId } = await join(env, 'ZHANG_SAN', flowId)
    const c = await env.sb.getContract({ session, flowId })
    expect(c).toMatchObject({ status, canSign: false, blockedReason: code })
    expect(c.blockedMessage).toContain('仅可查看')
    const pages = await env.sb.getContractPages({ session, flowId, from: 0, count: 10 })
    expect(pages.pages).toHaveLength(c.pageCount)
    await expectError(env.sb.startIntent({ session, flowId, method: 'FACE' }), code)
    await expectError(env.sb.declineSigning({ session, flowId, signerId, reason: '已经不需要签了' }), code)
  })

  test('the completed 借款合同 shows both signatures and dates', async () => {
    const env = setup()
    const { session } = await join(env, 'ZHANG_SAN', F.COMPLETED)
    const c = await env.sb.getContract({ session, flowId: F.COMPLETED })
    expect(c).toMatchObject({ status: 'COMPLETED', canSign: false, blockedReason: 'FLOW_COMPLETED', myStatus: 'SIGNED', revision: 2 })
    expect(c.fields.every((f) => f.filled !== null)).toBe(true)
    const last = svgOf((await env.sb.getContractPages({ session, flowId: F.COMPLETED, from: c.pageCount - 1, count: 1 })).pages[0].src)
    expect(last).toMatch(/font-family="'STKaiti'[^"]*" fill="#111">张三</)
    expect(last).toMatch(/>李四</)
    expect(last).toMatch(/2026年11月0\d日/)
    const trail = await env.sb.getAuditTrail({ session, flowId: F.COMPLETED })
    expect(trail.events.map((e) => e.action)).toEqual(['CREATED', 'JOINED', 'SIGNED', 'JOINED', 'SIGNED', 'COMPLETED', 'VIEWED'])
    expect(trail.currentHash).not.toBe(trail.originalHash)
    expect((await env.sb.verifyDocument({ session, flowId: F.COMPLETED })).match).toBe(true)
  })
})

describe('other signers', () => {
  test('auto-play: after 张三 signs, 李四 (nobody joined as him) signs 5 s later by the sandbox clock', async () => {
    const env = setup()
    const { session, input } = await zhangSigns(env)
    const r = await env.sb.submitSigning(input)
    const s1 = await env.sb.getSigningStatus({ session, flowId: F.PERSONAL })
    expect(s1.nextAutoSignAt).toBe(r.signedAt + 5 * SECOND)
    expect(s1.signers.map((s) => s.status)).toEqual(['SIGNED', 'PENDING'])
    env.advance(5 * SECOND)
    const s2 = await env.sb.getSigningStatus({ session, flowId: F.PERSONAL })
    expect(s2).toMatchObject({ status: 'COMPLETED', revision: 2, nextAutoSignAt: null })
    expect(s2.signers[1]).toMatchObject({ status: 'SIGNED', signedAt: r.signedAt + 5 * SECOND })
    const c = await env.sb.getContract({ session, flowId: F.PERSONAL })
    expect(c.fields.filter((f) => f.signerId === `${F.PERSONAL}-2` && f.required).every((f) => f.filled)).toBe(true)
    expect((await env.sb.getFlow({ session, flowId: F.PERSONAL })).status).toBe('COMPLETED')
  })

  test('auto-play leaves signers a real person joined alone, and can be switched off', async () => {
    const env = setup()
    await join(env, 'LI_SI', F.PERSONAL)
    const { session, input } = await zhangSigns(env)
    await env.sb.submitSigning(input)
    expect((await env.sb.getSigningStatus({ session, flowId: F.PERSONAL })).nextAutoSignAt).toBeNull()

    const env2 = setup()
    expect(await env2.sb.dev.setAutoPlayOthers(false)).toEqual({ autoPlay: false })
    const z = await zhangSigns(env2)
    await env2.sb.submitSigning(z.input)
    env2.advance(60 * SECOND)
    expect((await env2.sb.getSigningStatus({ session: z.session, flowId: F.PERSONAL })).status).toBe('SIGNING')
  })

  test('dev.playOthers signs in order for those nobody joined, and skips who cannot sign', async () => {
    const env = setup()
    const wang = await join(env, 'WANG_FANG', F.ENTERPRISE_PERSONAL)
    const r = await env.sb.dev.playOthers(F.ENTERPRISE_PERSONAL)
    expect(r).toEqual({
      signed: [`${F.ENTERPRISE_PERSONAL}-1`],
      skipped: [{ signerId: wang.signerId, reason: '该签署人由真人操作，沙箱不代签' }],
      flowStatus: 'SIGNING'
    })
    expect((await env.sb.getContract({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL })).canSign).toBe(true)

    const strat = await env.sb.dev.playOthers(F.STRATEGIC)
    expect(strat.signed).toEqual([`${F.STRATEGIC}-1`, `${F.STRATEGIC}-3`, `${F.STRATEGIC}-4`])
    expect(strat.skipped).toEqual([{ signerId: `${F.STRATEGIC}-2`, reason: '赵*没有可用的公章或合同专用章' }])
    expect(strat.flowStatus).toBe('SIGNING')
    await env.sb.dev.authoriseSeal({ sealId: 'SEAL-XH-OFFICIAL', personName: '赵敏' })
    expect((await env.sb.dev.playOthers(F.STRATEGIC)).flowStatus).toBe('COMPLETED')
    const done = await env.sb.dev.playOthers(F.COMPLETED)
    expect(done.signed).toEqual([])
  })
})

describe('system signature name', () => {
  test("the contract view carries the caller's own full name (for the system signature), only to them", async () => {
    const env = setup({ seed: 21 })
    const { session } = await join(env, 'ZHANG_SAN', 'PERSNL26')
    const c = await env.sb.getContract({ session, flowId: 'PERSNL26' })
    expect(c.myName).toBe('张三')
    // other signers stay masked
    expect(c.signers.map((s) => s.maskedName)).toEqual(expect.arrayContaining(['张*', '李*']))
    expect(JSON.stringify(c.signers)).not.toContain('李四')
  })
})
