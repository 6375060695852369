/**
 * The enterprise onboarding application as a state machine. The backend (sandbox) applies it
 * to every change; the app uses it to decide which step to show and which actions to offer.
 *
 *   DRAFT ──CONFIRM_LICENSE──▶ LICENSE_CONFIRMED ──SET_ADMIN──▶ ADMIN_SET
 *     ▲  (RECOGNIZE_LICENSE: a new licence photo goes back to DRAFT from the first three)
 *
 *   ADMIN_SET ──SUBMIT_LETTER──▶ LETTER_REVIEW ──LETTER_APPROVED──▶ ACTIVATED
 *                                     │
 *                                     └─LETTER_REJECTED─▶ LETTER_REJECTED ──SUBMIT_LETTER──▶ LETTER_REVIEW
 *   ADMIN_SET ──REQUEST_LEGAL_REP──▶ LEGAL_REP_PENDING ──LEGAL_REP_CONFIRMED──▶ ACTIVATED
 *                                     │  (REQUEST_LEGAL_REP again: a new link)
 *                                     └─LEGAL_REP_REFUSED─▶ REFUSED_BY_LEGAL_REP
 *   ADMIN_SET ──SELF_CONFIRMED──▶ ACTIVATED      (the operator is the legal representative)
 *   DRAFT ──CLOUD_CONFIRMED──▶ ACTIVATED         (腾讯云企业快速认证: the operator's cloud account
 *                                                  holds the verified enterprise)
 *
 * From LETTER_REJECTED, LEGAL_REP_PENDING and REFUSED_BY_LEGAL_REP the operator may switch
 * method or change the administrator; any state but ACTIVATED and CANCELLED may be CANCELled.
 * While a letter is under review nothing but the review's outcome (or CANCEL) moves it.
 */
import type { OrganisationKind } from '@/domain/creditCode'
import { letterOnly } from '@/domain/enterprise/license'

export type ApplicationStatus =
  'DRAFT' | 'LICENSE_CONFIRMED' | 'ADMIN_SET' | 'LETTER_REVIEW' | 'LETTER_REJECTED' | 'LEGAL_REP_PENDING' | 'REFUSED_BY_LEGAL_REP' | 'ACTIVATED' | 'CANCELLED'

export type ApplicationEvent =
  | 'RECOGNIZE_LICENSE'
  | 'CONFIRM_LICENSE'
  | 'SET_ADMIN'
  | 'SUBMIT_LETTER'
  | 'LETTER_APPROVED'
  | 'LETTER_REJECTED'
  | 'REQUEST_LEGAL_REP'
  | 'LEGAL_REP_CONFIRMED'
  | 'LEGAL_REP_REFUSED'
  | 'SELF_CONFIRMED'
  | 'CLOUD_CONFIRMED'
  | 'CANCEL'

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'DRAFT',
  'LICENSE_CONFIRMED',
  'ADMIN_SET',
  'LETTER_REVIEW',
  'LETTER_REJECTED',
  'LEGAL_REP_PENDING',
  'REFUSED_BY_LEGAL_REP',
  'ACTIVATED',
  'CANCELLED'
]

export const APPLICATION_EVENTS: readonly ApplicationEvent[] = [
  'RECOGNIZE_LICENSE',
  'CONFIRM_LICENSE',
  'SET_ADMIN',
  'SUBMIT_LETTER',
  'LETTER_APPROVED',
  'LETTER_REJECTED',
  'REQUEST_LEGAL_REP',
  'LEGAL_REP_CONFIRMED',
  'LEGAL_REP_REFUSED',
  'SELF_CONFIRMED',
  'CLOUD_CONFIRMED',
  'CANCEL'
]

/** Where the operator may switch authorization method or change the administrator. */
const WAITING_OR_FAILED = {
  SUBMIT_LETTER: 'LETTER_REVIEW',
  REQUEST_LEGAL_REP: 'LEGAL_REP_PENDING',
  SELF_CONFIRMED: 'ACTIVATED',
  SET_ADMIN: 'ADMIN_SET',
  CANCEL: 'CANCELLED'
} as const

export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>>> = {
  DRAFT: { RECOGNIZE_LICENSE: 'DRAFT', CONFIRM_LICENSE: 'LICENSE_CONFIRMED', CLOUD_CONFIRMED: 'ACTIVATED', CANCEL: 'CANCELLED' },
  LICENSE_CONFIRMED: {
    RECOGNIZE_LICENSE: 'DRAFT',
    CONFIRM_LICENSE: 'LICENSE_CONFIRMED',
    SET_ADMIN: 'ADMIN_SET',
    CANCEL: 'CANCELLED'
  },
  ADMIN_SET: {
    RECOGNIZE_LICENSE: 'DRAFT',
    CONFIRM_LICENSE: 'LICENSE_CONFIRMED',
    SET_ADMIN: 'ADMIN_SET',
    SUBMIT_LETTER: 'LETTER_REVIEW',
    REQUEST_LEGAL_REP: 'LEGAL_REP_PENDING',
    SELF_CONFIRMED: 'ACTIVATED',
    CANCEL: 'CANCELLED'
  },
  LETTER_REVIEW: { LETTER_APPROVED: 'ACTIVATED', LETTER_REJECTED: 'LETTER_REJECTED', CANCEL: 'CANCELLED' },
  LETTER_REJECTED: { ...WAITING_OR_FAILED },
  LEGAL_REP_PENDING: { ...WAITING_OR_FAILED, LEGAL_REP_CONFIRMED: 'ACTIVATED', LEGAL_REP_REFUSED: 'REFUSED_BY_LEGAL_REP' },
  REFUSED_BY_LEGAL_REP: { ...WAITING_OR_FAILED },
  ACTIVATED: {},
  CANCELLED: {}
}

export function nextStatus(from: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  return TRANSITIONS[from]?.[event] ?? null
}

export function canApply(from: ApplicationStatus, event: ApplicationEvent): boolean {
  return nextStatus(from, event) !== null
}

export function isTerminal(status: ApplicationStatus): boolean {
  return status === 'ACTIVATED' || status === 'CANCELLED'
}

/** CLOUD: 腾讯云企业快速认证, taken from DRAFT instead of the licence (never offered by allowedMethods). */
export type AuthorizationMethod = 'LEGAL_REP' | 'LETTER' | 'SELF' | 'CLOUD'

/**
 * How the super administrator may be authorized. 党政机关 and 其他组织 only by letter
 * (license.ts letterOnly): they have no legal representative in the registry's sense. A credit
 * code the enterprise registry does not know is letter only too: nobody's identity can be
 * checked against it, so nobody may authorize themselves (or name a legal representative) by a
 * typed name; the letter goes to a reviewer. When the operator is the legal representative of a
 * registered enterprise, their own intent confirmation (SELF) takes the place of the legal
 * representative's link; the letter stays possible.
 */
export function allowedMethods(orgKind: OrganisationKind, operatorIsLegalRep: boolean, registered = true): AuthorizationMethod[] {
  if (letterOnly(orgKind) || !registered) return ['LETTER']
  return operatorIsLegalRep ? ['SELF', 'LETTER'] : ['LEGAL_REP', 'LETTER']
}

export const APPLICATION_STATUS_LABEL: Record<ApplicationStatus, string> = {
  DRAFT: '待上传营业执照',
  LICENSE_CONFIRMED: '待设置超级管理员',
  ADMIN_SET: '待授权',
  LETTER_REVIEW: '授权书审核中',
  LETTER_REJECTED: '授权书已驳回',
  LEGAL_REP_PENDING: '待法定代表人授权',
  REFUSED_BY_LEGAL_REP: '法定代表人已拒绝',
  ACTIVATED: '已认证',
  CANCELLED: '已放弃'
}

export const AUTHORIZATION_METHOD_LABEL: Record<AuthorizationMethod, string> = {
  LEGAL_REP: '法定代表人授权',
  LETTER: '上传授权书',
  SELF: '法定代表人本人确认',
  CLOUD: '腾讯云企业快速认证'
}
