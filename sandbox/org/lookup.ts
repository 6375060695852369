/**
 * Read-only look-ups into the org module's slice of the sandbox state, for the core (may this
 * person join a flow for the enterprise?) and the signing module (which seals may they use?).
 * Small and without the module's operations: the core and signing use it whether or not the
 * org module has been loaded (on the app it loads on demand).
 */
import type { SealType } from '@/services/types'
import type { SandboxState } from '../core/state'

export const ORG_SLICE = 'org'

export type OrgRole = 'SUPER_ADMIN' | 'EMPLOYEE'

export interface OrgMemberRecord {
  memberId: string
  role: OrgRole
  name: string
  maskedName: string
  idHash: string
  maskedId: string
  mobileHash: string
  maskedMobile: string
  addedAt: number
}

export interface OrgSealRecord {
  sealId: string
  sealType: SealType
  /** The enterprise's registered name, on the arc */
  text: string
  /** Below the star ('' for a 公章) */
  purpose: string
  enabled: boolean
  createdAt: number
  /** memberIds authorised to use it */
  grants: string[]
}

export interface OrgRecord {
  creditCode: string
  name: string
  applicationId: string
  activatedAt: number
  members: OrgMemberRecord[]
  seals: OrgSealRecord[]
}

export interface OrgSlice {
  /** credit code → enterprise */
  orgs: Record<string, OrgRecord>
}

export function orgSliceOf(state: SandboxState): OrgSlice | null {
  const s = state.modules[ORG_SLICE] as OrgSlice | undefined
  return s && s.orgs ? s : null
}

export function orgByCode(state: SandboxState, creditCode: string | null): OrgRecord | null {
  if (!creditCode) return null
  return orgSliceOf(state)?.orgs[creditCode] ?? null
}

/** The member of the enterprise with this ID hash. */
export function orgMember(org: OrgRecord, idHash: string): OrgMemberRecord | null {
  return org.members.find((m) => m.idHash === idHash) ?? null
}

/** Whether the person is a member of the enterprise activated in the sandbox. */
export function isOrgMember(state: SandboxState, creditCode: string | null, idHash: string): boolean {
  const org = orgByCode(state, creditCode)
  return !!org && !!orgMember(org, idHash)
}

/** A seal of an enterprise activated in the sandbox, with its enterprise. */
export function orgSealById(state: SandboxState, sealId: string): { org: OrgRecord; seal: OrgSealRecord } | null {
  const s = orgSliceOf(state)
  if (!s || !sealId.startsWith('ORG-')) return null
  for (const org of Object.values(s.orgs)) {
    const seal = org.seals.find((x) => x.sealId === sealId)
    if (seal) return { org, seal }
  }
  return null
}

/** Whether the person may seal with it now: enabled, and they are a member it is granted to. */
export function orgSealUsableBy(org: OrgRecord, seal: OrgSealRecord, idHash: string): boolean {
  const m = orgMember(org, idHash)
  return seal.enabled && !!m && seal.grants.includes(m.memberId)
}

/** The enterprise's seals the person may use now. */
export function orgSealsUsable(state: SandboxState, creditCode: string | null, idHash: string): { org: OrgRecord; seal: OrgSealRecord }[] {
  const org = orgByCode(state, creditCode)
  if (!org) return []
  return org.seals.filter((s) => orgSealUsableBy(org, s, idHash)).map((seal) => ({ org, seal }))
}
