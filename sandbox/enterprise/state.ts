/**
 * Enterprise module, part 1 of its context: open uploads, the slice `modules.enterprise`,
 * application moves, activation, the application view. Composed in index.ts.
 */
import { allowedMethods, nextStatus, type ApplicationEvent, type AuthorizationMethod } from '@/domain/enterprise/application'
import { letterOnly, ORG_KIND_LABEL } from '@/domain/enterprise/license'
import { encodePayload, entryLink } from '@/domain/entryLink'
import { ServiceError } from '@/services/errors'
import type { EnterpriseApplication } from '@/services/types'
import type { SandboxKernel } from '../core/kernel'
import type { SessionRecord } from '../core/state'
import { preverifiedCreditCodes, registryLicense } from './enterpriseDemo'
import { adminView, type ApplicationRecord, ENTERPRISE_RULES, type EnterpriseSlice, type OpenUpload, requireApplicationId, stateError } from './model'

export type EnterpriseStateContext = { k: SandboxKernel }

export function enterpriseState(c: EnterpriseStateContext) {
  const { k } = c
  const uploads = new Map<string, OpenUpload>()
  /** The bytes of the latest finished letter uploads (memory only), for the reviewer */
  const letterBytes = new Map<string, Uint8Array>()
  const R = ENTERPRISE_RULES

  const slice = (): EnterpriseSlice => {
    const s = k.module<EnterpriseSlice>('enterprise', () => ({ applications: {}, files: {}, activated: {}, pendingLetters: {} }))
    s.applications ??= {}
    s.files ??= {}
    s.activated ??= {}
    s.pendingLetters ??= {}
    return s
  }

  function move(app: ApplicationRecord, event: ApplicationEvent, t: number, text: string): void {
    const to = nextStatus(app.status, event)
    if (!to) throw stateError(app.status)
    app.status = to
    app.updatedAt = t
    app.history.push({ at: t, status: to, text })
    if (app.history.length > 50) app.history.splice(0, app.history.length - 50)
  }

  function requireApp(o: Record<string, unknown>, session: SessionRecord): ApplicationRecord {
    const id = requireApplicationId(o)
    const app = slice().applications[id]
    if (!app) throw new ServiceError('APPLICATION_NOT_FOUND', '企业认证申请不存在，请重新发起', { applicationId: id })
    if (app.operator.idHash !== session.idHash) {
      throw new ServiceError('FORBIDDEN', '您无权查看该企业认证申请，请由发起申请的经办人操作', { applicationId: id })
    }
    return app
  }

  function activate(app: ApplicationRecord, t: number): void {
    app.activatedAt = t
    if (app.license) slice().activated[app.license.creditCode] = app.id
  }

  function alreadyVerified(creditCode: string, appId: string): boolean {
    const other = slice().activated[creditCode]
    return preverifiedCreditCodes().has(creditCode) || (!!other && other !== appId)
  }

  function legalRepLink(app: ApplicationRecord): { link: string; payload: string } | null {
    const lr = app.legalRep
    if (!lr || !lr.token) return null
    const payload = encodePayload({ type: 'L', id: app.id, token: lr.token, expiresAt: lr.linkExpiresAt })
    return { payload, link: entryLink(k.link.host, payload, k.link.scheme) }
  }

  function view(app: ApplicationRecord): EnterpriseApplication {
    const lr = app.legalRep
    const link = lr && lr.outcome === 'PENDING' ? legalRepLink(app) : null
    return {
      applicationId: app.id,
      status: app.status,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
      operatorMaskedName: app.operator.maskedName,
      ocr: app.ocr,
      license: app.license,
      admin: app.admin ? adminView(app.admin, app.operator.idHash) : null,
      operatorIsLegalRep: app.operatorIsLegalRep,
      allowedMethods: app.license ? methodsOf(app) : [],
      method: app.method,
      letters: app.letters.map((l) => ({
        fileName: l.fileName,
        kind: l.kind,
        size: l.size,
        submittedAt: l.submittedAt,
        reviewDueAt: l.reviewDueAt,
        outcome: l.outcome,
        reason: l.reason,
        decidedAt: l.decidedAt
      })),
      legalRep: lr
        ? {
            maskedName: lr.maskedName,
            maskedMobile: lr.maskedMobile,
            link: link ? link.link : null,
            payload: link ? link.payload : null,
            sentAt: lr.sentAt,
            linkExpiresAt: lr.linkExpiresAt,
            outcome: lr.outcome,
            decidedAt: lr.decidedAt,
            refuseReason: lr.refuseReason
          }
        : null,
      activatedAt: app.activatedAt,
      history: app.history.slice()
    }
  }

  /** The methods open to the application; a credit code the registry does not know: the letter only. */
  function methodsOf(app: ApplicationRecord): AuthorizationMethod[] {
    const lic = app.license
    return lic ? allowedMethods(lic.orgKind, app.operatorIsLegalRep, !!registryLicense(lic.creditCode)) : []
  }

  function requireMethod(app: ApplicationRecord, method: AuthorizationMethod): void {
    if (!app.license || !app.admin) throw stateError(app.status)
    const allowed = methodsOf(app)
    if (!allowed.includes(method)) {
      const message = letterOnly(app.license.orgKind)
        ? `${ORG_KIND_LABEL[app.license.orgKind]}只能通过上传授权书完成授权`
        : !registryLicense(app.license.creditCode)
          ? '登记信息中查不到该信用代码，只能上传授权书人工审核'
          : method === 'SELF'
            ? '您不是营业执照上的法定代表人，请选择由法定代表人授权或上传授权书'
            : '您是该企业的法定代表人，请直接本人确认授权'
      throw new ServiceError('METHOD_NOT_ALLOWED', message, { method, allowed })
    }
  }

  return { uploads, letterBytes, R, slice, move, requireApp, activate, alreadyVerified, legalRepLink, view, methodsOf, requireMethod }
}
