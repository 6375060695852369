/** Shared helpers for the org (enterprise management) tests: an enterprise onboarded and activated. */
import { DEMO_LICENSES } from '@sandbox/enterprise/enterpriseDemo'
import type { OrgView, SessionInfo } from '@/services/types'
import { adminSet, codeFor, linkParts, mask, verify, type Env, type Person } from './enterpriseHelpers'

export { setup, expectError, verify, T0, SECOND, MINUTE, type Env, type Person } from './enterpriseHelpers'

export const STANDARD = DEMO_LICENSES.STANDARD
/** The super administrator named at onboarding (the operator is 李四) */
export const ADMIN: Person = { name: '赵敏', idNumber: '33010619910817002X', mobile: '18867120002' }
/** Employees the administrator adds: 张三 is in the registry, 钱多多 is not (accepted as registered) */
export const EMPLOYEE: Person = { name: '张三', idNumber: '110105199003070017', mobile: '13810008000' }
export const OTHER: Person = { name: '陈晨', idNumber: '44030519980911002X', mobile: '15013572468' }

/**
 * 北京墨印科技有限公司 onboarded by 李四 with 赵敏 as administrator and activated by its legal
 * representative 周明远's confirmation (the path that exists today). Returns the admin's session.
 */
export async function activated(env: Env): Promise<{ creditCode: string; admin: string; adminInfo: SessionInfo; operator: string }> {
  const f = await adminSet(env, 'STANDARD')
  const rep = STANDARD.legalRep
  const app = await env.svc.requestLegalRepAuthorization({
    session: f.session,
    applicationId: f.app.applicationId,
    creditCode: STANDARD.fields.creditCode,
    legalRep: rep
  })
  const { applicationId, linkToken } = linkParts(app)
  const lr = await verify(env, rep)
  await env.svc.openLegalRepRequest({ session: lr.token, applicationId, linkToken })
  await env.svc.sendLegalRepCode({ session: lr.token, applicationId, linkToken })
  await env.svc.confirmLegalRepAuthorization({ session: lr.token, applicationId, linkToken, smsCode: codeFor(env, mask(rep.mobile)) })
  const seen = await env.svc.getEnterpriseApplication({ session: f.session, applicationId })
  if (seen.status !== 'ACTIVATED') throw new Error(`not activated: ${seen.status}`)
  env.advance(61_000) // past the SMS resend window for whoever verifies next
  const admin = await verify(env, ADMIN)
  return { creditCode: STANDARD.fields.creditCode, admin: admin.token, adminInfo: admin, operator: f.session }
}

export function memberId(org: OrgView, maskedName: string): string {
  const m = org.members.find((x) => x.maskedName === maskedName)
  if (!m) throw new Error(`no member ${maskedName}`)
  return m.memberId
}

export function sealId(org: OrgView, typeLabel: string): string {
  const s = org.seals.find((x) => x.typeLabel === typeLabel)
  if (!s) throw new Error(`no seal ${typeLabel}`)
  return s.sealId
}
