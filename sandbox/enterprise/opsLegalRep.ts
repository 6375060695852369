/**
 * Enterprise operations: what the legal representative does with their link (open, get a code,
 * confirm or refuse).
 */
import type { LicenseFields } from '@/domain/enterprise/license'
import { validateSmsCode } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { EnterpriseOperations } from '@/services/types'
import { checkValid, inputObject } from '../core/input'
import { type LegalRepRecord, MINUTE, type PersonRecord, stateError, str } from './model'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type LegalRepOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

export function legalRepOps(
  c: LegalRepOpsContext
): Pick<
  EnterpriseOperations,
  'resolveLegalRepLink' | 'openLegalRepRequest' | 'sendLegalRepCode' | 'confirmLegalRepAuthorization' | 'refuseLegalRepAuthorization'
> {
  const {
    k,
    R,
    move,
    activate,
    alreadyVerified,
    issueCode,
    confirmingParty,
    requireLegalRepLink,
    requireLegalRepPerson,
    requirePending,
    linkInfo,
    requestView,
    notifyOperator
  } = c
  return {
    resolveLegalRepLink(input) {
      return k.run('resolveLegalRepLink', ({ t }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        return linkInfo(app, lr)
      })
    },

    openLegalRepRequest(input) {
      return k.run('openLegalRepRequest', ({ t }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        const session = k.requireSession(o, t)
        requireLegalRepPerson(app, lr, session)
        return requestView(app, session)
      })
    },

    sendLegalRepCode(input) {
      return k.run('sendLegalRepCode', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, session } = confirmingParty(o, t)
        const lic = app.license as LicenseFields
        return issueCode(
          session.mobileHash,
          session.maskedMobile,
          t,
          touch,
          (code) =>
            `【InkSeal】您正在授权${(app.admin as PersonRecord).maskedName}担任${lic.name}的超级管理员，验证码为${code}，${R.SMS_CODE_TTL_MS / MINUTE}分钟内有效。如非本人操作，请忽略。`
        )
      })
    },

    confirmLegalRepAuthorization(input) {
      return k.run('confirmLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, session, viaLink } = confirmingParty(o, t)
        const code = checkValid('smsCode', validateSmsCode(str(o, 'smsCode')))
        const rec = k.verifySmsCode(session.mobileHash, 'LEGAL_REP', code, t, touch)
        const lic = app.license as LicenseFields
        if (alreadyVerified(lic.creditCode, app.id)) {
          throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证`, { creditCode: lic.creditCode })
        }
        rec.code = null
        if (viaLink) {
          const lr = app.legalRep as LegalRepRecord
          lr.outcome = 'CONFIRMED'
          lr.decidedAt = t
          move(app, 'LEGAL_REP_CONFIRMED', t, `法定代表人 ${lr.maskedName} 已授权，企业认证完成`)
          notifyOperator(app, `【InkSeal】${lic.name}的法定代表人已完成授权，企业认证已通过。`, t)
        } else {
          app.method = 'SELF'
          if (app.legalRep) app.legalRep.token = null
          move(app, 'SELF_CONFIRMED', t, `法定代表人 ${session.maskedName} 本人确认授权，企业认证完成`)
        }
        activate(app, t)
        touch()
        return requestView(app, session)
      })
    },

    refuseLegalRepAuthorization(input) {
      return k.run('refuseLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        const session = k.requireSession(o, t)
        requireLegalRepPerson(app, lr, session)
        requirePending(app, lr)
        if (app.status !== 'LEGAL_REP_PENDING') throw stateError(app.status)
        const reason = Array.from(str(o, 'reason').trim()).slice(0, R.REFUSE_REASON_MAX).join('') || null
        lr.outcome = 'REFUSED'
        lr.decidedAt = t
        lr.refuseReason = reason
        move(app, 'LEGAL_REP_REFUSED', t, `法定代表人 ${lr.maskedName} 拒绝授权${reason ? `：${reason}` : ''}`)
        notifyOperator(app, `【InkSeal】${app.license?.name ?? ''}的法定代表人拒绝了超级管理员授权，请登录 InkSeal 查看。`, t)
        touch()
        return requestView(app, session)
      })
    }
  }
}
