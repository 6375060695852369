/**
 * Sandbox core context: the checks its operations and feature modules share (sessions, links,
 * SMS codes and their limits), the SMS outbox, flow overviews and the link base.
 */
import { randomDigits, randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import type { FlowOverview, SmsPurpose, SmsTicket } from '@/services/types'
import { requireString } from './input'
import { MINUTE, RULES, SECOND, splitLinkBase, summary } from './model'
import type { coreRuntime, CoreRuntimeContext } from './runtime'
import type { FlowRecord, LinkRecord, SessionRecord, SignerRecord, SmsRecord } from './state'

export type CoreChecksContext = CoreRuntimeContext & ReturnType<typeof coreRuntime>

export function coreChecks(c: CoreChecksContext) {
  const { linkBase, db } = c
  // ---- shared checks

  function requireSession(o: Record<string, unknown>, t: number): SessionRecord {
    const token = requireString(o, 'session', '缺少登录凭证，请先验证身份')
    const s = db.state.sessions[token]
    if (!s || s.revokedAt !== null) {
      throw new ServiceError('SESSION_INVALID', '登录状态无效，请重新验证身份')
    }
    if (t >= s.expiresAt) {
      throw new ServiceError('SESSION_EXPIRED', '登录已过期，请重新验证身份', { expiredAt: s.expiresAt })
    }
    return s
  }

  function requireLink(flowId: string, token: string, t: number): { link: LinkRecord; flow: FlowRecord } {
    const link = db.state.links[token]
    if (!link || link.flowId !== flowId) {
      throw new ServiceError('LINK_INVALID', '签署码无效，请确认扫描的是发起方分享的最新签署码')
    }
    if (t >= link.expiresAt) {
      throw new ServiceError('LINK_EXPIRED', '该签署码已过期，请联系发起方重新获取', {
        expiredAt: link.expiresAt,
        flowId
      })
    }
    const flow = db.state.flows[flowId]
    if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
    return { link, flow }
  }

  function smsKey(mobileHash: string, purpose: SmsPurpose): string {
    return `${mobileHash}:${purpose}`
  }

  function lockedError(until: number, t: number): ServiceError {
    const minutes = Math.max(1, Math.ceil((until - t) / MINUTE))
    return new ServiceError('SMS_LOCKED', `验证码错误次数过多，该手机号已被锁定，请${minutes}分钟后再试`, {
      until,
      retryAfterMs: until - t
    })
  }

  function currentLock(rec: SmsRecord | undefined, t: number, touch: () => void): number | null {
    if (!rec || rec.lockedUntil === null) return null
    if (t < rec.lockedUntil) return rec.lockedUntil
    rec.lockedUntil = null // lock is over
    touch()
    return null
  }

  /**
   * Checks an SMS code for a mobile and purpose: lock, missing, expired, wrong (5 wrong codes
   * lock the number for 10 min). Returns the record when right; the caller consumes it
   * (`rec.code = null`) once the rest of its checks pass.
   */
  function verifySmsCode(mobileHash: string, purpose: SmsPurpose, code: string, t: number, touch: () => void): SmsRecord {
    const rec = db.state.sms[smsKey(mobileHash, purpose)]
    const lock = currentLock(rec, t, touch)
    if (lock !== null) throw lockedError(lock, t)
    if (!rec || rec.code === null) throw new ServiceError('SMS_CODE_MISSING', '请先获取短信验证码')
    if (t >= rec.expiresAt) {
      throw new ServiceError('SMS_CODE_EXPIRED', '验证码已过期，请重新获取', { expiredAt: rec.expiresAt })
    }
    if (code !== rec.code) {
      rec.wrongCount += 1
      touch()
      if (rec.wrongCount >= RULES.SMS_MAX_WRONG) {
        rec.lockedUntil = t + RULES.SMS_LOCK_MS
        rec.wrongCount = 0
        rec.code = null // a code under attack is void
        throw lockedError(rec.lockedUntil, t)
      }
      const remaining = RULES.SMS_MAX_WRONG - rec.wrongCount
      throw new ServiceError('SMS_CODE_WRONG', `验证码错误，还可尝试${remaining}次`, { remaining })
    }
    // The code is right: wrong-code count starts over.
    if (rec.wrongCount !== 0) {
      rec.wrongCount = 0
      touch()
    }
    return rec
  }

  /**
   * Issues a 6-digit code for a mobile (known by hash) and purpose, under the SMS rules: lock,
   * rolling daily limit, resend window; the wrong-code count survives a resend. `text` writes
   * the message around the code (default: the plain verification text). Every purpose and
   * module sends codes through here.
   */
  function issueSmsCode(
    mobileHash: string,
    maskedMobile: string,
    purpose: SmsPurpose,
    t: number,
    touch: () => void,
    text: (code: string) => string = (code) => `【InkSeal】您的验证码为${code}，${RULES.SMS_CODE_TTL_MS / MINUTE}分钟内有效。如非本人操作，请忽略。`
  ): SmsTicket {
    const key = smsKey(mobileHash, purpose)
    const rec = db.state.sms[key]
    const lock = currentLock(rec, t, touch)
    if (lock !== null) throw lockedError(lock, t)
    const log = (db.state.smsLog[mobileHash] ?? []).filter((x) => x > t - RULES.SMS_WINDOW_MS)
    if (log.length >= RULES.SMS_DAILY_LIMIT) {
      throw new ServiceError('SMS_TOO_FREQUENT', '今日验证码发送次数已达上限，请明天再试', {
        limit: RULES.SMS_DAILY_LIMIT,
        retryAfterMs: log[0] + RULES.SMS_WINDOW_MS - t
      })
    }
    if (rec && t < rec.sentAt + RULES.SMS_RESEND_MS) {
      const retryAfterMs = rec.sentAt + RULES.SMS_RESEND_MS - t
      throw new ServiceError('SMS_TOO_FREQUENT', `验证码发送过于频繁，请${Math.ceil(retryAfterMs / SECOND)}秒后再试`, { retryAfterMs })
    }
    const code = randomDigits(db.rng, 6)
    const expiresAt = t + RULES.SMS_CODE_TTL_MS
    db.state.sms[key] = { purpose, code, sentAt: t, expiresAt, wrongCount: rec ? rec.wrongCount : 0, lockedUntil: null }
    log.push(t)
    db.state.smsLog[mobileHash] = log
    deliverSms(maskedMobile, text(code), t)
    touch()
    return { sentTo: maskedMobile, expiresAt, resendAt: t + RULES.SMS_RESEND_MS }
  }

  /** Puts a message in the SMS outbox (the phone we do not have). `to` is already masked. */
  function deliverSms(to: string, text: string, t: number): string {
    const id = `sms_${randomString(db.rng, 10)}`
    db.state.outbox.push({ id, to, text, sentAt: t })
    return id
  }

  function overview(f: FlowRecord, signer: SignerRecord, t: number): FlowOverview {
    return { ...summary(f, t), mySignerId: signer.signerId }
  }

  // ---- operations

  const { scheme, host } = splitLinkBase(linkBase)

  return { requireSession, requireLink, smsKey, lockedError, currentLock, verifySmsCode, issueSmsCode, deliverSms, overview, scheme, host }
}
