/**
 * Enterprise operations: the super administrator. Their name, resident ID and mobile are checked
 * against the ID registry (as real-name verification checks a person), and they confirm with a
 * code sent to their own mobile (SMS purpose ENTERPRISE_ADMIN; the core's SMS rules apply).
 */
import { canApply } from '@/domain/enterprise/application'
import { validateSmsCode } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { EnterpriseOperations, SmsTicket } from '@/services/types'
import type { SessionRecord } from '../core/state'
import { checkValid, inputObject } from '../core/input'
import { identityOf } from './cloudRegistry'
import { MINUTE, personInput, type PersonRecord, personRecord, stateError, str } from './model'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type AdminOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

/** Refuses an administrator whose name or mobile disagree with what the ID registry holds for the ID. */
export function checkAdminIdentity(p: { name: string; idNumber: string; mobile: string }): void {
  const known = identityOf(p.idNumber)
  if (!known) return // a valid ID the registry does not know: taken as registered under this name
  if (known.name !== p.name) {
    throw new ServiceError('ADMIN_IDENTITY_MISMATCH', '超级管理员的姓名与身份证号不一致，请核对后重试', { field: 'name' })
  }
  if (known.mobile !== p.mobile) {
    throw new ServiceError('ADMIN_IDENTITY_MISMATCH', '手机号不是超级管理员本人实名登记的号码，请核对', { field: 'mobile' })
  }
}

/** The operator as a person record (the quick path: the operator is the administrator). */
export function operatorRecord(session: SessionRecord): PersonRecord {
  return {
    name: session.name,
    maskedName: session.maskedName,
    idHash: session.idHash,
    maskedId: session.maskedId,
    mobileHash: session.mobileHash,
    maskedMobile: session.maskedMobile
  }
}

export function adminOps(c: AdminOpsContext): Pick<EnterpriseOperations, 'sendAdminCode' | 'setAdministrator'> {
  const { k, R, move, requireApp, view } = c
  return {
    sendAdminCode(input) {
      return k.run('sendAdminCode', ({ t, touch }): SmsTicket => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        const self = o.admin === undefined || o.admin === null
        if (!canApply(app.status, self ? 'CLOUD_CONFIRMED' : 'SET_ADMIN') && !(self && canApply(app.status, 'SET_ADMIN'))) throw stateError(app.status)
        const admin = self ? operatorRecord(session) : personRecord(adminInput(o, t))
        const what = app.license ? `${app.license.name}的超级管理员` : '企业认证的超级管理员'
        return k.issueSmsCode(
          admin.mobileHash,
          admin.maskedMobile,
          'ENTERPRISE_ADMIN',
          t,
          touch,
          (code) => `【InkSeal】${app.operator.maskedName}设置您为${what}，验证码为${code}，${R.SMS_CODE_TTL_MS / MINUTE}分钟内有效。`
        )
      })
    },

    setAdministrator(input) {
      return k.run('setAdministrator', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'SET_ADMIN')) throw stateError(app.status)
        const admin = personRecord(adminInput(o, t))
        const code = checkValid('smsCode', validateSmsCode(str(o, 'smsCode')))
        const rec = k.verifySmsCode(admin.mobileHash, 'ENTERPRISE_ADMIN', code, t, touch)
        rec.code = null // one use
        app.admin = admin
        // A pending link asked the legal representative about the previous administrator.
        if (app.legalRep && app.legalRep.outcome === 'PENDING') app.legalRep.token = null
        move(app, 'SET_ADMIN', t, `超级管理员 ${admin.maskedName} 已短信确认`)
        touch()
        return view(app)
      })
    }
  }
}

function adminInput(o: Record<string, unknown>, t: number): { name: string; idNumber: string; mobile: string } {
  const p = personInput(o.admin, t, '')
  checkAdminIdentity(p)
  return p
}
