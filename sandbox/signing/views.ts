/**
 * Signing module context: housekeeping (prune), the contract view, intent checks and the audit trail.
 */
import { maskName } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { AuditEvent, ContractView, DemoSealView, SmsTicket } from '@/services/types'
import { INTENT_METHOD_LABEL, SEAL_TYPE_LABELS } from '@/services/types.signing'
import { pbkdf2 } from '@noble/hashes/pbkdf2'
import { sha256 } from '@noble/hashes/sha256'
import { DEMO_PEOPLE, DEMO_PERSON_KEYS } from '../core/demoData'
import { hashId, utf8Bytes } from '../core/hash'
import { requireCapture } from '../core/model'
import type { FlowRecord, SessionRecord, SignerRecord } from '../core/state'
import { type FlowSign, MINUTE, type PasswordRecord, SIGNING_RULES, contractOf, hex } from './model'
import { sealEnterpriseName, type DemoSeal } from './signingDemo'
import type { SigningValuesContext, signingValues } from './values'

export type SigningViewsContext = SigningValuesContext & ReturnType<typeof signingValues>

export function signingViews(c: SigningViewsContext) {
  const { k, mark, slice, statusOf, block, grantsOf, filledInfo, readingOf } = c
  // ---- housekeeping

  function prune(t: number): void {
    const s = slice()
    for (const [id, c] of Object.entries(s.challenges)) if (c.expiresAt + SIGNING_RULES.FORGET_AFTER_MS < t) delete s.challenges[id]
    for (const [id, x] of Object.entries(s.tokens)) if (x.expiresAt + SIGNING_RULES.FORGET_AFTER_MS < t) delete s.tokens[id]
    const keys = Object.keys(s.idempotency)
    if (keys.length > SIGNING_RULES.IDEMPOTENCY_KEEP) {
      keys
        .sort((a, b) => s.idempotency[a].at - s.idempotency[b].at)
        .slice(0, keys.length - SIGNING_RULES.IDEMPOTENCY_KEEP)
        .forEach((key) => delete s.idempotency[key])
    }
  }

  // ---- views

  function contractView(flow: FlowRecord, rec: FlowSign, signer: SignerRecord, session: SessionRecord, t: number): ContractView {
    const c = contractOf(flow)
    const sum = k.summary(flow, t)
    const b = block(flow, signer, t)
    const me = sum.signers.find((s) => s.signerId === signer.signerId)!
    return {
      flowId: flow.flowId,
      title: flow.title,
      contractNo: c.spec.contractNo,
      status: sum.status,
      pageCount: flow.pageCount,
      pages: c.pages.map((p) => ({ index: p.index, width: p.width, height: p.height })),
      fields: c.fields.map((f) => ({ ...f, filled: rec.values[f.fieldId] ? filledInfo(rec.values[f.fieldId]) : null })),
      options: c.options,
      signers: sum.signers,
      mySignerId: signer.signerId,
      myName: session.name,
      myStatus: me.status,
      canSign: b === null,
      blockedReason: b?.reason ?? null,
      blockedMessage: b?.message ?? null,
      reading: readingOf(c, rec, signer, t),
      passwordSet: !!slice().passwords[session.idHash],
      revision: rec.revision,
      documentHash: rec.currentHash
    }
  }

  // ---- intent

  /** Sends an INTENT code to the session's own phone (the core's SMS rules apply). */
  function sendIntentSms(session: SessionRecord, title: string, t: number): SmsTicket {
    return k.issueSmsCode(
      session.mobileHash,
      session.maskedMobile,
      'INTENT',
      t,
      mark,
      (code) => `【InkSeal】您正在签署《${title}》，意愿认证验证码为${code}，${SIGNING_RULES.SMS_CODE_TTL_MS / MINUTE}分钟内有效，请勿泄露给他人。`
    )
  }

  function hashPassword(password: string, salt: string): string {
    return hex(pbkdf2(sha256, utf8Bytes(password), utf8Bytes(salt), { c: SIGNING_RULES.PASSWORD_PBKDF2_ITERATIONS, dkLen: 32 }))
  }

  function passwordLockedError(until: number, t: number): ServiceError {
    const minutes = Math.max(1, Math.ceil((until - t) / MINUTE))
    return new ServiceError('SIGNING_PASSWORD_LOCKED', `签署密码错误次数过多，已锁定，请${minutes}分钟后再试`, { until, retryAfterMs: until - t })
  }

  /** Checks a password against the record: lock, wrong (5 wrong → locked 30 min), right. */
  function checkPassword(pw: PasswordRecord, password: string, t: number): void {
    if (pw.lockedUntil !== null) {
      if (t < pw.lockedUntil) throw passwordLockedError(pw.lockedUntil, t)
      pw.lockedUntil = null
      pw.wrong = 0
      mark()
    }
    if (hashPassword(password, pw.salt) === pw.hash) {
      if (pw.wrong) {
        pw.wrong = 0
        mark()
      }
      return
    }
    pw.wrong += 1
    mark()
    if (pw.wrong >= SIGNING_RULES.PASSWORD_MAX_WRONG) {
      pw.wrong = 0
      pw.lockedUntil = t + SIGNING_RULES.PASSWORD_LOCK_MS
      throw passwordLockedError(pw.lockedUntil, t)
    }
    const remaining = SIGNING_RULES.PASSWORD_MAX_WRONG - pw.wrong
    throw new ServiceError('SIGNING_PASSWORD_WRONG', `签署密码错误，还可尝试${remaining}次`, { remaining })
  }

  // ---- audit

  function auditEvents(flow: FlowRecord, rec: FlowSign, t: number): AuditEvent[] {
    const who = (signerId: string) => flow.signers.find((s) => s.signerId === signerId)
    const label = (s: SignerRecord) => `${maskName(s.name)}（${s.enterpriseName ? `${s.enterpriseName}·` : ''}${s.roleLabel}）`
    const out: (AuditEvent & { seq: number })[] = []
    const initiator = flow.initiator.partyType === 'PERSON' ? maskName(flow.initiator.name) : flow.initiator.name
    const base = (seq: number, at: number, action: AuditEvent['action'], s: SignerRecord | null, description: string): AuditEvent & { seq: number } => ({
      seq,
      eventId: `${flow.flowId}-${action}-${seq}`,
      at,
      action,
      actor: s ? maskName(s.name) : action === 'CREATED' ? initiator : '系统',
      signerId: s?.signerId ?? null,
      enterpriseName: s?.enterpriseName ?? null,
      roleLabel: s?.roleLabel ?? null,
      description,
      verification: null,
      documentHash: null
    })
    out.push({ ...base(-3, flow.createdAt, 'CREATED', null, `${initiator}发起合同《${flow.title}》`), documentHash: rec.originalHash })
    flow.signers.forEach((s, i) => {
      if (s.joinedAt === null) return
      out.push({
        ...base(-2 + i / 1000, s.joinedAt, 'JOINED', s, `${label(s)}通过实名认证与人脸核验，加入签署`),
        verification: { identity: 'REAL_NAME+FACE', intent: null }
      })
    })
    for (const e of rec.events) {
      const s = who(e.signerId)
      if (!s) continue
      const intentLabel = e.intent ? INTENT_METHOD_LABEL[e.intent] : ''
      switch (e.action) {
        case 'VIEWED':
          out.push(base(e.seq, e.at, 'VIEWED', s, `${label(s)}查看合同`))
          break
        case 'INTENT_CONFIRMED':
          out.push({
            ...base(e.seq, e.at, 'INTENT_CONFIRMED', s, `${label(s)}通过${intentLabel}完成意愿认证`),
            verification: { identity: 'REAL_NAME+FACE', intent: e.intent ?? null }
          })
          break
        case 'SIGNED':
          out.push({
            ...base(e.seq, e.at, 'SIGNED', s, `${label(s)}完成签署${e.simulated ? '（沙箱模拟）' : ''}`),
            verification: { identity: 'REAL_NAME+FACE', intent: e.intent ?? null },
            documentHash: e.hash ?? null
          })
          break
        case 'DECLINED':
          out.push(base(e.seq, e.at, 'DECLINED', s, `${label(s)}拒签，原因：${flow.closedReason ?? ''}`))
          break
      }
    }
    const status = statusOf(flow, t)
    const last = 1e12
    if (status === 'CANCELLED' && flow.cancelledAt !== null) {
      out.push(base(last, flow.cancelledAt, 'CANCELLED', null, flow.closedReason ?? '发起方已撤销合同'))
    } else if (status === 'EXPIRED') {
      out.push(base(last, flow.deadline, 'EXPIRED', null, '合同已过签署截止时间，未签署的签署方不能再签署'))
    } else if (status === 'COMPLETED') {
      const at = Math.max(...flow.signers.map((s) => s.signedAt ?? 0))
      out.push({ ...base(last, at, 'COMPLETED', null, '全部签署方已完成签署，合同生效'), documentHash: rec.currentHash })
    }
    return out.sort((a, b) => a.at - b.at || a.seq - b.seq).map(({ seq: _seq, ...e }) => e)
  }

  // ---- dev tools (persisted through k.run under a read-only operation name)

  function demoSealView(seal: DemoSeal): DemoSealView {
    const grants = grantsOf(seal.sealId)
    const names = DEMO_PERSON_KEYS.filter((p) => seal.authorised.includes(p) || grants.includes(hashId(DEMO_PEOPLE[p].idNumber))).map((p) =>
      maskName(DEMO_PEOPLE[p].name)
    )
    return {
      sealId: seal.sealId,
      enterpriseName: sealEnterpriseName(seal),
      sealType: seal.sealType,
      typeLabel: SEAL_TYPE_LABELS[seal.sealType],
      authorised: names
    }
  }

  return { prune, contractView, sendIntentSms, hashPassword, passwordLockedError, checkPassword, requireCapture, auditEvents, demoSealView }
}
