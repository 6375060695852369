/**
 * The enterprise module's rules, records, state slice and the pure helpers its parts share
 * (input checks, licence reading by the demo marker, OCR results, person records, views).
 */
import type { OrganisationKind } from '@/domain/creditCode'
import { APPLICATION_STATUS_LABEL, type ApplicationStatus, type AuthorizationMethod } from '@/domain/enterprise/application'
import { LOW_CONFIDENCE, type LicenseField, type LicenseFields } from '@/domain/enterprise/license'
import { ID_ALPHABET } from '@/domain/entryLink'
import { indexOfBytes, LETTER_FILE_RULE, LICENSE_FILE_RULE, type FileKind, type FileRule } from '@/domain/fileType'
import { maskMobile, maskName, maskResidentId, validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { AdministratorView, ApplicationHistoryItem, LegalRepOutcome, LetterOutcome, LicenseOcr, OcrField, UploadPurpose } from '@/services/types'
import { hashId, hashMobile } from '../core/hash'
import { checkValid, invalid } from '../core/input'
import {
  CLEAR_CONFIDENCE,
  DEMO_LICENSES,
  DEMO_MARKER_PREFIX,
  LICENSE_SAMPLE_KEYS,
  OCR_FAILURES,
  PICKABLE_SAMPLES,
  type DemoLicense,
  type LicenseSampleKey,
  type OcrFailureKey
} from './enterpriseDemo'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE

/** The module's rules, in one place (tests and docs refer to them). */
export const ENTERPRISE_RULES = {
  /** Bytes per upload chunk (base64 in JSON: about 175 KB per request) */
  CHUNK_SIZE: 128 * 1024,
  /** An upload must finish within this time of starting */
  UPLOAD_TTL_MS: 30 * MINUTE,
  /** Open uploads per person; starting one more drops the oldest */
  MAX_OPEN_UPLOADS: 3,
  /** A submitted letter waits for a reviewer (审核台); the page promises a decision within this */
  LETTER_REVIEW_SLA_MS: 24 * HOUR,
  /** A reviewer's rejection reason, in characters */
  REJECT_REASON_MIN: 5,
  REJECT_REASON_MAX: 200,
  /** A pending letter's bytes are kept in the persisted state for the reviewer up to this size (larger: memory only) */
  LETTER_KEEP_BYTES: 1024 * 1024,
  /** Finished letter uploads whose bytes are held in memory */
  LETTER_BYTES_IN_MEMORY: 6,
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

export interface FileRecord {
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

export interface PersonRecord {
  name: string
  maskedName: string
  idHash: string
  maskedId: string
  mobileHash: string
  maskedMobile: string
}

export interface LetterRecord {
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

export interface LegalRepRecord extends PersonRecord {
  /** The current link's token; null once replaced by the letter or cancelled */
  token: string | null
  sentAt: number
  linkExpiresAt: number
  outcome: LegalRepOutcome
  decidedAt: number | null
  refuseReason: string | null
}

export interface ApplicationRecord {
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
  /** credit code → application id, for enterprises activated in the sandbox (read it through active.ts) */
  activated: Record<string, string>
  /** file id → base64 bytes of a letter awaiting review (dropped once decided) */
  pendingLetters: Record<string, string>
}

/** In memory only: an upload between startUpload and finishUpload. */
export interface OpenUpload {
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

export function str(o: Record<string, unknown>, field: string): string {
  return typeof o[field] === 'string' ? (o[field] as string) : ''
}

export function requireApplicationId(o: Record<string, unknown>): string {
  const id = str(o, 'applicationId').trim()
  if (!id) throw invalid('applicationId', '缺少企业认证申请编号')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) throw invalid('applicationId', '企业认证申请编号格式不正确')
  return id
}

export function requireToken(o: Record<string, unknown>): string {
  const t = str(o, 'linkToken').trim()
  if (!/^[0-9A-Za-z]{8}$/.test(t)) throw invalid('linkToken', '授权链接不完整，请重新打开短信中的链接')
  return t
}

export function ruleFor(purpose: UploadPurpose): FileRule {
  return purpose === 'LICENSE' ? LICENSE_FILE_RULE : LETTER_FILE_RULE
}

/** A file name fit to keep and show: no path, no control characters, at most 60 characters. */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .slice(-60)
    .join('')
  return clean || fallback
}

export const ASCII_MARKER = Array.from(DEMO_MARKER_PREFIX, (c) => c.charCodeAt(0))

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

export type LicenseReading = { ok: true; license: DemoLicense } | { ok: false; failure: OcrFailureKey }

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

export function ocrOf(lic: DemoLicense, fileId: string, t: number): LicenseOcr {
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

export function personRecord(p: { name: string; idNumber: string; mobile: string }): PersonRecord {
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
export function personInput(raw: unknown, t: number, prefix: string): { name: string; idNumber: string; mobile: string } {
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const field = (f: string) => (prefix ? `${prefix}${f[0].toUpperCase()}${f.slice(1)}` : f)
  return {
    name: checkValid(field('name'), validatePersonName(str(o, 'name'))),
    idNumber: checkValid(field('idNumber'), validateResidentId(str(o, 'idNumber'), t)).id,
    mobile: checkValid(field('mobile'), validateMobile(str(o, 'mobile')))
  }
}

export function stateError(status: ApplicationStatus): ServiceError {
  return new ServiceError('APPLICATION_STATE', `当前申请状态为“${APPLICATION_STATUS_LABEL[status]}”，无法进行该操作`, { status })
}

export function adminView(a: PersonRecord, operatorIdHash: string): AdministratorView {
  return { maskedName: a.maskedName, maskedId: a.maskedId, maskedMobile: a.maskedMobile, isOperator: a.idHash === operatorIdHash }
}
