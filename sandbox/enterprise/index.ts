/**
 * Sandbox module: enterprise onboarding and legal-representative authorization.
 * Implements EnterpriseOperations (types.enterprise.ts); rules and demo data in
 * docs/enterprise.md and enterpriseDemo.ts.
 *
 * Persisted (slice 'enterprise'): applications, uploaded-file metadata (kind, size, SHA-256,
 * the demo marker found in the bytes; never the bytes) and which credit codes were activated.
 * No full resident ID or mobile number: hashes (hash.ts) and masked forms only. Upload chunks
 * live in memory until finishUpload, and are dropped then.
 */
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import { validateCreditCode, type OrganisationKind } from '@/domain/creditCode'
import {
  allowedMethods,
  APPLICATION_STATUS_LABEL,
  canApply,
  nextStatus,
  type ApplicationEvent,
  type ApplicationStatus,
  type AuthorizationMethod
} from '@/domain/enterprise/application'
import { base64ToBytes, bytesToBase64 } from '@/domain/base64'
import { LETTER_TEMPLATE_FILE_NAME, letterTemplateLines, letterTemplatePdf } from '@/domain/enterprise/letterTemplate'
import { LICENSE_FIELDS, LOW_CONFIDENCE, validateLicense, type LicenseField, type LicenseFields } from '@/domain/enterprise/license'
import { encodePayload, entryLink, ID_ALPHABET } from '@/domain/entryLink'
import { checkDeclaredSize, checkFile, indexOfBytes, LETTER_FILE_RULE, LICENSE_FILE_RULE, type FileKind, type FileRule } from '@/domain/fileType'
import { maskMobile, maskName, maskResidentId, validateMobile, validatePersonName, validateResidentId, validateSmsCode } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type {
  AdministratorView,
  ApplicationHistoryItem,
  EnterpriseApplication,
  EnterpriseDevTools,
  EnterpriseOperations,
  LegalRepLinkInfo,
  LegalRepOutcome,
  LegalRepRequest,
  LetterOutcome,
  LetterTemplate,
  LicenseOcr,
  LicenseSample,
  OcrField,
  SmsTicket,
  UploadedFile,
  UploadPurpose,
  UploadTicket
} from '@/services/types'
import {
  CLEAR_CONFIDENCE,
  DEMO_LICENSES,
  DEMO_MARKER_PREFIX,
  LICENSE_SAMPLE_KEYS,
  OCR_FAILURES,
  PICKABLE_SAMPLES,
  preverifiedCreditCodes,
  registryLicense,
  type DemoLicense,
  type LicenseSampleKey,
  type OcrFailureKey
} from './enterpriseDemo'
import { samplePng, type SampleImageKey } from './enterpriseSamples'
import { hashId, hashMobile } from '../core/hash'
import type { SandboxKernel } from '../core/kernel'
import { randomString } from '@/domain/random'
import { checkValid, inputObject, invalid } from '../core/input'
import type { SessionRecord } from '../core/state'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** The module's rules, in one place (tests and docs refer to them). */
export const ENTERPRISE_RULES = {
  /** Bytes per upload chunk (base64 in JSON: about 175 KB per request) */
  CHUNK_SIZE: 128 * 1024,
  /** An upload must finish within this time of starting */
  UPLOAD_TTL_MS: 30 * MINUTE,
  /** Open uploads per person; starting one more drops the oldest */
  MAX_OPEN_UPLOADS: 3,
  /** A submitted letter is decided this long after submission (sandbox clock) */
  LETTER_REVIEW_MS: 2 * MINUTE,
  /** Validity of a legal-representative link */
  LEGAL_REP_LINK_TTL_MS: 24 * HOUR,
  /** A new legal-representative link (and SMS) at most this often */
  LEGAL_REP_RESEND_MS: 60 * SECOND,
  /** Validity of an SMS code, for the message text (the rules live in the core: kernel.issueSmsCode) */
  SMS_CODE_TTL_MS: 5 * MINUTE,
  /** Uploaded-file records kept (oldest unreferenced ones are forgotten first) */
  MAX_FILES: 200,
  REFUSE_REASON_MAX: 100
} as const

/** What the administrator may do once authorized (shown to the legal representative). */
export const ADMIN_SCOPE: readonly string[] = [
  '以企业名义发起和签署电子合同',
  '管理企业印章：创建、启用、停用和授权使用',
  '管理企业员工、角色和权限',
  '查看、下载和管理企业的全部合同'
]

// ---------------------------------------------------------------- persisted slice

interface FileRecord {
  fileId: string
  ownerIdHash: string
  purpose: UploadPurpose
  fileName: string
  kind: FileKind
  size: number
  sha256: string
  /** e.g. 'LICENSE:STANDARD' (the text after INKSEAL-DEMO:), or null */
  marker: string | null
  uploadedAt: number
}

interface PersonRecord {
  name: string
  maskedName: string
  idHash: string
  maskedId: string
  mobileHash: string
  maskedMobile: string
}

interface LetterRecord {
  fileId: string
  fileName: string
  kind: FileKind
  size: number
  submittedAt: number
  reviewDueAt: number
  outcome: LetterOutcome
  reason: string | null
  decidedAt: number | null
}

interface LegalRepRecord extends PersonRecord {
  /** The current link's token; null once replaced by the letter or cancelled */
  token: string | null
  sentAt: number
  linkExpiresAt: number
  outcome: LegalRepOutcome
  decidedAt: number | null
  refuseReason: string | null
}

interface ApplicationRecord {
  id: string
  status: ApplicationStatus
  createdAt: number
  updatedAt: number
  operator: { idHash: string; name: string; maskedName: string; mobileHash: string; maskedMobile: string }
  licenseFileId: string | null
  ocr: LicenseOcr | null
  license: LicenseFields | null
  operatorIsLegalRep: boolean
  admin: PersonRecord | null
  method: AuthorizationMethod | null
  letters: LetterRecord[]
  legalRep: LegalRepRecord | null
  activatedAt: number | null
  history: ApplicationHistoryItem[]
}

export interface EnterpriseSlice {
  applications: Record<string, ApplicationRecord>
  files: Record<string, FileRecord>
  /** credit code → application id, for enterprises activated in the sandbox */
  activated: Record<string, string>
}

/** In memory only: an upload between startUpload and finishUpload. */
interface OpenUpload {
  uploadId: string
  ownerIdHash: string
  purpose: UploadPurpose
  fileName: string
  size: number
  chunkCount: number
  chunks: Uint8Array[]
  createdAt: number
  expiresAt: number
}

// ---------------------------------------------------------------- helpers

function str(o: Record<string, unknown>, field: string): string {
  return typeof o[field] === 'string' ? (o[field] as string) : ''
}

function requireApplicationId(o: Record<string, unknown>): string {
  const id = str(o, 'applicationId').trim()
  if (!id) throw invalid('applicationId', '缺少企业认证申请编号')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) throw invalid('applicationId', '企业认证申请编号格式不正确')
  return id
}

function requireToken(o: Record<string, unknown>): string {
  const t = str(o, 'linkToken').trim()
  if (!/^[0-9A-Za-z]{8}$/.test(t)) throw invalid('linkToken', '授权链接不完整，请重新打开短信中的链接')
  return t
}

function ruleFor(purpose: UploadPurpose): FileRule {
  return purpose === 'LICENSE' ? LICENSE_FILE_RULE : LETTER_FILE_RULE
}

/** A file name fit to keep and show: no path, no control characters, at most 60 characters. */
function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim()).slice(-60).join('')
  return clean || fallback
}

const ASCII_MARKER = Array.from(DEMO_MARKER_PREFIX, (c) => c.charCodeAt(0))

/** The demo marker in a file's bytes ('LICENSE:STANDARD', 'OCR_FAIL:BLURRED', 'LETTER:SIGNED'), or null. */
export function findDemoMarker(bytes: Uint8Array): string | null {
  const at = indexOfBytes(bytes, ASCII_MARKER)
  if (at < 0) return null
  let s = ''
  for (let i = at + ASCII_MARKER.length; i < bytes.length && s.length < 40; i++) {
    const c = bytes[i]
    if ((c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0x30 && c <= 0x39)) s += String.fromCharCode(c)
    else break
  }
  return /^[A-Z_]+:[A-Z0-9_]+$/.test(s) ? s : null
}

type LicenseReading = { ok: true; license: DemoLicense } | { ok: false; failure: OcrFailureKey }

/**
 * How the sandbox "reads" a licence picture: by its demo marker, else by the hash of its bytes
 * (first byte mod 10: 0 blurred, 1 not a licence, otherwise PICKABLE_SAMPLES[first byte mod n]).
 */
export function readLicense(file: { marker: string | null; sha256: string }): LicenseReading {
  const m = file.marker
  if (m) {
    const [kind, key] = m.split(':')
    if (kind === 'LICENSE' && (LICENSE_SAMPLE_KEYS as string[]).includes(key)) return { ok: true, license: DEMO_LICENSES[key as LicenseSampleKey] }
    if (kind === 'OCR_FAIL' && key in OCR_FAILURES) return { ok: false, failure: key as OcrFailureKey }
    return { ok: false, failure: 'NOT_LICENSE' }
  }
  const b = parseInt(file.sha256.slice(0, 2), 16)
  if (b % 10 === 0) return { ok: false, failure: 'BLURRED' }
  if (b % 10 === 1) return { ok: false, failure: 'NOT_LICENSE' }
  return { ok: true, license: DEMO_LICENSES[PICKABLE_SAMPLES[b % PICKABLE_SAMPLES.length]] }
}

function ocrOf(lic: DemoLicense, fileId: string, t: number): LicenseOcr {
  const field = <T extends string>(f: LicenseField, value: T): OcrField<T> => {
    const o = lic.ocr?.[f]
    const confidence = o?.confidence ?? CLEAR_CONFIDENCE[f]
    return { value: (o?.value as T | undefined) ?? value, confidence, lowConfidence: confidence < LOW_CONFIDENCE }
  }
  const f = lic.fields
  return {
    fileId,
    recognizedAt: t,
    fields: {
      name: field('name', f.name),
      creditCode: field('creditCode', f.creditCode),
      legalRepresentative: field('legalRepresentative', f.legalRepresentative),
      orgKind: field<OrganisationKind>('orgKind', f.orgKind),
      address: field('address', f.address),
      registeredOn: field('registeredOn', f.registeredOn),
      validUntil: field('validUntil', f.validUntil)
    }
  }
}

function personRecord(p: { name: string; idNumber: string; mobile: string }): PersonRecord {
  return {
    name: p.name,
    maskedName: maskName(p.name),
    idHash: hashId(p.idNumber),
    maskedId: maskResidentId(p.idNumber),
    mobileHash: hashMobile(p.mobile),
    maskedMobile: maskMobile(p.mobile)
  }
}

/** Name, resident ID and mobile, validated; errors name the field as `${prefix}Name` etc. */
function personInput(raw: unknown, t: number, prefix: string): { name: string; idNumber: string; mobile: string } {
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const field = (f: string) => (prefix ? `${prefix}${f[0].toUpperCase()}${f.slice(1)}` : f)
  return {
    name: checkValid(field('name'), validatePersonName(str(o, 'name'))),
    idNumber: checkValid(field('idNumber'), validateResidentId(str(o, 'idNumber'), t)).id,
    mobile: checkValid(field('mobile'), validateMobile(str(o, 'mobile')))
  }
}

function stateError(status: ApplicationStatus): ServiceError {
  return new ServiceError('APPLICATION_STATE', `当前申请状态为“${APPLICATION_STATUS_LABEL[status]}”，无法进行该操作`, { status })
}

function adminView(a: PersonRecord, operatorIdHash: string): AdministratorView {
  return { maskedName: a.maskedName, maskedId: a.maskedId, maskedMobile: a.maskedMobile, isOperator: a.idHash === operatorIdHash }
}

// ---------------------------------------------------------------- the module

export function enterpriseModule(k: SandboxKernel): { ops: EnterpriseOperations; dev: EnterpriseDevTools } {
  const uploads = new Map<string, OpenUpload>()
  const R = ENTERPRISE_RULES

  const slice = (): EnterpriseSlice => {
    const s = k.module<EnterpriseSlice>('enterprise', () => ({ applications: {}, files: {}, activated: {} }))
    s.applications ??= {}
    s.files ??= {}
    s.activated ??= {}
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

  /** Decides letter reviews that fell due by the sandbox clock. True when something changed. */
  function advance(app: ApplicationRecord, t: number): boolean {
    if (app.status !== 'LETTER_REVIEW') return false
    const last = app.letters[app.letters.length - 1]
    if (!last || last.outcome !== 'PENDING' || t < last.reviewDueAt) return false
    const at = last.reviewDueAt
    const lic = app.license ? registryLicense(app.license.creditCode) : null
    if (lic?.rejectFirstLetter && app.letters.length === 1) {
      last.outcome = 'REJECTED'
      last.reason = lic.rejectFirstLetter
      last.decidedAt = at
      move(app, 'LETTER_REJECTED', at, `授权书审核未通过：${lic.rejectFirstLetter}`)
    } else {
      last.outcome = 'APPROVED'
      last.decidedAt = at
      move(app, 'LETTER_APPROVED', at, '授权书审核通过，企业认证完成')
      activate(app, at)
    }
    return true
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
      allowedMethods: app.license ? allowedMethods(app.license.orgKind, app.operatorIsLegalRep) : [],
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

  function requireMethod(app: ApplicationRecord, method: AuthorizationMethod): void {
    if (!app.license || !app.admin) throw stateError(app.status)
    const allowed = allowedMethods(app.license.orgKind, app.operatorIsLegalRep)
    if (!allowed.includes(method)) {
      const message =
        app.license.orgKind === 'GOVERNMENT'
          ? '党政机关只能通过上传授权书完成授权'
          : method === 'SELF'
            ? '您不是营业执照上的法定代表人，请选择由法定代表人授权或上传授权书'
            : '您是该企业的法定代表人，请直接本人确认授权'
      throw new ServiceError('METHOD_NOT_ALLOWED', message, { method, allowed })
    }
  }

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

  const ops: EnterpriseOperations = {
    createEnterpriseApplication(input) {
      return k.run('createEnterpriseApplication', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const s = slice()
        const id = newId((x) => !!s.applications[x], 8, ID_ALPHABET)
        const app: ApplicationRecord = {
          id,
          status: 'DRAFT',
          createdAt: t,
          updatedAt: t,
          operator: {
            idHash: session.idHash,
            name: session.name,
            maskedName: session.maskedName,
            mobileHash: session.mobileHash,
            maskedMobile: session.maskedMobile
          },
          licenseFileId: null,
          ocr: null,
          license: null,
          operatorIsLegalRep: false,
          admin: null,
          method: null,
          letters: [],
          legalRep: null,
          activatedAt: null,
          history: [{ at: t, status: 'DRAFT', text: `${session.maskedName} 发起企业认证` }]
        }
        s.applications[id] = app
        touch()
        return view(app)
      })
    },

    getEnterpriseApplication(input) {
      return k.run('getEnterpriseApplication', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (advance(app, t)) touch()
        return view(app)
      })
    },

    cancelEnterpriseApplication(input) {
      return k.run('cancelEnterpriseApplication', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (advance(app, t)) touch()
        move(app, 'CANCEL', t, '经办人放弃了本次申请')
        if (app.legalRep) app.legalRep.token = null
        touch()
        return view(app)
      })
    },

    startUpload(input) {
      return k.run('startUpload', ({ t }): UploadTicket => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const purpose = o.purpose as UploadPurpose
        if (purpose !== 'LICENSE' && purpose !== 'LETTER') throw invalid('purpose', '上传用途不正确')
        const size = o.size
        if (typeof size !== 'number' || !Number.isInteger(size)) throw invalid('size', '文件大小不正确')
        const rule = ruleFor(purpose)
        const declared = checkDeclaredSize(size, rule)
        if (!declared.ok) {
          throw new ServiceError(declared.code === 'FILE_TOO_LARGE' ? 'FILE_TOO_LARGE' : 'FILE_DAMAGED', declared.message, {
            maxBytes: rule.maxBytes,
            size
          })
        }
        // Forget expired uploads, and the oldest of this person's beyond the limit.
        for (const [id, u] of uploads) if (t >= u.expiresAt) uploads.delete(id)
        const mine = [...uploads.values()].filter((u) => u.ownerIdHash === session.idHash).sort((a, b) => a.createdAt - b.createdAt)
        while (mine.length >= R.MAX_OPEN_UPLOADS) uploads.delete((mine.shift() as OpenUpload).uploadId)

        const uploadId = `up_${newId((x) => uploads.has(`up_${x}`), 16)}`
        const chunkCount = Math.ceil(size / R.CHUNK_SIZE)
        uploads.set(uploadId, {
          uploadId,
          ownerIdHash: session.idHash,
          purpose,
          fileName: cleanFileName(str(o, 'fileName'), purpose === 'LICENSE' ? '营业执照' : '授权书'),
          size,
          chunkCount,
          chunks: [],
          createdAt: t,
          expiresAt: t + R.UPLOAD_TTL_MS
        })
        return { uploadId, chunkSize: R.CHUNK_SIZE, chunkCount, maxBytes: rule.maxBytes, expiresAt: t + R.UPLOAD_TTL_MS }
      })
    },

    uploadChunk(input) {
      return k.run('uploadChunk', ({ t }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const u = openUpload(o, session, t)
        const index = o.index
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw invalid('index', '分片序号不正确')
        const bytes = base64ToBytes(str(o, 'data'))
        if (!bytes) throw invalid('data', '分片内容不是有效的 base64')
        const received = () => u.chunks.reduce((s, c) => s + c.length, 0)
        const next = u.chunks.length
        const expectedLength = Math.min(R.CHUNK_SIZE, u.size - index * R.CHUNK_SIZE)
        if (index >= u.chunkCount || bytes.length > expectedLength) {
          throw new ServiceError('FILE_TOO_LARGE', '上传的内容超过了声明的文件大小，请重新上传', { size: u.size })
        }
        if (bytes.length !== expectedLength) throw invalid('data', '分片大小不正确，请重新上传')
        if (index === next - 1) {
          u.chunks[index] = bytes // a retry of the last chunk
        } else if (index !== next) {
          throw new ServiceError('UPLOAD_INCOMPLETE', '分片顺序不正确，请重新上传', { expected: next })
        } else {
          u.chunks.push(bytes)
        }
        return { received: received(), size: u.size }
      })
    },

    finishUpload(input) {
      return k.run('finishUpload', ({ t, touch }): UploadedFile => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const u = openUpload(o, session, t)
        if (u.chunks.length !== u.chunkCount) {
          throw new ServiceError('UPLOAD_INCOMPLETE', '文件未上传完整，请重新上传', {
            received: u.chunks.reduce((s, c) => s + c.length, 0),
            size: u.size
          })
        }
        uploads.delete(u.uploadId)
        const bytes = new Uint8Array(u.size)
        let at = 0
        for (const c of u.chunks) {
          bytes.set(c, at)
          at += c.length
        }
        const rule = ruleFor(u.purpose)
        const checked = checkFile(bytes, rule)
        if (!checked.ok) {
          const code = checked.code === 'FILE_TOO_LARGE' ? 'FILE_TOO_LARGE' : checked.code === 'FILE_TYPE' ? 'FILE_TYPE_NOT_ALLOWED' : 'FILE_DAMAGED'
          throw new ServiceError(code, checked.message, { reason: checked.code, maxBytes: rule.maxBytes })
        }
        const s = slice()
        const fileId = `f_${newId((x) => !!s.files[`f_${x}`], 16)}`
        const rec: FileRecord = {
          fileId,
          ownerIdHash: session.idHash,
          purpose: u.purpose,
          fileName: u.fileName,
          kind: checked.value.kind,
          size: u.size,
          sha256: bytesToHex(sha256(bytes)),
          marker: findDemoMarker(bytes),
          uploadedAt: t
        }
        s.files[fileId] = rec
        pruneFiles()
        touch()
        return { fileId, purpose: rec.purpose, fileName: rec.fileName, kind: rec.kind, size: rec.size, sha256: rec.sha256, uploadedAt: t }
      })
    },

    recognizeLicense(input) {
      return k.run('recognizeLicense', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'RECOGNIZE_LICENSE')) throw stateError(app.status)
        const file = fileOf(str(o, 'fileId'), session, 'LICENSE')
        const reading = readLicense(file)
        if (!reading.ok) {
          const f = OCR_FAILURES[reading.failure]
          throw new ServiceError('OCR_FAILED', f.message, { reason: reading.failure })
        }
        app.licenseFileId = file.fileId
        app.ocr = ocrOf(reading.license, file.fileId, t)
        app.license = null
        app.operatorIsLegalRep = false
        move(app, 'RECOGNIZE_LICENSE', t, '营业执照识别完成，待经办人确认')
        touch()
        return view(app)
      })
    },

    confirmLicense(input) {
      return k.run('confirmLicense', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'CONFIRM_LICENSE')) throw stateError(app.status)
        if (!app.ocr) throw new ServiceError('APPLICATION_STATE', '请先上传营业执照并完成识别', { status: app.status })
        const raw = o.license && typeof o.license === 'object' && !Array.isArray(o.license) ? (o.license as Record<string, unknown>) : {}
        const checked = validateLicense(raw, t)
        if (!checked.ok) {
          const field = LICENSE_FIELDS.find((f) => checked.errors[f]) as LicenseField
          throw new ServiceError('INVALID_INPUT', checked.errors[field] as string, { field, errors: checked.errors })
        }
        const lic = checked.value
        if (alreadyVerified(lic.creditCode, app.id)) {
          throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证，请联系该企业的超级管理员将您添加为员工`, {
            creditCode: lic.creditCode
          })
        }
        const reg = registryLicense(lic.creditCode)
        if (reg) {
          if (reg.fields.name !== lic.name) {
            throw new ServiceError('LICENSE_MISMATCH', '企业名称与统一社会信用代码的登记信息不一致，请核对营业执照', { field: 'name' })
          }
          if (reg.fields.legalRepresentative !== lic.legalRepresentative) {
            throw new ServiceError('LICENSE_MISMATCH', '法定代表人与统一社会信用代码的登记信息不一致，请核对营业执照', { field: 'legalRepresentative' })
          }
        }
        app.license = lic
        app.operatorIsLegalRep =
          session.name === lic.legalRepresentative && (!reg || hashId(reg.legalRep.idNumber) === session.idHash)
        move(app, 'CONFIRM_LICENSE', t, `确认营业执照信息：${lic.name}`)
        touch()
        return view(app)
      })
    },

    setAdministrator(input) {
      return k.run('setAdministrator', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'SET_ADMIN')) throw stateError(app.status)
        const admin = personRecord(personInput(o.admin, t, ''))
        app.admin = admin
        // A pending link asked the legal representative about the previous administrator.
        if (app.legalRep && app.legalRep.outcome === 'PENDING') app.legalRep.token = null
        move(app, 'SET_ADMIN', t, `设置超级管理员：${admin.maskedName}`)
        touch()
        return view(app)
      })
    },

    getLetterTemplate(input) {
      return k.run('getLetterTemplate', ({ t }): LetterTemplate => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!app.license || !app.admin || app.status === 'LICENSE_CONFIRMED') {
          throw new ServiceError('APPLICATION_STATE', '请先确认营业执照信息并设置超级管理员', { status: app.status })
        }
        const info = {
          enterpriseName: app.license.name,
          creditCode: app.license.creditCode,
          legalRepresentative: app.license.legalRepresentative,
          adminName: app.admin.name
        }
        return {
          fileName: LETTER_TEMPLATE_FILE_NAME,
          mimeType: 'application/pdf',
          base64: bytesToBase64(letterTemplatePdf(info)),
          lines: letterTemplateLines(info).map((l) => l.text)
        }
      })
    },

    submitAuthorizationLetter(input) {
      return k.run('submitAuthorizationLetter', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (advance(app, t)) touch()
        if (!canApply(app.status, 'SUBMIT_LETTER')) throw stateError(app.status)
        requireMethod(app, 'LETTER')
        const file = fileOf(str(o, 'fileId'), session, 'LETTER')
        app.letters.push({
          fileId: file.fileId,
          fileName: file.fileName,
          kind: file.kind,
          size: file.size,
          submittedAt: t,
          reviewDueAt: t + R.LETTER_REVIEW_MS,
          outcome: 'PENDING',
          reason: null,
          decidedAt: null
        })
        app.method = 'LETTER'
        if (app.legalRep) app.legalRep.token = null
        move(app, 'SUBMIT_LETTER', t, app.letters.length > 1 ? '重新提交授权书，等待审核' : '提交授权书，等待审核')
        touch()
        return view(app)
      })
    },

    requestLegalRepAuthorization(input) {
      return k.run('requestLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const session = k.requireSession(o, t)
        const app = requireApp(o, session)
        if (!canApply(app.status, 'REQUEST_LEGAL_REP')) throw stateError(app.status)
        requireMethod(app, 'LEGAL_REP')
        const lic = app.license as LicenseFields
        const code = checkValid('creditCode', validateCreditCode(str(o, 'creditCode')))
        const rep = personInput(o.legalRep, t, 'legalRep')
        if (code.code !== lic.creditCode) {
          throw new ServiceError('LEGAL_REP_MISMATCH', '统一社会信用代码与营业执照不一致，请核对', { field: 'creditCode' })
        }
        if (rep.name !== lic.legalRepresentative) {
          throw new ServiceError('LEGAL_REP_MISMATCH', `法定代表人姓名与营业执照不一致（营业执照上为 ${maskName(lic.legalRepresentative)}）`, {
            field: 'legalRepName'
          })
        }
        const reg = registryLicense(lic.creditCode)
        if (reg && reg.legalRep.idNumber !== rep.idNumber) {
          throw new ServiceError('LEGAL_REP_MISMATCH', '法定代表人身份证号与工商登记信息不一致，请核对', { field: 'legalRepIdNumber' })
        }
        const prev = app.legalRep
        if (prev && prev.outcome === 'PENDING' && prev.token && t < prev.sentAt + R.LEGAL_REP_RESEND_MS) {
          const retryAfterMs = prev.sentAt + R.LEGAL_REP_RESEND_MS - t
          throw new ServiceError('SMS_TOO_FREQUENT', `授权链接发送过于频繁，请${Math.ceil(retryAfterMs / SECOND)}秒后再试`, { retryAfterMs })
        }
        const person = personRecord(rep)
        const token = randomString(k.rng(), 8)
        app.legalRep = {
          ...person,
          token,
          sentAt: t,
          linkExpiresAt: t + R.LEGAL_REP_LINK_TTL_MS,
          outcome: 'PENDING',
          decidedAt: null,
          refuseReason: null
        }
        app.method = 'LEGAL_REP'
        move(app, 'REQUEST_LEGAL_REP', t, `已向法定代表人 ${person.maskedName}（${person.maskedMobile}）发送授权链接`)
        const link = legalRepLink(app) as { link: string }
        const admin = app.admin as PersonRecord
        k.deliverSms(
          person.maskedMobile,
          `【InkSeal】${app.operator.maskedName}正在为${lic.name}办理企业认证，申请由${admin.maskedName}担任超级管理员，需要您作为法定代表人授权。请在24小时内打开链接完成授权：${link.link}`,
          t
        )
        touch()
        return view(app)
      })
    },

    resolveLegalRepLink(input) {
      return k.run('resolveLegalRepLink', ({ t }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        return linkInfo(app, lr)
      })
    },

    openLegalRepRequest(input) {
      return k.run('openLegalRepRequest', ({ t }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        const session = k.requireSession(o, t)
        requireLegalRepPerson(app, lr, session)
        return requestView(app, session)
      })
    },

    sendLegalRepCode(input) {
      return k.run('sendLegalRepCode', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, session } = confirmingParty(o, t)
        const lic = app.license as LicenseFields
        return issueCode(session.mobileHash, session.maskedMobile, t, touch, (code) =>
          `【InkSeal】您正在授权${(app.admin as PersonRecord).maskedName}担任${lic.name}的超级管理员，验证码为${code}，${R.SMS_CODE_TTL_MS / MINUTE}分钟内有效。如非本人操作，请忽略。`
        )
      })
    },

    confirmLegalRepAuthorization(input) {
      return k.run('confirmLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, session, viaLink } = confirmingParty(o, t)
        const code = checkValid('smsCode', validateSmsCode(str(o, 'smsCode')))
        const rec = k.verifySmsCode(session.mobileHash, 'LEGAL_REP', code, t, touch)
        const lic = app.license as LicenseFields
        if (alreadyVerified(lic.creditCode, app.id)) {
          throw new ServiceError('ENTERPRISE_ALREADY_VERIFIED', `${lic.name}已完成企业认证`, { creditCode: lic.creditCode })
        }
        rec.code = null
        if (viaLink) {
          const lr = app.legalRep as LegalRepRecord
          lr.outcome = 'CONFIRMED'
          lr.decidedAt = t
          move(app, 'LEGAL_REP_CONFIRMED', t, `法定代表人 ${lr.maskedName} 已授权，企业认证完成`)
          notifyOperator(app, `【InkSeal】${lic.name}的法定代表人已完成授权，企业认证已通过。`, t)
        } else {
          app.method = 'SELF'
          if (app.legalRep) app.legalRep.token = null
          move(app, 'SELF_CONFIRMED', t, `法定代表人 ${session.maskedName} 本人确认授权，企业认证完成`)
        }
        activate(app, t)
        touch()
        return requestView(app, session)
      })
    },

    refuseLegalRepAuthorization(input) {
      return k.run('refuseLegalRepAuthorization', ({ t, touch }) => {
        const o = inputObject(input)
        const { app, lr } = requireLegalRepLink(o, t)
        const session = k.requireSession(o, t)
        requireLegalRepPerson(app, lr, session)
        requirePending(app, lr)
        if (app.status !== 'LEGAL_REP_PENDING') throw stateError(app.status)
        const reason = Array.from(str(o, 'reason').trim()).slice(0, R.REFUSE_REASON_MAX).join('') || null
        lr.outcome = 'REFUSED'
        lr.decidedAt = t
        lr.refuseReason = reason
        move(app, 'LEGAL_REP_REFUSED', t, `法定代表人 ${lr.maskedName} 拒绝授权${reason ? `：${reason}` : ''}`)
        notifyOperator(app, `【InkSeal】${app.license?.name ?? ''}的法定代表人拒绝了超级管理员授权，请登录 InkSeal 查看。`, t)
        touch()
        return requestView(app, session)
      })
    }
  }

  const dev: EnterpriseDevTools = {
    listLicenseSamples(): LicenseSample[] {
      const licenses = LICENSE_SAMPLE_KEYS.map((key) => {
        const l = DEMO_LICENSES[key]
        return {
          key,
          label: l.label,
          description: l.description,
          fileName: `营业执照-${key.toLowerCase()}.png`,
          legalRep: { ...l.legalRep },
          creditCode: l.fields.creditCode
        }
      })
      const failures = (Object.keys(OCR_FAILURES) as OcrFailureKey[]).map((key) => ({
        key,
        label: OCR_FAILURES[key].label,
        description: OCR_FAILURES[key].description,
        fileName: `营业执照-${key.toLowerCase()}.png`,
        legalRep: null,
        creditCode: null
      }))
      return [...licenses, ...failures]
    },
    licenseSampleImage(key: string): Uint8Array {
      const known = [...LICENSE_SAMPLE_KEYS, ...Object.keys(OCR_FAILURES), 'LETTER']
      if (!known.includes(key)) throw new Error(`unknown sample ${key}`)
      return samplePng(key as SampleImageKey)
    },
    completeLetterReviews(): Promise<number> {
      return k.run('getEnterpriseApplication', ({ t, touch }) => {
        let n = 0
        for (const app of Object.values(slice().applications)) {
          const last = app.letters[app.letters.length - 1]
          if (app.status === 'LETTER_REVIEW' && last && last.outcome === 'PENDING' && last.reviewDueAt > t) {
            last.reviewDueAt = t
            n++
          }
        }
        if (n) touch()
        return n
      })
    }
  }

  return { ops, dev }
}
