/**
 * Core operations: resolving a link, SMS codes, real-name and face verification, signing out.
 */
import { maskMobile, maskName, maskResidentId, validateMobile, validatePersonName, validateResidentId, validateSmsCode } from '@/domain/identity'
import { randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import type { CoreOperations, EntryResolution, RealNameResult, SessionInfo, SmsPurpose, SmsTicket } from '@/services/types'
import type { coreChecks, CoreChecksContext } from './checks'
import { registryEntry } from './demoData'
import { hashId, hashMobile } from './hash'
import { checkValid, inputObject, invalid, requireString } from './input'
import { intendedFor, PURPOSES, requireCapture, requireFlowId, requireLinkToken, RULES, summary } from './model'
import type { SessionRecord } from './state'

export type EntryOpsContext = CoreChecksContext & ReturnType<typeof coreChecks>

export function entryOps(c: EntryOpsContext): Pick<CoreOperations, 'resolveEntry' | 'sendSmsCode' | 'verifyRealName' | 'completeFace' | 'signOut'> {
  const { db, run, requireLink, verifySmsCode, issueSmsCode } = c
  return {
    resolveEntry(input) {
      return run('resolveEntry', ({ t }): EntryResolution => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const token = requireLinkToken(o)
        const { link, flow } = requireLink(flowId, token, t)
        return { flow: summary(flow, t), intendedFor: intendedFor(flow), linkExpiresAt: link.expiresAt }
      })
    },

    sendSmsCode(input) {
      return run('sendSmsCode', ({ t, touch }): SmsTicket => {
        const o = inputObject(input)
        const mobile = checkValid('mobile', validateMobile(typeof o.mobile === 'string' ? o.mobile : ''))
        const purpose = o.purpose as SmsPurpose
        if (!PURPOSES.includes(purpose)) throw invalid('purpose', '验证码用途不正确')
        return issueSmsCode(hashMobile(mobile), maskMobile(mobile), purpose, t, touch)
      })
    },

    verifyRealName(input) {
      return run('verifyRealName', ({ t, touch }): RealNameResult => {
        const o = inputObject(input)
        const str = (f: string) => (typeof o[f] === 'string' ? (o[f] as string) : '')
        const name = checkValid('name', validatePersonName(str('name')))
        const id = checkValid('idNumber', validateResidentId(str('idNumber'), t)).id
        const mobile = checkValid('mobile', validateMobile(str('mobile')))
        const code = checkValid('smsCode', validateSmsCode(str('smsCode')))

        const mobileHash = hashMobile(mobile)
        const rec = verifySmsCode(mobileHash, 'REAL_NAME', code, t, touch)

        // Registry check. Unknown (but valid) IDs are treated as registered under the given name.
        const entry = registryEntry(id)
        if (entry && entry.name !== name) {
          throw new ServiceError('REGISTRY_MISMATCH', '姓名与身份证号不一致，请核对后重试', { field: 'name' })
        }

        rec.code = null // one use
        const verificationId = `v_${randomString(db.rng, 20)}`
        db.state.verifications[verificationId] = {
          id: verificationId,
          idHash: hashId(id),
          mobileHash,
          name,
          maskedName: maskName(name),
          maskedId: maskResidentId(id),
          maskedMobile: maskMobile(mobile),
          faceFails: entry ? entry.faceFails : false,
          faceFailures: 0,
          createdAt: t,
          expiresAt: t + RULES.VERIFICATION_TTL_MS
        }
        touch()
        return { verificationId, faceRequired: true, maskedName: maskName(name) }
      })
    },

    completeFace(input) {
      return run('completeFace', ({ t, touch }): SessionInfo => {
        const o = inputObject(input)
        const verificationId = requireString(o, 'verificationId', '缺少身份核验编号')
        const capture = requireCapture(o)
        const v = db.state.verifications[verificationId]
        if (!v || t >= v.expiresAt) {
          throw new ServiceError('VERIFICATION_EXPIRED', '身份核验已失效，请重新验证身份')
        }
        const fail = (message: string, reason: string): ServiceError => {
          v.faceFailures += 1
          touch()
          if (v.faceFailures >= RULES.FACE_MAX_FAILURES) {
            delete db.state.verifications[verificationId]
            return new ServiceError('VERIFICATION_EXPIRED', '人脸核验失败次数过多，请重新验证身份', {
              reason: 'FACE_FAILURES',
              failures: v.faceFailures
            })
          }
          return new ServiceError('FACE_FAILED', message, {
            reason,
            remaining: RULES.FACE_MAX_FAILURES - v.faceFailures
          })
        }
        if (!capture.completed) throw fail('未完成指定动作，请重试', 'ACTION_NOT_COMPLETED')
        if (v.faceFails) throw fail('人脸与身份证照片比对不一致', 'FACE_MISMATCH')

        delete db.state.verifications[verificationId]
        let token: string
        do token = randomString(db.rng, 32)
        while (db.state.sessions[token])
        const session: SessionRecord = {
          token,
          idHash: v.idHash,
          mobileHash: v.mobileHash,
          name: v.name,
          maskedName: v.maskedName,
          maskedId: v.maskedId,
          maskedMobile: v.maskedMobile,
          createdAt: t,
          expiresAt: t + RULES.SESSION_TTL_MS,
          revokedAt: null
        }
        db.state.sessions[token] = session
        touch()
        return {
          token,
          expiresAt: session.expiresAt,
          maskedName: session.maskedName,
          maskedId: session.maskedId,
          maskedMobile: session.maskedMobile
        }
      })
    },

    signOut(input) {
      return run('signOut', ({ t, touch }): { ok: true } => {
        const o = inputObject(input)
        const token = requireString(o, 'session', '缺少登录凭证')
        const s = db.state.sessions[token]
        // Signing out is idempotent: an unknown or expired session is already signed out.
        if (s && s.revokedAt === null) {
          s.revokedAt = t
          touch()
        }
        return { ok: true }
      })
    }
  }
}
