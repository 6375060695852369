import { DEMO_FLOWS, DEMO_PEOPLE, SANDBOX_STORAGE_KEY } from '@sandbox'
import type { SigningSlice } from '@sandbox/signing'
import { expectError, join, makePng, MINUTE, readAll, SECOND, setup, smsIntent, valuesFor, type Env } from './signing.helpers'

const F = DEMO_FLOWS

async function signPersonal(env: Env) {
  const { session, signerId } = await join(env, 'ZHANG_SAN', F.PERSONAL)
  const c = await readAll(env, session, F.PERSONAL)
  const intentToken = await smsIntent(env, session, F.PERSONAL)
  const r = await env.sb.submitSigning({
    session,
    flowId: F.PERSONAL,
    signerId,
    intentToken,
    idempotencyKey: 'audit-key-0001',
    values: valuesFor(c, signerId, { png: makePng(160, 64, 9) })
  })
  return { session, signerId, r, before: c }
}

/** Edits the persisted state and starts a sandbox on it (a tampered database). */
function tamper(env: Env, edit: (slice: SigningSlice) => void): Env {
  const state = JSON.parse(env.storage.get(SANDBOX_STORAGE_KEY)!)
  edit(state.modules.signing as SigningSlice)
  env.storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(state))
  const next = setup({ storage: env.storage })
  next.clock.t = env.clock.t + MINUTE
  return next
}

describe('audit trail and document hash', () => {
  test('events say who did what, when and how verified; the hash changes with each signature', async () => {
    const env = setup()
    const { session, signerId, r, before } = await signPersonal(env)
    const trail = await env.sb.getAuditTrail({ session, flowId: F.PERSONAL })
    expect(trail.algorithm).toBe('SHA-256')
    expect(trail.originalHash).toMatch(/^[0-9a-f]{64}$/)
    expect(before.documentHash).toBe(trail.originalHash) // before signing: the document as issued
    expect(trail.currentHash).toBe(r.documentHash)
    expect(trail.currentHash).not.toBe(trail.originalHash)
    expect(trail.events.map((e) => e.action)).toEqual(['CREATED', 'JOINED', 'VIEWED', 'INTENT_CONFIRMED', 'SIGNED'])
    expect(trail.events[0]).toMatchObject({ actor: '张*', description: '张*发起合同《房屋租赁合同》', documentHash: trail.originalHash })
    expect(trail.events[1]).toMatchObject({ signerId, verification: { identity: 'REAL_NAME+FACE', intent: null } })
    expect(trail.events[4]).toMatchObject({
      action: 'SIGNED',
      at: r.signedAt,
      actor: '张*',
      roleLabel: '出租方',
      description: '张*（出租方）完成签署',
      verification: { identity: 'REAL_NAME+FACE', intent: 'SMS' },
      documentHash: r.documentHash
    })
    for (let i = 1; i < trail.events.length; i++) expect(trail.events[i].at).toBeGreaterThanOrEqual(trail.events[i - 1].at)
    const v = await env.sb.verifyDocument({ session, flowId: F.PERSONAL })
    expect(v).toEqual({
      flowId: F.PERSONAL,
      algorithm: 'SHA-256',
      match: true,
      recordedHash: r.documentHash,
      computedHash: r.documentHash,
      originalHashMatch: true,
      checkedAt: env.clock.t,
      problems: []
    })
    // 李四 (auto-play) signs: another revision, another hash, then COMPLETED
    env.advance(5 * SECOND)
    const done = await env.sb.getAuditTrail({ session, flowId: F.PERSONAL })
    expect(done.events.slice(-2).map((e) => e.action)).toEqual(['SIGNED', 'COMPLETED'])
    expect(done.currentHash).not.toBe(r.documentHash)
    expect(done.events.at(-1)!.documentHash).toBe(done.currentHash)
    expect((await env.sb.verifyDocument({ session, flowId: F.PERSONAL })).match).toBe(true)
  })

  test('the hash is deterministic: the same steps give the same hashes in another sandbox', async () => {
    const a = await signPersonal(setup())
    const b = await signPersonal(setup())
    expect(b.r.documentHash).toBe(a.r.documentHash)
    expect(b.before.documentHash).toBe(a.before.documentHash)
  })

  test('verifyDocument detects a changed value in the stored state', async () => {
    const env = setup()
    const { signerId } = await signPersonal(env)
    const t = tamper(env, (s) => {
      const date = s.flows[F.PERSONAL].values[`${F.PERSONAL}-date1`] as { text: string }
      date.text = '2026年10月01日' // backdated
    })
    const again = await join(t, 'ZHANG_SAN', F.PERSONAL)
    expect(again.signerId).toBe(signerId)
    const v = await t.sb.verifyDocument({ session: again.session, flowId: F.PERSONAL })
    expect(v.match).toBe(false)
    expect(v.originalHashMatch).toBe(true)
    expect(v.problems).toEqual(['张*签署时记录的摘要与当前合同内容不一致，文件可能已被篡改'])
    // 李四 signed (auto-play) after the change: his signature does not launder it
    expect((await t.sb.getSigningStatus({ session: again.session, flowId: F.PERSONAL })).status).toBe('COMPLETED')
  })

  test('verifyDocument detects a changed text and an injected value (no later signature)', async () => {
    const env = setup()
    await env.sb.dev.setAutoPlayOthers(false)
    await signPersonal(env)
    const t = tamper(env, (s) => {
      const values = s.flows[F.PERSONAL].values as Record<string, { kind: string; by: string; at: number; text?: string }>
      values[`${F.PERSONAL}-occupants`] = { kind: 'TEXT', by: `${F.PERSONAL}-2`, at: 1, text: '9' } // 李四 never signed
    })
    const { session } = await join(t, 'ZHANG_SAN', F.PERSONAL)
    const v = await t.sb.verifyDocument({ session, flowId: F.PERSONAL })
    expect(v.match).toBe(false)
    expect(v.computedHash).not.toBe(v.recordedHash)
    expect(v.problems).toEqual(['合同中存在没有签署记录的内容', '合同内容与最近一次签署记录的摘要不一致，文件可能已被篡改'])
  })

  test('verifyDocument detects a swapped signature image', async () => {
    const env = setup()
    await signPersonal(env)
    const t = tamper(env, (s) => {
      for (const img of Object.values(s.images)) img.b64 = makePng(160, 64, 10).split(',')[1]
    })
    const { session } = await join(t, 'ZHANG_SAN', F.PERSONAL)
    const v = await t.sb.verifyDocument({ session, flowId: F.PERSONAL })
    expect(v.match).toBe(false)
    expect(v.computedHash).toBe(v.recordedHash) // the record is intact, the image is not
    expect(v.problems).toEqual(['签署区“签字”的签名影像与记录不一致', '签署区“甲方确认签字”的签名影像与记录不一致'])
  })

  test('expired and cancelled flows: the closing event', async () => {
    const env = setup()
    const { session } = await join(env, 'ZHANG_SAN', F.CANCELLED)
    const c = await env.sb.getAuditTrail({ session, flowId: F.CANCELLED })
    expect(c.events.map((ev) => ev.action)).toEqual(['CREATED', 'CANCELLED', 'JOINED'])
    expect(c.events[1]).toMatchObject({ actor: '系统', description: '发起方已撤销：合同条款需修改' })
    env.advance(MINUTE)
    const e = await join(env, 'ZHANG_SAN', F.EXPIRED)
    const x = await env.sb.getAuditTrail({ session: e.session, flowId: F.EXPIRED })
    expect(x.events.map((ev) => ev.action)).toContain('EXPIRED')
    await expectError(env.sb.getAuditTrail({ session: e.session, flowId: F.STRATEGIC }), 'FORBIDDEN')
  })
})

describe('persistence and privacy', () => {
  test('reading progress, challenges and signatures survive a reload', async () => {
    const env = setup()
    const { session } = await join(env, 'CHEN_CHEN', F.ENTERPRISE_PERSONAL)
    await env.sb.getContract({ session, flowId: F.ENTERPRISE_PERSONAL })
    await env.sb.getContractPages({ session, flowId: F.ENTERPRISE_PERSONAL, from: 0, count: 10 })
    env.advance(10 * SECOND)
    const reloaded = setup({ storage: env.storage })
    reloaded.clock.t = env.clock.t
    const c = await reloaded.sb.getContract({ session, flowId: F.ENTERPRISE_PERSONAL })
    expect(c.reading).toMatchObject({ lastPageSeen: true, remainingMs: 0, satisfied: true })
    const ch = await reloaded.sb.startIntent({ session, flowId: F.ENTERPRISE_PERSONAL, method: 'FACE' })
    const again = setup({ storage: env.storage })
    again.clock.t = env.clock.t
    const g = await again.sb.confirmIntent({
      session,
      flowId: F.ENTERPRISE_PERSONAL,
      challengeId: ch.challengeId,
      capture: { source: 'simulated', frames: 9, action: ch.faceAction!, completed: true }
    })
    expect(g.intentToken).toMatch(/^it_/)
  })

  test('dev.reset wipes the module state too', async () => {
    const env = setup()
    const { session } = await signPersonal(env)
    expect(JSON.parse(env.storage.get(SANDBOX_STORAGE_KEY)!).modules.signing.flows[F.PERSONAL].revision).toBe(1)
    env.sb.dev.reset()
    await expectError(env.sb.getContract({ session, flowId: F.PERSONAL }), 'SESSION_INVALID')
    const fresh = await join(env, 'ZHANG_SAN', F.PERSONAL)
    expect((await env.sb.getContract({ session: fresh.session, flowId: F.PERSONAL })).revision).toBe(0)
  })

  test('no full ID or mobile number, nor the signing password, is persisted or shown', async () => {
    const env = setup()
    const { session } = await signPersonal(env)
    await env.sb.setSigningPassword({ session, password: '358024' })
    const wang = await join(env, 'WANG_FANG', F.ENTERPRISE_PERSONAL)
    await env.sb.dev.playOthers(F.ENTERPRISE_PERSONAL)
    const w = await readAll(env, wang.session, F.ENTERPRISE_PERSONAL)
    const views = JSON.stringify([
      w,
      await env.sb.listMySeals({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL, signerId: wang.signerId }),
      await env.sb.getAuditTrail({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL }),
      await env.sb.getSigningStatus({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL }),
      env.sb.dev.listDemoSeals()
    ])
    const pages = await env.sb.getContractPages({ session: wang.session, flowId: F.ENTERPRISE_PERSONAL, from: 0, count: 8 })
    const pageText = pages.pages.map((p) => Buffer.from(p.src.split(',')[1], 'base64').toString('utf8')).join('')
    const stored = env.storage.get(SANDBOX_STORAGE_KEY)!
    for (const p of Object.values(DEMO_PEOPLE)) {
      for (const text of [stored, views, pageText]) {
        expect(text).not.toContain(p.idNumber)
        expect(text).not.toContain(p.idNumber.slice(0, 17))
        expect(text).not.toContain(p.mobile)
      }
    }
    expect(stored).not.toContain('358024')
    expect(JSON.parse(stored).modules.signing.passwords).not.toEqual({})
  })

  test('stored signature images are deduplicated and kept within a budget', async () => {
    const env = setup()
    await signPersonal(env) // one image used in two fields
    const slice = JSON.parse(env.storage.get(SANDBOX_STORAGE_KEY)!).modules.signing as SigningSlice
    expect(Object.keys(slice.images)).toHaveLength(1)
    const values = Object.values(slice.flows[F.PERSONAL].values).filter((v) => v.kind === 'SIGN_SIGNATURE')
    expect(values).toHaveLength(2)
    expect(new Set(values.map((v) => v.img)).size).toBe(1)
  })
})
