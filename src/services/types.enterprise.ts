/**
 * Enterprise onboarding and legal-representative authorization (docs/enterprise.md).
 * Operations are added here and to ENTERPRISE_OPERATIONS; the sandbox implements them in
 * sandbox/enterprise.ts.
 *
 * The operator (经办人) is a verified person (session). They create an application, upload the
 * business licence, confirm what OCR read, name the super administrator, and get the
 * administrator authorized: by an authorization letter (reviewed), by the legal
 * representative (a link by SMS / a QR code, opened and confirmed by the legal representative
 * after their own verification), or, when the operator is the legal representative, by their
 * own intent confirmation. Files travel as JSON: startUpload, then base64 chunks, then
 * finishUpload, which checks the file type by its bytes and the size again.
 */
import type { ApplicationStatus, AuthorizationMethod } from '@/domain/enterprise/application'
import type { LicenseField, LicenseFields } from '@/domain/enterprise/license'
import type { OrganisationKind } from '@/domain/creditCode'
import type { FileKind } from '@/domain/fileType'
import type { SmsTicket } from './types.common'

export type { ApplicationStatus, AuthorizationMethod, LicenseFields, OrganisationKind, FileKind }

export type UploadPurpose = 'LICENSE' | 'LETTER'

export interface UploadTicket {
  uploadId: string
  /** Bytes per chunk (the last may be shorter); every chunk is sent base64-encoded */
  chunkSize: number
  chunkCount: number
  /** The limit for this purpose */
  maxBytes: number
  /** The upload must finish before this */
  expiresAt: number
}

export interface UploadedFile {
  fileId: string
  purpose: UploadPurpose
  fileName: string
  /** What the bytes are, whatever the name says */
  kind: FileKind
  size: number
  /** SHA-256 of the bytes, hex */
  sha256: string
  uploadedAt: number
}

export interface OcrField<T = string> {
  value: T
  /** 0..1 */
  confidence: number
  /** Below LOW_CONFIDENCE: the page highlights it for the operator to check */
  lowConfidence: boolean
}

export interface LicenseOcr {
  fileId: string
  recognizedAt: number
  fields: {
    name: OcrField
    creditCode: OcrField
    legalRepresentative: OcrField
    orgKind: OcrField<OrganisationKind>
    address: OcrField
    registeredOn: OcrField
    validUntil: OcrField
  }
}

export interface AdministratorView {
  maskedName: string
  maskedId: string
  maskedMobile: string
  /** The administrator is the operator themselves */
  isOperator: boolean
}

export type LetterOutcome = 'PENDING' | 'APPROVED' | 'REJECTED'

export interface LetterSubmissionView {
  fileName: string
  kind: FileKind
  size: number
  submittedAt: number
  /** When the review is due (sandbox clock) */
  reviewDueAt: number
  outcome: LetterOutcome
  /** Why it was rejected */
  reason: string | null
  decidedAt: number | null
}

export type LegalRepOutcome = 'PENDING' | 'CONFIRMED' | 'REFUSED'

export interface LegalRepRequestView {
  maskedName: string
  /** Where the link was sent */
  maskedMobile: string
  /** The link (type 'L' entry payload), for the QR code; null once decided or replaced */
  link: string | null
  payload: string | null
  sentAt: number
  linkExpiresAt: number
  outcome: LegalRepOutcome
  decidedAt: number | null
  /** What the legal representative gave as the reason for refusing */
  refuseReason: string | null
}

export interface ApplicationHistoryItem {
  at: number
  status: ApplicationStatus
  text: string
}

/** The operator's view of an application (the status page). */
export interface EnterpriseApplication {
  applicationId: string
  status: ApplicationStatus
  createdAt: number
  updatedAt: number
  operatorMaskedName: string
  /** The last OCR result, until the licence is confirmed or replaced */
  ocr: LicenseOcr | null
  /** The licence as the operator confirmed it */
  license: LicenseFields | null
  admin: AdministratorView | null
  /** The operator is the legal representative on the licence */
  operatorIsLegalRep: boolean
  /** Methods the operator may use (government and party organisations: letter only) */
  allowedMethods: AuthorizationMethod[]
  /** The method in use, once one was started */
  method: AuthorizationMethod | null
  letters: LetterSubmissionView[]
  legalRep: LegalRepRequestView | null
  activatedAt: number | null
  history: ApplicationHistoryItem[]
}

/** What a legal-representative link opens before anyone has verified. */
export interface LegalRepLinkInfo {
  applicationId: string
  enterpriseName: string
  /** The legal representative the link is for, masked */
  legalRepMaskedName: string
  operatorMaskedName: string
  linkExpiresAt: number
  outcome: LegalRepOutcome
}

/** What the verified legal representative reads before confirming or refusing. */
export interface LegalRepRequest extends LegalRepLinkInfo {
  creditCode: string
  orgKind: OrganisationKind
  admin: AdministratorView
  /** What the administrator will be able to do */
  scope: string[]
  decidedAt: number | null
  refuseReason: string | null
  /** Where the intent code goes (the verified person's own mobile), masked */
  codeMaskedMobile: string
}

export interface LetterTemplate {
  fileName: string
  mimeType: 'application/pdf'
  /** The PDF, base64 */
  base64: string
  /** The same text, for showing on the page */
  lines: string[]
}

export interface PersonInput {
  name: string
  idNumber: string
  mobile: string
}

/** What the operator's Tencent Cloud account holds (腾讯云企业快速认证), shown for confirmation. */
export interface CloudEnterpriseInfo {
  /** The enterprise name as the cloud account holds it */
  enterpriseName: string
  creditCode: string
  orgKind: OrganisationKind
  legalRepMaskedName: string
  /** The cloud account, masked */
  cloudAccount: string
  /** When the enterprise was verified on the cloud (yyyy-mm-dd) */
  cloudVerifiedOn: string
  /** The super administrator will be the operator; their code goes here */
  adminMaskedMobile: string
}

export type LetterDecision = 'APPROVE' | 'REJECT'

/** A submitted letter as the reviewer (a sandbox operations role) sees it. */
export interface LetterReviewItem {
  applicationId: string
  enterpriseName: string
  creditCode: string
  orgKind: OrganisationKind
  /** The credit code is in the enterprise registry */
  registered: boolean
  legalRepresentative: string
  operatorMaskedName: string
  adminMaskedName: string
  /** 1 for the first letter of the application, 2 after one rejection, … */
  submission: number
  fileName: string
  kind: FileKind
  size: number
  sha256: string
  submittedAt: number
  outcome: LetterOutcome
  reason: string | null
  decidedAt: number | null
  /** Why earlier letters of the application were rejected */
  earlierReasons: string[]
}

export interface LetterReviewDetail extends LetterReviewItem {
  /** The letter's bytes, base64, while it is pending and the sandbox still holds them */
  file: { base64: string; mimeType: string } | null
}

/** Operations of this area; documented in docs/enterprise.md. */
export interface EnterpriseOperations {
  /** Starts an application for the verified operator. */
  createEnterpriseApplication(input: { session: string }): Promise<EnterpriseApplication>

  /** The operator's application (letter reviews that fell due are decided first). */
  getEnterpriseApplication(input: { session: string; applicationId: string }): Promise<EnterpriseApplication>

  /** Gives up an application (not once activated). */
  cancelEnterpriseApplication(input: { session: string; applicationId: string }): Promise<EnterpriseApplication>

  /** Opens an upload: the declared size is checked against the purpose's limit. */
  startUpload(input: { session: string; purpose: UploadPurpose; fileName: string; size: number }): Promise<UploadTicket>

  /** One chunk, in order (index 0, 1, …); `data` is base64. Re-sending the last chunk is harmless. */
  uploadChunk(input: { session: string; uploadId: string; index: number; data: string }): Promise<{ received: number; size: number }>

  /** Closes an upload: size and type are checked on the bytes. */
  finishUpload(input: { session: string; uploadId: string }): Promise<UploadedFile>

  /** Reads an uploaded licence (OCR). Fails with OCR_FAILED (details.reason) for unreadable pictures. */
  recognizeLicense(input: { session: string; applicationId: string; fileId: string }): Promise<EnterpriseApplication>

  /** The operator's confirmed (or corrected) licence fields. */
  confirmLicense(input: { session: string; applicationId: string; license: Record<LicenseField, string> }): Promise<EnterpriseApplication>

  /** Sends the super administrator's confirmation code (purpose ENTERPRISE_ADMIN) to their mobile, once their
   * name, ID and mobile agree with the ID registry. Without `admin`: the operator is the administrator
   * (the quick path), the code goes to the operator's own mobile. */
  sendAdminCode(input: { session: string; applicationId: string; admin?: PersonInput }): Promise<SmsTicket>

  /** Names the super administrator, who confirms with the code sent to their mobile. */
  setAdministrator(input: { session: string; applicationId: string; admin: PersonInput; smsCode: string }): Promise<EnterpriseApplication>

  /** 腾讯云企业快速认证: the enterprise the operator's cloud account holds (CLOUD_ENTERPRISE_NOT_FOUND if none). */
  lookupCloudEnterprise(input: { session: string; applicationId: string }): Promise<CloudEnterpriseInfo>

  /** The operator confirms the cloud enterprise (name as shown) with their own administrator code: activated. */
  confirmCloudEnterprise(input: {
    session: string
    applicationId: string
    creditCode: string
    enterpriseName: string
    smsCode: string
  }): Promise<EnterpriseApplication>

  /** Reviewer: letters awaiting review first, then the latest decided ones. */
  listLetterReviews(input: { reviewKey: string }): Promise<{ items: LetterReviewItem[] }>

  /** Reviewer: one application's latest letter, with its bytes while pending. */
  getLetterReview(input: { reviewKey: string; applicationId: string }): Promise<LetterReviewDetail>

  /** Reviewer: approves (activates the enterprise) or rejects with a reason (5–200 characters). */
  decideLetter(input: { reviewKey: string; applicationId: string; decision: LetterDecision; reason?: string }): Promise<LetterReviewItem>

  /** The letter template, filled in with the application's enterprise and administrator. */
  getLetterTemplate(input: { session: string; applicationId: string }): Promise<LetterTemplate>

  /** Submits an uploaded, signed and stamped letter for review. */
  submitAuthorizationLetter(input: { session: string; applicationId: string; fileId: string }): Promise<EnterpriseApplication>

  /** Asks the legal representative: their details must agree with the licence; sends an SMS with the link. */
  requestLegalRepAuthorization(input: { session: string; applicationId: string; creditCode: string; legalRep: PersonInput }): Promise<EnterpriseApplication>

  /** What a legal-representative link is about (no session needed). */
  resolveLegalRepLink(input: { applicationId: string; linkToken: string }): Promise<LegalRepLinkInfo>

  /** The request in full, for the verified legal representative only. */
  openLegalRepRequest(input: { session: string; applicationId: string; linkToken: string }): Promise<LegalRepRequest>

  /** Sends the intent code (purpose LEGAL_REP) to the verified person's mobile. Without
   * `linkToken`: the operator who is the legal representative confirms themselves. */
  sendLegalRepCode(input: { session: string; applicationId: string; linkToken?: string }): Promise<SmsTicket>

  /** The legal representative (or the operator who is one) authorizes the administrator. */
  confirmLegalRepAuthorization(input: { session: string; applicationId: string; linkToken?: string; smsCode: string }): Promise<LegalRepRequest>

  /** The legal representative refuses. */
  refuseLegalRepAuthorization(input: { session: string; applicationId: string; linkToken: string; reason?: string }): Promise<LegalRepRequest>
}

/** A demo licence the sandbox recognises (developer tools). */
export interface LicenseSample {
  key: string
  label: string
  /** What happens with it */
  description: string
  fileName: string
  /** The legal representative's demo identity (fictional), when there is one */
  legalRep: PersonInput | null
  /** The credit code as it really is (OCR may misread it) */
  creditCode: string | null
}

export interface EnterpriseDevTools {
  /** Demo licences: upload `licenseSampleImage(key)` and the sandbox reads that licence. */
  listLicenseSamples(): LicenseSample[]
  /** The PNG of a demo licence (or of a signed letter, key 'LETTER'). */
  licenseSampleImage(key: string): Uint8Array
  /** The sandbox operations desk's key for the reviewer operations (审核台) */
  reviewDeskKey(): string
  /** Demo operators whose Tencent Cloud account holds an enterprise (快速认证), and what happens */
  listCloudAccounts(): { holder: PersonInput; label: string; description: string }[]
}

export const ENTERPRISE_OPERATIONS: Record<keyof EnterpriseOperations, true> = {
  createEnterpriseApplication: true,
  getEnterpriseApplication: true,
  cancelEnterpriseApplication: true,
  startUpload: true,
  uploadChunk: true,
  finishUpload: true,
  recognizeLicense: true,
  confirmLicense: true,
  sendAdminCode: true,
  setAdministrator: true,
  lookupCloudEnterprise: true,
  confirmCloudEnterprise: true,
  listLetterReviews: true,
  getLetterReview: true,
  decideLetter: true,
  getLetterTemplate: true,
  submitAuthorizationLetter: true,
  requestLegalRepAuthorization: true,
  resolveLegalRepLink: true,
  openLegalRepRequest: true,
  sendLegalRepCode: true,
  confirmLegalRepAuthorization: true,
  refuseLegalRepAuthorization: true
}

/** Error codes of this area (ServiceError.code), with the HTTP status each travels with. */
export type EnterpriseErrorCode =
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_STATE'
  | 'UPLOAD_NOT_FOUND'
  | 'UPLOAD_INCOMPLETE'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_DAMAGED'
  | 'OCR_FAILED'
  | 'LICENSE_MISMATCH'
  | 'ENTERPRISE_ALREADY_VERIFIED'
  | 'LEGAL_REP_MISMATCH'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_LEGAL_REPRESENTATIVE'
  | 'AUTHORIZATION_DECIDED'
  | 'ADMIN_IDENTITY_MISMATCH'
  | 'CLOUD_ENTERPRISE_NOT_FOUND'
  | 'CLOUD_NAME_MISMATCH'
  | 'LETTER_DECIDED'

export const ENTERPRISE_ERROR_STATUS: Record<EnterpriseErrorCode, number> = {
  APPLICATION_NOT_FOUND: 404,
  APPLICATION_STATE: 409,
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_INCOMPLETE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_DAMAGED: 422,
  OCR_FAILED: 422,
  LICENSE_MISMATCH: 422,
  ENTERPRISE_ALREADY_VERIFIED: 409,
  LEGAL_REP_MISMATCH: 422,
  METHOD_NOT_ALLOWED: 403,
  NOT_LEGAL_REPRESENTATIVE: 403,
  AUTHORIZATION_DECIDED: 409,
  ADMIN_IDENTITY_MISMATCH: 422,
  CLOUD_ENTERPRISE_NOT_FOUND: 404,
  CLOUD_NAME_MISMATCH: 422,
  LETTER_DECIDED: 409
}
