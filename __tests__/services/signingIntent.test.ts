import { DEMO_FLOWS } from '@sandbox'
import { SIGNING_RULES } from '@sandbox/signing'
import { expectError, join, lastCode, MINUTE, OK_FACE, readAll, SECOND, setup, smsIntent } from './signing.helpers'

const F = DEMO_FLOWS

async function ready(who: 'ZHANG_SAN' | 'LIU_YANG' = 'ZHANG_SAN') {
  const env = setup()
  const flowId = who === 'ZHANG_SAN' ? F.PERSONAL : F.STRATEGIC
  const { session, signerId } = await join(env, who, flowId)
  await readAll(env, session, flowId)
  return { env, session, signerId, flowId }
}

describe('SMS intent', () => {
  test('sends a code to the signer’s own phone (masked in the outbox) and returns a single-use token', async () => {
    const { env, session, flowId, signerId } = await ready()
    const ch = await env.sb.startIntent({ session, flowId, method: 'SMS' })
    expect(ch).toMatchObject({ method: 'SMS', faceAction: null, passwordSet: null, remainingTries: 5 })
    expect(ch.sms).toEqual({ sentTo: '138****8000', expiresAt: env.clock.t + 5 * MINUTE, resendAt: env.clock.t + 60 * SECOND })
    expect(ch.expiresAt).toBe(env.clock.t + 5 * MINUTE)
    const msg = env.sb.dev.listSmsOutbox()[0]
    expect(msg.to).toBe('138****8000')
    expect(msg.text).toMatch(/^【InkSeal】您正在签署《房屋租赁合同》，意愿认证验证码为\d{6}，5分钟内有效/)
    const wrong = lastCode(env.sb) === '000000' ? '111111' : '000000'
    const e = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: wrong }), 'SMS_CODE_WRONG')
    expect(e.details.remaining).toBe(4)
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: '12' }), 'INVALID_INPUT')
    const g = await env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: lastCode(env.sb) })
    expect(g).toMatchObject({ method: 'SMS', expiresAt: env.clock.t + 10 * MINUTE })
    expect(g.intentToken).toMatch(/^it_[0-9A-Za-z]{32}$/)
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: lastCode(env.sb) }), 'INTENT_CHALLENGE_INVALID')
    const trail = await env.sb.getAuditTrail({ session, flowId })
    expect(trail.events.find((x) => x.action === 'INTENT_CONFIRMED')).toMatchObject({ signerId, verification: { identity: 'REAL_NAME+FACE', intent: 'SMS' } })
  })

  test('resend limit, expiry, and 5 wrong codes lock the number', async () => {
    const { env, session, flowId } = await ready()
    const ch = await env.sb.startIntent({ session, flowId, method: 'SMS' })
    await expectError(env.sb.startIntent({ session, flowId, method: 'SMS' }), 'SMS_TOO_FREQUENT')
    env.advance(5 * MINUTE)
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, smsCode: lastCode(env.sb) }), 'INTENT_CHALLENGE_INVALID')
    const ch2 = await env.sb.startIntent({ session, flowId, method: 'SMS' })
    const right = lastCode(env.sb)
    const wrong = right === '000000' ? '111111' : '000000'
    for (let i = 1; i <= 4; i++) {
      const e = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, smsCode: wrong }), 'SMS_CODE_WRONG')
      expect(e.details.remaining).toBe(5 - i)
    }
    const locked = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, smsCode: wrong }), 'SMS_LOCKED')
    expect(locked.details.retryAfterMs).toBe(10 * MINUTE)
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, smsCode: right }), 'SMS_LOCKED')
    await expectError(env.sb.startIntent({ session, flowId, method: 'SMS' }), 'SMS_LOCKED')
    env.advance(10 * MINUTE)
    expect(await smsIntent(env, session, flowId)).toMatch(/^it_/)
  })
})

describe('FACE intent', () => {
  test('asks for an action; wrong or unfinished captures count; 3 failures void the challenge', async () => {
    const { env, session, flowId } = await ready()
    const ch = await env.sb.startIntent({ session, flowId, method: 'FACE' })
    expect(['blink', 'nod', 'mouth']).toContain(ch.faceAction)
    expect(ch).toMatchObject({ sms: null, remainingTries: 3 })
    const other = (['blink', 'nod', 'mouth'] as const).find((a) => a !== ch.faceAction)!
    const e1 = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: other } }), 'FACE_FAILED')
    expect(e1.details).toMatchObject({ reason: 'ACTION_MISMATCH', remaining: 2 })
    const e2 = await expectError(
      env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: ch.faceAction!, completed: false } }),
      'FACE_FAILED'
    )
    expect(e2.details).toMatchObject({ reason: 'ACTION_NOT_COMPLETED', remaining: 1 })
    await expectError(
      env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: other } }),
      'INTENT_CHALLENGE_INVALID'
    )
    await expectError(
      env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: ch.faceAction! } }),
      'INTENT_CHALLENGE_INVALID'
    )
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, capture: { nope: 1 } as never }), 'INTENT_CHALLENGE_INVALID')

    const ch2 = await env.sb.startIntent({ session, flowId, method: 'FACE' })
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, capture: { nope: 1 } as never }), 'INVALID_INPUT')
    env.advance(SIGNING_RULES.INTENT_CHALLENGE_TTL_MS)
    await expectError(
      env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, capture: { ...OK_FACE, action: ch2.faceAction! } }),
      'INTENT_CHALLENGE_INVALID'
    )
    const ch3 = await env.sb.startIntent({ session, flowId, method: 'FACE' })
    const g = await env.sb.confirmIntent({ session, flowId, challengeId: ch3.challengeId, capture: { ...OK_FACE, action: ch3.faceAction! } })
    expect(g.method).toBe('FACE')
  })

  test('a challenge belongs to its person and flow', async () => {
    const { env, session, flowId } = await ready()
    const ch = await env.sb.startIntent({ session, flowId, method: 'FACE' })
    const li = await join(env, 'LI_SI', flowId)
    await expectError(
      env.sb.confirmIntent({ session: li.session, flowId, challengeId: ch.challengeId, capture: { ...OK_FACE, action: ch.faceAction! } }),
      'INTENT_CHALLENGE_INVALID'
    )
  })
})

describe('PASSWORD intent', () => {
  test('set on first use (6 digits, not trivial), hashed; 5 wrong lock it for 30 minutes', async () => {
    const { env, session, flowId } = await ready('LIU_YANG')
    const ch = await env.sb.startIntent({ session, flowId, method: 'PASSWORD' })
    expect(ch).toMatchObject({ passwordSet: false, remainingTries: 5 })
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, password: '358024' }), 'SIGNING_PASSWORD_NOT_SET')
    expect((await env.sb.getContract({ session, flowId })).passwordSet).toBe(false)
    for (const weak of ['123456', '111111', '654321', '121212', '112233', '123123'])
      expect((await expectError(env.sb.setSigningPassword({ session, password: weak }), 'SIGNING_PASSWORD_WEAK')).details.reason).toBe('TRIVIAL')
    for (const bad of ['12345', '1234567', 'abcdef', ''])
      expect((await expectError(env.sb.setSigningPassword({ session, password: bad }), 'INVALID_INPUT')).details.field).toBe('password')
    expect(await env.sb.setSigningPassword({ session, password: '358024' })).toEqual({ ok: true })
    expect(env.storage.get('inkseal.sandbox.v1')).not.toContain('358024')
    await expectError(env.sb.setSigningPassword({ session, password: '469135' }), 'SIGNING_PASSWORD_EXISTS')
    expect((await env.sb.getContract({ session, flowId })).passwordSet).toBe(true)

    // the challenge started before the password existed still works
    for (let i = 1; i <= 4; i++) {
      const e = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, password: '000001' }), 'SIGNING_PASSWORD_WRONG')
      expect(e.details.remaining).toBe(5 - i)
    }
    const ch2 = await env.sb.startIntent({ session, flowId, method: 'PASSWORD' })
    expect(ch2).toMatchObject({ passwordSet: true, remainingTries: 1 })
    const lock = await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch.challengeId, password: '000001' }), 'SIGNING_PASSWORD_LOCKED')
    expect(lock.details.retryAfterMs).toBe(30 * MINUTE)
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch2.challengeId, password: '358024' }), 'SIGNING_PASSWORD_LOCKED')
    await expectError(env.sb.startIntent({ session, flowId, method: 'PASSWORD' }), 'SIGNING_PASSWORD_LOCKED')
    await expectError(env.sb.setSigningPassword({ session, password: '469135', currentPassword: '358024' }), 'SIGNING_PASSWORD_LOCKED')
    env.advance(30 * MINUTE)
    const ch3 = await env.sb.startIntent({ session, flowId, method: 'PASSWORD' })
    expect(ch3.remainingTries).toBe(5)
    const g = await env.sb.confirmIntent({ session, flowId, challengeId: ch3.challengeId, password: '358024' })
    expect(g.method).toBe('PASSWORD')

    // changing it needs the current one
    await expectError(env.sb.setSigningPassword({ session, password: '469135', currentPassword: '000001' }), 'SIGNING_PASSWORD_WRONG')
    await env.sb.setSigningPassword({ session, password: '469135', currentPassword: '358024' })
    const ch4 = await env.sb.startIntent({ session, flowId, method: 'PASSWORD' })
    await expectError(env.sb.confirmIntent({ session, flowId, challengeId: ch4.challengeId, password: '358024' }), 'SIGNING_PASSWORD_WRONG')
    await env.sb.confirmIntent({ session, flowId, challengeId: ch4.challengeId, password: '469135' })
  })

  test('the password is the person’s, across flows and sessions; the flow decides which methods are allowed', async () => {
    const { env, session } = await ready('LIU_YANG')
    await env.sb.setSigningPassword({ session, password: '358024' })
    await expectError(env.sb.startIntent({ session, flowId: F.STRATEGIC, method: 'SMS' }), 'INTENT_METHOD_NOT_ALLOWED')
    env.advance(MINUTE)
    const again = await join(env, 'LIU_YANG', F.STRATEGIC) // a new session
    expect((await env.sb.getContract({ session: again.session, flowId: F.STRATEGIC })).passwordSet).toBe(true)
    const zhang = await join(env, 'ZHANG_SAN', F.PERSONAL)
    expect((await env.sb.getContract({ session: zhang.session, flowId: F.PERSONAL })).passwordSet).toBe(false)
  })
})
