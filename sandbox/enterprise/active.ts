/**
 * The enterprises activated in the sandbox, for other modules (seals, employees, an enterprise
 * sealing a contract): a stable read-only shape over the enterprise slice, whatever path the
 * enterprise took (legal representative, self, letter reviewed, 腾讯云快速认证).
 * Light on purpose: types and the state only, no onboarding code.
 */
import type { AuthorizationMethod } from '@/domain/enterprise/application'
import type { OrganisationKind } from '@/domain/creditCode'
import type { SandboxState } from '../core/state'
import type { EnterpriseSlice } from './model'

export interface ActiveEnterprise {
  creditCode: string
  name: string
  orgKind: OrganisationKind
  legalRepresentative: string
  applicationId: string
  activatedAt: number
  method: AuthorizationMethod | null
  /** The super administrator: full name, ID and mobile as hashes (sandbox/core/hash.ts) and masked forms */
  admin: { name: string; maskedName: string; idHash: string; maskedId: string; mobileHash: string; maskedMobile: string }
  /** The operator who brought the enterprise on board */
  operator: { name: string; maskedName: string; idHash: string }
}

/** Every enterprise activated in this sandbox state, oldest first. */
export function activeEnterprises(state: SandboxState): ActiveEnterprise[] {
  const s = state.modules?.enterprise as EnterpriseSlice | undefined
  if (!s || !s.activated) return []
  const out: ActiveEnterprise[] = []
  for (const [creditCode, id] of Object.entries(s.activated)) {
    const app = s.applications?.[id]
    if (!app || app.status !== 'ACTIVATED' || !app.license || !app.admin || app.activatedAt === null) continue
    const a = app.admin
    out.push({
      creditCode,
      name: app.license.name,
      orgKind: app.license.orgKind,
      legalRepresentative: app.license.legalRepresentative,
      applicationId: app.id,
      activatedAt: app.activatedAt,
      method: app.method,
      admin: { name: a.name, maskedName: a.maskedName, idHash: a.idHash, maskedId: a.maskedId, mobileHash: a.mobileHash, maskedMobile: a.maskedMobile },
      operator: { name: app.operator.name, maskedName: app.operator.maskedName, idHash: app.operator.idHash }
    })
  }
  return out.sort((x, y) => x.activatedAt - y.activatedAt)
}

/** The activated enterprise with this credit code, or null. */
export function findActiveEnterprise(state: SandboxState, creditCode: string): ActiveEnterprise | null {
  return activeEnterprises(state).find((e) => e.creditCode === creditCode) ?? null
}
