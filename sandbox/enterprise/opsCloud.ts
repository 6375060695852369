/**
 * Enterprise operations: 腾讯云企业快速认证. An operator whose Tencent Cloud account holds an
 * enterprise the cloud has verified (cloudRegistry.ts) sees its name, confirms it with their own
 * administrator code, and the enterprise is activated with the operator as super administrator.
 * Refused: no cloud enterprise, a name other than the one shown, an enterprise renamed since its
 * cloud verification, one already verified here.
 */
import { canApply } from '@/domain/enterprise/application'
import { maskName, validateSmsCode } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { CloudEnterpriseInfo, EnterpriseOperations } from '@/services/types'
import { hashId } from '../core/hash'
import { checkValid, inputObject } from '../core/input'
import type { SessionRecord } from '../core/state'
import { CLOUD_ACCOUNT_KEYS, CLOUD_ACCOUNTS, type CloudAccount } from './cloudRegistry'
import { type ApplicationRecord, stateError, str } from './model'
import { operatorRecord } from './opsAdmin'
import type { enterpriseParties, EnterprisePartiesContext } from './parties'

export type CloudOpsContext = EnterprisePartiesContext & ReturnType<typeof enterpriseParties>

/** The cloud account the verified person holds, if any. */
export function cloudAccountOf(idHash: string): CloudAccount | null {
  for (const key of CLOUD_ACCOUNT_KEYS) if (hashId(CLOUD_ACCOUNTS[key].holder.idNumber) === idHash) return CLOUD_ACCOUNTS[key]
  return null
}

export function cloudOps(c: CloudOpsContext): Pick<EnterpriseOperations, 'lookupCloudEnterprise' | 'confirmCloudEnterprise'> {
  const { k, move, requireApp, activate, alreadyVerified, view } = c

  function requireCloud(app: ApplicationRecord, session: SessionRecord): CloudAccount {
    if (!canApply(app.status, 'CLOUD_CONFIRMED')) throw stateError(app.status)
    const acc = cloudAccountOf(session.idHash)
    if (!acc) {
      throw new ServiceError('CLOUD_ENTERPRISE_NOT_FOUND', '您的腾讯云账号下没有已完成认证的企业，请上传营业执照认证')
    }
    return acc
  }

  return {
    lookupCloudEnterprise(input) {
      return k.run('lookupCloudEnterprise', ({ t }): CloudEnterpriseInfo => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const acc = requireCloud(requireApp(o, session), session)
        return {
          enterpriseName: acc.license.name,
          creditCode: acc.license.creditCode,
          orgKind: acc.license.orgKind,
          legalRepMaskedName: maskName(acc.license.legalRepresentative),
          cloudAccount: `${acc.accountId.slice(0, 4)}****${acc.accountId.slice(-4)}`,
          cloudVerifiedOn: acc.cloudVerifiedOn,
          adminMaskedMobile: session.maskedMobile
        }
      })
    },

    confirmCloudEnterprise(input) {
      return k.run('confirmCloudEnterprise', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        const acc = requireCloud(app, session)
        const lic = acc.license
        if (str(o, 'creditCode').trim() !== lic.creditCode || str(o, 'enterpriseName').trim() !== lic.name) {
          throw new ServiceError('CLOUD_NAME_MISMATCH', '与腾讯云账号中的企业不一致，请重新确认', { reason: 'CONFIRMED_NAME' })
        }
        if (acc.registeredName !== lic.name) {
          throw new ServiceError('CLOUD_NAME_MISMATCH', `腾讯云中的企业名称“${lic.name}”与工商登记的名称“${acc.registeredName}”不一致，请上传营业执照认证`, {
            reason: 'REGISTRY_NAME',
            registeredName: acc.registeredName
          })
        }
        if (alreadyVerified(lic.creditCode, app.id)) {
          throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证`, {
            creditCode: lic.creditCode
          })
        }
        const code = checkValid('smsCode', validateSmsCode(str(o, 'smsCode')))
        const rec = k.verifySmsCode(session.mobileHash, 'ENTERPRISE_ADMIN', code, t, touch)
        rec.code = null
        app.license = { ...lic }
        app.admin = operatorRecord(session)
        app.operatorIsLegalRep = false
        app.method = 'CLOUD'
        move(app, 'CLOUD_CONFIRMED', t, `腾讯云快速认证完成，超级管理员 ${session.maskedName}`)
        activate(app, t)
        touch()
        return view(app)
      })
    }
  }
}
