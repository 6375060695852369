import type { ApplicationStatus } from '@/domain/enterprise/application'
import type { LicenseField } from '@/domain/enterprise/license'
import { validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import type { ServiceError } from '@/services/errors'
import type { UploadPurpose } from '@/services/types'

/** Shared by the enterprise stores: field names, checks, what an upload looks like. */

export interface UploadProgress {
  purpose: UploadPurpose
  fileName: string
  /** Bytes the backend has acknowledged */
  sent: number
  total: number
  phase: 'uploading' | 'processing' | 'done' | 'failed'
  message: string | null
}

export interface PickedBytes {
  name: string
  bytes: Uint8Array
}

export type PersonField = 'name' | 'idNumber' | 'mobile'
export type LegalRepField = 'creditCode' | PersonField
export const PERSON_FIELDS: readonly PersonField[] = ['name', 'idNumber', 'mobile']

export const WAITING: readonly ApplicationStatus[] = ['LETTER_REVIEW', 'LEGAL_REP_PENDING']

export function blankLicense(): Record<LicenseField, string> {
  return { name: '', creditCode: '', legalRepresentative: '', orgKind: '', address: '', registeredOn: '', validUntil: '' }
}

export function personChecks(p: Record<PersonField, string>, now: number): Record<PersonField, string | null> {
  const n = validatePersonName(p.name)
  const i = validateResidentId(p.idNumber, now)
  const m = validateMobile(p.mobile)
  return { name: n.ok ? null : n.message, idNumber: i.ok ? null : i.message, mobile: m.ok ? null : m.message }
}

export function isSessionError(e: ServiceError): boolean {
  return e.code === 'SESSION_EXPIRED' || e.code === 'SESSION_INVALID'
}
