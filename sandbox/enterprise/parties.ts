/**
 * Enterprise module context: legal-representative codes, links and requests, uploaded files, ids
 * and notifying the operator.
 */
import { canApply } from '@/domain/enterprise/application'
import type { LicenseFields } from '@/domain/enterprise/license'
import { maskName } from '@/domain/identity'
import { randomString } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import type { LegalRepLinkInfo, LegalRepRequest, SmsTicket, UploadPurpose } from '@/services/types'
import type { SessionRecord } from '../core/state'
import {
  ADMIN_SCOPE,
  adminView,
  type ApplicationRecord,
  type FileRecord,
  type LegalRepRecord,
  type OpenUpload,
  type PersonRecord,
  requireApplicationId,
  requireToken,
  stateError,
  str
} from './model'
import type { enterpriseState, EnterpriseStateContext } from './state'

export type EnterprisePartiesContext = EnterpriseStateContext & ReturnType<typeof enterpriseState>

export function enterpriseParties(c: EnterprisePartiesContext) {
  const { k, uploads, R, slice, requireApp, requireMethod } = c
  /** Issues a LEGAL_REP code to a mobile known by hash (the core's SMS rules apply). */
  function issueCode(mobileHash: string, maskedMobile: string, t: number, touch: () => void, text: (code: string) => string): SmsTicket {
    return k.issueSmsCode(mobileHash, maskedMobile, 'LEGAL_REP', t, touch, text)
  }

  /**
   * Who may confirm the authorization, and of which application: the legal representative
   * through their link (must be the person on the licence, request still pending), or the
   * operator who is the legal representative themselves (method SELF).
   */
  function confirmingParty(o: Record<string, unknown>, t: number): { app: ApplicationRecord; session: SessionRecord; viaLink: boolean } {
    const viaLink = o.linkToken !== undefined && o.linkToken !== null && o.linkToken !== ''
    if (viaLink) {
      const found = requireLegalRepLink(o, t)
      const session = k.requireSession(o, t)
      const app = found.app
      requireLegalRepPerson(app, found.lr, session)
      requirePending(app, found.lr)
      if (app.status !== 'LEGAL_REP_PENDING') throw stateError(app.status)
      return { app, session, viaLink }
    }
    const session = k.requireSession(o, t)
    const app = requireApp(o, session)
    requirePending(app, null)
    if (!canApply(app.status, 'SELF_CONFIRMED')) throw stateError(app.status)
    requireMethod(app, 'SELF')
    return { app, session, viaLink }
  }

  /** A legal-representative link: bound to its application, current and (while pending) not expired. */
  function requireLegalRepLink(o: Record<string, unknown>, t: number): { app: ApplicationRecord; lr: LegalRepRecord } {
    const id = requireApplicationId(o)
    const token = requireToken(o)
    const app = slice().applications[id]
    const lr = app?.legalRep
    if (!app || !lr || lr.token !== token) {
      throw new ServiceError('LINK_INVALID', '该授权链接已失效，请联系经办人重新发送授权链接')
    }
    if (lr.outcome === 'PENDING' && t >= lr.linkExpiresAt) {
      throw new ServiceError('LINK_EXPIRED', '该授权链接已过期，请联系经办人重新发送授权链接', { expiredAt: lr.linkExpiresAt })
    }
    return { app, lr }
  }

  function requireLegalRepPerson(app: ApplicationRecord, lr: LegalRepRecord, session: SessionRecord): void {
    if (session.name !== lr.name || session.idHash !== lr.idHash) {
      throw new ServiceError(
        'NOT_LEGAL_REPRESENTATIVE',
        `您不是${app.license?.name ?? '该企业'}的法定代表人，无法进行授权。请由法定代表人 ${lr.maskedName} 本人打开链接并完成实名认证`,
        { intendedFor: lr.maskedName }
      )
    }
  }

  function requirePending(app: ApplicationRecord, lr: LegalRepRecord | null): void {
    if (lr && lr.outcome !== 'PENDING') {
      const what = lr.outcome === 'CONFIRMED' ? '已同意授权' : '已拒绝授权'
      throw new ServiceError('AUTHORIZATION_DECIDED', `您${what}，无需重复操作`, { outcome: lr.outcome })
    }
    if (app.status === 'ACTIVATED') throw new ServiceError('AUTHORIZATION_DECIDED', '该企业已完成认证，无需重复授权', { outcome: 'CONFIRMED' })
  }

  function linkInfo(app: ApplicationRecord, lr: LegalRepRecord): LegalRepLinkInfo {
    return {
      applicationId: app.id,
      enterpriseName: app.license?.name ?? '',
      legalRepMaskedName: lr.maskedName,
      operatorMaskedName: app.operator.maskedName,
      linkExpiresAt: lr.linkExpiresAt,
      outcome: lr.outcome
    }
  }

  function requestView(app: ApplicationRecord, session: SessionRecord): LegalRepRequest {
    const lic = app.license as LicenseFields
    const lr = app.legalRep
    const admin = app.admin as PersonRecord
    const self = !lr || app.method === 'SELF'
    return {
      applicationId: app.id,
      enterpriseName: lic.name,
      legalRepMaskedName: maskName(lic.legalRepresentative),
      operatorMaskedName: app.operator.maskedName,
      linkExpiresAt: self ? 0 : (lr as LegalRepRecord).linkExpiresAt,
      outcome: self ? (app.status === 'ACTIVATED' ? 'CONFIRMED' : 'PENDING') : (lr as LegalRepRecord).outcome,
      creditCode: lic.creditCode,
      orgKind: lic.orgKind,
      admin: adminView(admin, app.operator.idHash),
      scope: ADMIN_SCOPE.slice(),
      decidedAt: self ? app.activatedAt : (lr as LegalRepRecord).decidedAt,
      refuseReason: self ? null : (lr as LegalRepRecord).refuseReason,
      codeMaskedMobile: session.maskedMobile
    }
  }

  function fileOf(fileId: string, session: SessionRecord, purpose: UploadPurpose): FileRecord {
    const f = slice().files[fileId]
    if (!f || f.ownerIdHash !== session.idHash || f.purpose !== purpose) {
      throw new ServiceError('UPLOAD_NOT_FOUND', '文件不存在或已失效，请重新上传', { fileId })
    }
    return f
  }

  function pruneFiles(): void {
    const s = slice()
    const ids = Object.keys(s.files)
    if (ids.length <= R.MAX_FILES) return
    const used = new Set<string>()
    for (const a of Object.values(s.applications)) {
      if (a.licenseFileId) used.add(a.licenseFileId)
      for (const l of a.letters) used.add(l.fileId)
    }
    const drop = ids
      .filter((id) => !used.has(id))
      .sort((a, b) => s.files[a].uploadedAt - s.files[b].uploadedAt)
      .slice(0, ids.length - R.MAX_FILES)
    for (const id of drop) delete s.files[id]
  }

  function openUpload(o: Record<string, unknown>, session: SessionRecord, t: number): OpenUpload {
    const uploadId = str(o, 'uploadId')
    const u = uploads.get(uploadId)
    if (!u || u.ownerIdHash !== session.idHash) throw new ServiceError('UPLOAD_NOT_FOUND', '上传已失效，请重新选择文件', { uploadId })
    if (t >= u.expiresAt) {
      uploads.delete(uploadId)
      throw new ServiceError('UPLOAD_NOT_FOUND', '上传超时，请重新选择文件', { uploadId })
    }
    return u
  }

  function newId(taken: (id: string) => boolean, length: number, alphabet?: string): string {
    for (;;) {
      const id = randomString(k.rng(), length, alphabet)
      if (!taken(id)) return id
    }
  }

  function notifyOperator(app: ApplicationRecord, text: string, t: number): void {
    k.deliverSms(app.operator.maskedMobile, text, t)
  }

  return {
    issueCode,
    confirmingParty,
    requireLegalRepLink,
    requireLegalRepPerson,
    requirePending,
    linkInfo,
    requestView,
    fileOf,
    pruneFiles,
    openUpload,
    newId,
    notifyOperator
  }
}
