/**
 * The org module's persisted records, and the read-only membership look-up the core uses (may
 * this person join a flow for the enterprise?). Apart from the module's operations, and from
 * the seal look-ups (lookup.ts, for the signing module), so the core's chunk carries only this.
 */
import type { OrgRole, SealType } from '@/services/types'
import type { SandboxState } from '../core/state'

export const ORG_SLICE = 'org'

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
