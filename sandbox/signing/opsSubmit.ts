/**
 * Signing operations: confirming intent, the signing password, submitting (exactly once).
 */
import { formatSignDate } from '@/domain/contract/dateFormat'
import { validateSubmission, type FieldRules, type RawFieldValue } from '@/domain/contract/fields'
import { validateSigningPassword } from '@/domain/contract/password'
import { randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import type { IntentGrant, SigningOperations, SubmitResult } from '@/services/types'
import { SEAL_TYPE_LABELS } from '@/services/types.signing'
import { inputObject, invalid, requireString } from '../core/input'
import { IDEMPOTENCY_KEY, SIGNING_RULES, type StoredValue, contractOf, sha256Hex } from './model'
import type { SigningRunnerContext, signingRunner } from './runner'

export type SubmitOpsContext = SigningRunnerContext & ReturnType<typeof signingRunner>

export function submitOps(c: SubmitOpsContext): Pick<SigningOperations, 'confirmIntent' | 'setSigningPassword' | 'submitSigning'> {
  const {
    k,
    mark,
    slice,
    nextSeq,
    faceFailHashes,
    access,
    assertCanAct,
    flowRec,
    sealsFor,
    sealOf,
    storeImage,
    commitSigned,
    applyDue,
    scheduleOthers,
    assertRead,
    hashPassword,
    checkPassword,
    requireCapture,
    run
  } = c
  return {
    confirmIntent(input) {
      return run('confirmIntent', ({ t, touch }): IntentGrant => {
        const o = inputObject(input)
        const challengeId = requireString(o, 'challengeId', '缺少意愿认证编号')
        const { session, flow } = access(o, t)
        const s = slice()
        const ch = s.challenges[challengeId]
        if (!ch || ch.idHash !== session.idHash || ch.flowId !== flow.flowId || ch.usedAt !== null || t >= ch.expiresAt) {
          throw new ServiceError('INTENT_CHALLENGE_INVALID', '意愿认证已失效，请重新发起', { challengeId })
        }
        const signer = flow.signers.find((x) => x.signerId === ch.signerId && x.joinedBy === session.idHash)
        if (!signer) throw new ServiceError('FORBIDDEN', '您不能代替其他签署人操作')
        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        assertCanAct(flow, signer, t)

        if (ch.method === 'SMS') {
          const code = typeof o.smsCode === 'string' ? o.smsCode.trim() : ''
          if (!/^\d{6}$/.test(code)) throw invalid('smsCode', '请输入6位短信验证码')
          const smsRec = k.verifySmsCode(session.mobileHash, 'INTENT', code, t, touch)
          smsRec.code = null
        } else if (ch.method === 'FACE') {
          const capture = requireCapture(o)
          const problem = !capture.completed
            ? { reason: 'ACTION_NOT_COMPLETED', message: '未完成指定动作，请重试' }
            : capture.action !== ch.faceAction
              ? { reason: 'ACTION_MISMATCH', message: '动作与要求不一致，请按提示完成动作' }
              : faceFailHashes.has(session.idHash)
                ? { reason: 'FACE_MISMATCH', message: '人脸与实名认证信息比对不一致' }
                : null
          if (problem) {
            ch.failures += 1
            mark()
            if (ch.failures >= SIGNING_RULES.FACE_MAX_FAILURES) {
              ch.usedAt = t
              throw new ServiceError('INTENT_CHALLENGE_INVALID', '人脸核验失败次数过多，请重新发起意愿认证', { reason: 'FACE_FAILURES' })
            }
            throw new ServiceError('FACE_FAILED', problem.message, { reason: problem.reason, remaining: SIGNING_RULES.FACE_MAX_FAILURES - ch.failures })
          }
        } else {
          const pw = s.passwords[session.idHash]
          if (!pw) throw new ServiceError('SIGNING_PASSWORD_NOT_SET', '您尚未设置签署密码，请先设置')
          const password = typeof o.password === 'string' ? o.password : ''
          if (!/^\d{6}$/.test(password)) throw invalid('password', '请输入6位数字签署密码')
          checkPassword(pw, password, t)
        }

        ch.usedAt = t
        let token: string
        do token = `it_${randomString(k.rng(), 32)}`
        while (s.tokens[token])
        const expiresAt = t + SIGNING_RULES.INTENT_TOKEN_TTL_MS
        s.tokens[token] = { idHash: session.idHash, flowId: flow.flowId, signerId: signer.signerId, method: ch.method, expiresAt, usedAt: null }
        rec.events.push({ seq: nextSeq(), at: t, action: 'INTENT_CONFIRMED', signerId: signer.signerId, intent: ch.method })
        mark()
        return { intentToken: token, method: ch.method, expiresAt }
      })
    },

    setSigningPassword(input) {
      return run('setSigningPassword', ({ t }): { ok: true } => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const password = typeof o.password === 'string' ? o.password : ''
        const v = validateSigningPassword(password)
        if (!v.ok) {
          if (v.code === 'FORMAT') throw new ServiceError('INVALID_INPUT', v.message, { field: 'password', reason: v.code })
          throw new ServiceError('SIGNING_PASSWORD_WEAK', v.message, { reason: v.code })
        }
        const s = slice()
        const existing = s.passwords[session.idHash]
        if (existing) {
          const current = typeof o.currentPassword === 'string' ? o.currentPassword : ''
          if (!current) throw new ServiceError('SIGNING_PASSWORD_EXISTS', '您已设置签署密码；如需修改，请输入原签署密码')
          checkPassword(existing, current, t)
        }
        const salt = randomString(k.rng(), 16)
        s.passwords[session.idHash] = { salt, hash: hashPassword(password, salt), setAt: t, wrong: 0, lockedUntil: null }
        mark()
        return { ok: true }
      })
    },

    submitSigning(input) {
      return run('submitSigning', ({ t }): SubmitResult => {
        const o = inputObject(input)
        if (o.signerId === undefined) throw invalid('signerId', '缺少签署人编号')
        const key = typeof o.idempotencyKey === 'string' ? o.idempotencyKey : ''
        if (!IDEMPOTENCY_KEY.test(key)) throw invalid('idempotencyKey', '请求编号格式不正确')
        if (!Array.isArray(o.values) || o.values.length > SIGNING_RULES.MAX_VALUES) throw invalid('values', '签署内容格式不正确')
        const rawValues = o.values as RawFieldValue[]
        const { session, flow, signer } = access(o, t, 'signerId')
        const s = slice()

        // Idempotency: the same key answers with the same result, whatever happened since.
        const fingerprint = sha256Hex(
          JSON.stringify({
            flowId: flow.flowId,
            signerId: signer.signerId,
            values: [...rawValues].sort((a, b) => (String(a?.fieldId) < String(b?.fieldId) ? -1 : 1))
          })
        )
        const prior = s.idempotency[key]
        if (prior) {
          if (prior.idHash === session.idHash && prior.flowId === flow.flowId && prior.signerId === signer.signerId && prior.fingerprint === fingerprint) {
            return prior.result
          }
          throw new ServiceError('IDEMPOTENCY_KEY_REUSED', '请求编号已被使用，请刷新后重试', { idempotencyKey: key })
        }

        const rec = flowRec(flow)
        applyDue(flow, rec, t)
        const c = contractOf(flow)
        assertCanAct(flow, signer, t)
        assertRead(c, rec, signer, t)

        const myFields = c.fields.filter((f) => f.signerId === signer.signerId)
        const checked = validateSubmission(myFields as FieldRules[], rawValues, {
          allowSystemSignature: c.options.allowSystemSignature,
          signatureApply: c.options.signatureApply,
          sealTypeOf: (id) => sealOf(id)?.sealType ?? null
        })
        if (checked.problems.length) {
          const p = checked.problems[0]
          throw new ServiceError(p.code, p.message, {
            fieldId: p.fieldId,
            reason: p.reason,
            problems: checked.problems.map((x) => ({ fieldId: x.fieldId, code: x.code, reason: x.reason }))
          })
        }
        const mySeals = sealsFor(signer, session.idHash)
        for (const v of checked.values) {
          if (!v.sealId) continue
          if (!mySeals.some((x) => x.sealId === v.sealId)) {
            const seal = sealOf(v.sealId)
            const what = seal ? `${seal.enterpriseName}的${SEAL_TYPE_LABELS[seal.sealType]}` : '该印章'
            throw new ServiceError(
              'SEAL_NOT_AUTHORIZED',
              seal && !seal.enabled ? `${what}已被企业管理员停用，无法使用，请联系企业管理员` : `您未获授权使用${what}，请联系企业管理员授权`,
              { fieldId: v.fieldId, sealId: v.sealId, ...(seal && !seal.enabled ? { reason: 'SEAL_DISABLED' } : {}) }
            )
          }
        }

        const intentToken = typeof o.intentToken === 'string' ? o.intentToken : ''
        const tok = intentToken ? s.tokens[intentToken] : undefined
        if (!tok || tok.usedAt !== null || tok.idHash !== session.idHash || tok.flowId !== flow.flowId || tok.signerId !== signer.signerId) {
          throw new ServiceError('INTENT_TOKEN_INVALID', '意愿认证无效或已使用，请重新进行意愿认证')
        }
        if (t >= tok.expiresAt) {
          throw new ServiceError('INTENT_TOKEN_EXPIRED', '意愿认证已过期（有效期10分钟），请重新进行意愿认证', { expiredAt: tok.expiresAt })
        }

        // Commit.
        tok.usedAt = t
        const byId = new Map(myFields.map((f) => [f.fieldId, f]))
        for (const v of checked.values) {
          const f = byId.get(v.fieldId)!
          const stored: StoredValue = { kind: f.type, by: signer.signerId, at: t }
          if (v.pngBase64) stored.img = storeImage(v.pngBase64, t)
          if (v.sealId) stored.sealId = v.sealId
          if (f.type === 'SIGN_DATE') stored.text = formatSignDate(t, f.dateFormat ?? 'YYYY年MM月DD日')
          if (v.text !== undefined) stored.text = v.text
          if (v.checked !== undefined) stored.checked = v.checked
          rec.values[f.fieldId] = stored
        }
        commitSigned(flow, rec, signer, t, tok.method, false)
        scheduleOthers(flow, rec, t)
        const sum = k.summary(flow, t)
        const result: SubmitResult = {
          flowId: flow.flowId,
          signerId: signer.signerId,
          idempotencyKey: key,
          signedAt: t,
          signerStatus: 'SIGNED',
          flowStatus: sum.status,
          intentMethod: tok.method,
          revision: rec.revision,
          documentHash: rec.currentHash,
          signers: sum.signers
        }
        s.idempotency[key] = { flowId: flow.flowId, signerId: signer.signerId, idHash: session.idHash, fingerprint, at: t, result }
        mark()
        return result
      })
    }
  }
}
