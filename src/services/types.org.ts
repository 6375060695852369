/**
 * Enterprise management after activation (docs/org.md): an activated enterprise's members (the
 * super administrator named at onboarding, and the employees the administrator adds) and its
 * seals, drawn from the enterprise's registered name. The super administrator creates, enables,
 * disables seals and authorises members to use them; an authorised member seals contracts the
 * enterprise signs (listMySeals / submitSigning in the signing area).
 *
 * Operations are added here and to ORG_OPERATIONS; the sandbox implements them in sandbox/org.
 */
import type { SealType } from '@/domain/contract/fields'
import type { SealSpec } from './types.signing.views'

export type OrgRole = 'SUPER_ADMIN' | 'EMPLOYEE'

/** An enterprise the caller belongs to. */
export interface OrgSummary {
  creditCode: string
  /** The registered name (what its seals say) */
  name: string
  activatedAt: number
  myRole: OrgRole
  memberCount: number
  sealCount: number
}

export interface OrgMemberView {
  memberId: string
  maskedName: string
  maskedId: string
  maskedMobile: string
  role: OrgRole
  addedAt: number
  /** The caller */
  isMe: boolean
}

export interface OrgSealView {
  sealId: string
  sealType: SealType
  /** e.g. '合同专用章' */
  typeLabel: string
  /** What is drawn: the enterprise name on the arc, the purpose below the star */
  spec: SealSpec
  enabled: boolean
  createdAt: number
  /** memberIds of the members authorised to use it */
  authorised: string[]
}

/** One enterprise as a member sees it. */
export interface OrgView {
  creditCode: string
  name: string
  activatedAt: number
  myRole: OrgRole
  members: OrgMemberView[]
  seals: OrgSealView[]
}

export interface OrgMemberInput {
  name: string
  idNumber: string
  mobile: string
}

export interface OrgOperations {
  /** Activated enterprises the session's person is a member of (the super administrator of each, at least). */
  listMyOrgs(input: { session: string }): Promise<OrgSummary[]>
  /** An enterprise, for its members. */
  getOrg(input: { session: string; creditCode: string }): Promise<OrgView>
  /** The super administrator adds an employee (checked against the ID registry). */
  addOrgMember(input: { session: string; creditCode: string; member: OrgMemberInput }): Promise<OrgView>
  /** The super administrator creates a seal of a type (its text: the registered name). */
  createOrgSeal(input: { session: string; creditCode: string; sealType: SealType }): Promise<OrgView>
  /** The super administrator enables or disables a seal. */
  setOrgSealEnabled(input: { session: string; creditCode: string; sealId: string; enabled: boolean }): Promise<OrgView>
  /** The super administrator authorises a member to use a seal. */
  grantOrgSeal(input: { session: string; creditCode: string; sealId: string; memberId: string }): Promise<OrgView>
  /** The super administrator withdraws a member's authorisation. */
  revokeOrgSeal(input: { session: string; creditCode: string; sealId: string; memberId: string }): Promise<OrgView>
}

/** A contract the developer panel made for an enterprise signer. */
export interface DevOrgContract {
  flowId: string
  title: string
  link: string
  payload: string
}

export interface OrgDevTools {
  /**
   * A new flow (the generic contract: a seal and a date for the enterprise signer) in which the
   * member signs for the enterprise; its entry link. Nobody signs it by themselves.
   */
  createOrgContract(input: { creditCode: string; memberId: string }): Promise<DevOrgContract>
}

export const ORG_OPERATIONS: Record<keyof OrgOperations, true> = {
  listMyOrgs: true,
  getOrg: true,
  addOrgMember: true,
  createOrgSeal: true,
  setOrgSealEnabled: true,
  grantOrgSeal: true,
  revokeOrgSeal: true
}

/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type OrgErrorCode =
  /** Unknown or not activated enterprise (details.creditCode) */
  | 'ORG_NOT_FOUND'
  /** Only the super administrator may do this */
  | 'ORG_NOT_ADMIN'
  /** The person is already a member (details.memberId) */
  | 'ORG_MEMBER_EXISTS'
  /** Unknown member (details.memberId) */
  | 'ORG_MEMBER_NOT_FOUND'
  /** Unknown seal of this enterprise (details.sealId) */
  | 'ORG_SEAL_NOT_FOUND'
  /** A second 公章, or a second seal of a type (details.limit) */
  | 'ORG_SEAL_LIMIT'

export const ORG_ERROR_STATUS: Record<OrgErrorCode, number> = {
  ORG_NOT_FOUND: 404,
  ORG_NOT_ADMIN: 403,
  ORG_MEMBER_EXISTS: 409,
  ORG_MEMBER_NOT_FOUND: 404,
  ORG_SEAL_NOT_FOUND: 404,
  ORG_SEAL_LIMIT: 409
}
