/**
 * The signing area's payloads: fields and options, contract pages, seals, intent, submit /
 * decline, audit. Operations and error codes: types.signing.ts, types.signing.errors.ts.
 */
import type { DateFormat } from '@/domain/contract/dateFormat'
import type { FieldRules, FieldType, SealType } from '@/domain/contract/fields'
import type { FractionRect } from '@/domain/contract/geometry'
import type { FaceCapture, FlowStatus, SignerStatus, SignerView, SmsTicket } from './types.common'

// ------------------------------------------------------------------ fields and options

// The field model is the domain's (src/domain/contract): one declaration serves both.
export type { FieldType, SealType, DateFormat, FractionRect, FieldRules }

/** Chinese names of the seal types. */
export const SEAL_TYPE_LABELS: Record<SealType, string> = {
  OFFICIAL: '公章',
  CONTRACT: '合同专用章',
  FINANCE: '财务专用章',
  HR: '人事专用章',
  INVOICE: '发票专用章'
}

/** A value already committed into the contract (drawn on the page images too). */
export interface FilledInfo {
  /** Signer who filled it */
  signerId: string
  filledAt: number
  /** Short text for lists, e.g. '已签名', '合同专用章', '2026年11月21日', the text typed, '已勾选' */
  display: string
}

/**
 * A field as the contract view carries it: the domain's rules (FieldRules: fieldId, signerId,
 * type, page, fraction rect, required, label, accepted seal types, date format, text limits)
 * plus what only the view needs. For SIGN_PAGING_SEAL the field covers EVERY page: `page` is 0,
 * `y`/`h` give the vertical band, `w` the FULL seal diameter as a fraction of page width
 * (x = 1 − w); each page shows its slice (domain/contract/pagingSeal.ts `pagingSealSlices`).
 */
export interface Field extends FieldRules {
  /** TEXT: placeholder */
  placeholder?: string
  /** Committed value, or null while unfilled */
  filled: FilledInfo | null
}

export type IntentMethod = 'SMS' | 'FACE' | 'PASSWORD'

/** Chinese names of the intent confirmation methods (UI, audit trail, 签署报告). */
export const INTENT_METHOD_LABEL: Record<IntentMethod, string> = {
  SMS: '短信验证码',
  FACE: '人脸识别',
  PASSWORD: '签署密码'
}

export interface SigningOptions {
  /** 强制阅读: null when reading is not forced */
  forcedReading: {
    /** Minimum reading time in seconds (3–300), or null */
    minSeconds: number | null
    /** The last page must have been fetched (scrolled to) */
    mustReachLastPage: boolean
  } | null
  /** A system-generated signature (AcceptedSignature.kind 'SYSTEM') may be used */
  allowSystemSignature: boolean
  /** 'ALL_AT_ONCE': one handwriting is applied to all the signer's signature fields (the server
   * requires the same image in all of them); 'PER_FIELD': each field is signed separately */
  signatureApply: 'ALL_AT_ONCE' | 'PER_FIELD'
  /** 拒签 allowed */
  allowDecline: boolean
  /** Intent methods (意愿认证) allowed, in preferred order */
  intentMethods: IntentMethod[]
  /** Signers sign in `order` (lower first); equal orders sign in any order */
  ordered: boolean
}

// ------------------------------------------------------------------ contract and pages

export interface PageInfo {
  /** 0-based */
  index: number
  /** Page size in points (A4: 595 × 842) */
  width: number
  height: number
}

export interface PageImage extends PageInfo {
  /** 'data:image/svg+xml;base64,…' (stamped with every committed value) */
  src: string
}

/** Where the caller stands on forced reading (server-side tracking). */
export interface ReadingProgress {
  /** First getContract of this signer while the flow was SIGNING (the clock starts), or null */
  startedAt: number | null
  /** The last page was fetched with getContractPages */
  lastPageSeen: boolean
  /** Milliseconds still to read (0 when done or not forced) */
  remainingMs: number
  /** Forced reading done (always true when not forced) */
  satisfied: boolean
}

export type SigningBlockReason =
  | 'FLOW_EXPIRED'
  | 'FLOW_CANCELLED'
  | 'FLOW_DECLINED'
  | 'FLOW_COMPLETED'
  | 'ALREADY_SIGNED'
  | 'ALREADY_DECLINED'
  | 'NOT_YOUR_TURN'
  /** a hosted meeting before its start time: read now, sign from the start */
  | 'MEETING_NOT_STARTED'

export interface ContractView {
  flowId: string
  title: string
  /** e.g. 'HT-2026-PERSNL26' */
  contractNo: string
  status: FlowStatus
  pageCount: number
  /** One entry per page (a 200-page contract has 200) */
  pages: PageInfo[]
  /** Every signer's fields (filter by signerId === mySignerId for the caller's own) */
  fields: Field[]
  options: SigningOptions
  signers: SignerView[]
  mySignerId: string
  /** The caller's own verified name, in full (their own data): the text of a system signature */
  myName: string
  myStatus: SignerStatus
  /** True when the caller may sign (or decline) now */
  canSign: boolean
  /** Why not, when canSign is false */
  blockedReason: SigningBlockReason | null
  /** Chinese text for blockedReason, e.g. '请等待陈*签署后再签署' */
  blockedMessage: string | null
  reading: ReadingProgress
  /** Whether the person has a signing password (for PASSWORD intent) */
  passwordSet: boolean
  /** Increments with every committed signature; page images of a revision never change */
  revision: number
  /** SHA-256 (hex) of the current document content (see getAuditTrail) */
  documentHash: string
}

export interface ContractPages {
  flowId: string
  revision: number
  pageCount: number
  /** The pages asked for, in order (fewer at the end of the document) */
  pages: PageImage[]
}

// ------------------------------------------------------------------ seals

/** What a round seal is drawn from (domain/seal). */
export interface SealSpec {
  /** Enterprise name, written along the upper arc */
  text: string
  /** Written horizontally below the star, e.g. '合同专用章' ('' for a 公章) */
  purpose: string
  /** Ink colour, e.g. '#d0021b' */
  color: string
}

export interface SealInfo {
  sealId: string
  sealType: SealType
  /** e.g. '合同专用章' */
  typeLabel: string
  enterpriseName: string
  spec: SealSpec
  /** 'data:image/svg+xml;base64,…', drawn from `spec` (square) */
  image: string
  /** fieldIds of the caller's seal fields (SIGN_SEAL / SIGN_PAGING_SEAL) that accept this seal */
  acceptedBy: string[]
}

export interface MySeals {
  signerId: string
  /** The enterprise the signer signs for (null for a person) */
  enterpriseName: string | null
  /** Seals the person is authorised to use for this enterprise (empty for a person) */
  seals: SealInfo[]
  /** The signer's seal fields and what each accepts */
  fields: { fieldId: string; type: 'SIGN_SEAL' | 'SIGN_PAGING_SEAL'; label: string; acceptedSealTypes: SealType[] }[]
  /** Seal fields no authorised seal can fill (signing is impossible until authorised) */
  unfillable: string[]
  /** Chinese guidance when `unfillable` is not empty, e.g. '您暂无可用于本合同的印章，请联系企业管理员为您授权合同专用章' */
  hint: string | null
}

// ------------------------------------------------------------------ intent (意愿认证)

export interface IntentChallenge {
  challengeId: string
  method: IntentMethod
  /** When the challenge stops working (answer with confirmIntent before) */
  expiresAt: number
  /** SMS: where the code went (masked) and resend timing */
  sms: SmsTicket | null
  /** FACE: the liveness action to perform */
  faceAction: FaceCapture['action'] | null
  /** PASSWORD: false → call setSigningPassword first */
  passwordSet: boolean | null
  /** Wrong answers left on this challenge (PASSWORD: before the 30-min lock) */
  remainingTries: number
}

export interface IntentGrant {
  /** Single-use token for submitSigning, bound to flow + signer */
  intentToken: string
  method: IntentMethod
  expiresAt: number
}

// ------------------------------------------------------------------ submit / decline

/** One value per field the caller fills. `kind` must equal the field's type. */
export type SubmitValue =
  | {
      fieldId: string
      kind: 'SIGN_SIGNATURE'
      /** 'data:image/png;base64,…' (AcceptedSignature.png), ≤ 512 KB, real PNG */
      png: string
      /** AcceptedSignature.kind; 'SYSTEM' only where options.allowSystemSignature */
      signatureKind: 'HANDWRITTEN' | 'SYSTEM'
    }
  | { fieldId: string; kind: 'SIGN_SEAL'; sealId: string }
  | { fieldId: string; kind: 'SIGN_PAGING_SEAL'; sealId: string }
  /** The server stamps its own date (Beijing time, field format); `date` is ignored. Optional. */
  | { fieldId: string; kind: 'SIGN_DATE'; date?: string }
  | { fieldId: string; kind: 'TEXT'; text: string }
  | { fieldId: string; kind: 'CHECK_BOX'; checked: boolean }

export interface SubmitResult {
  flowId: string
  signerId: string
  idempotencyKey: string
  signedAt: number
  signerStatus: 'SIGNED'
  /** Flow status right after this signature (COMPLETED if it was the last) */
  flowStatus: FlowStatus
  intentMethod: IntentMethod
  revision: number
  /** Document hash right after this signature */
  documentHash: string
  /** Signer statuses at commit time (poll getSigningStatus for later changes) */
  signers: SignerView[]
}

export interface DeclineResult {
  flowId: string
  signerId: string
  declinedAt: number
  flowStatus: 'DECLINED'
  reason: string
}

export interface SigningStatus {
  flowId: string
  status: FlowStatus
  revision: number
  documentHash: string
  signers: SignerView[]
  mySignerId: string
  /** When the sandbox will next sign for another signer (auto-play), or null */
  nextAutoSignAt: number | null
}

// ------------------------------------------------------------------ audit

export type AuditAction = 'CREATED' | 'JOINED' | 'VIEWED' | 'INTENT_CONFIRMED' | 'SIGNED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED' | 'COMPLETED'

export interface AuditEvent {
  eventId: string
  at: number
  action: AuditAction
  /** Who: masked person name (张*) or enterprise name; '系统' for the platform */
  actor: string
  signerId: string | null
  enterpriseName: string | null
  roleLabel: string | null
  /** Chinese sentence, e.g. '张*（出租方）完成签署' */
  description: string
  /** How the actor was verified: identity 'REAL_NAME+FACE', intent method of a signature */
  verification: { identity: 'REAL_NAME+FACE' | null; intent: IntentMethod | null } | null
  /** SIGNED / COMPLETED: document hash after the event */
  documentHash: string | null
}

export interface AuditTrail {
  flowId: string
  title: string
  status: FlowStatus
  algorithm: 'SHA-256'
  /** Hash of the document as issued (no values) */
  originalHash: string
  /** Hash recorded at the last committed change (equals originalHash before any signature) */
  currentHash: string
  /** Oldest first */
  events: AuditEvent[]
}

export interface DocumentVerification {
  flowId: string
  algorithm: 'SHA-256'
  /** True when the recomputed hashes equal the recorded ones and every image is intact */
  match: boolean
  recordedHash: string
  computedHash: string
  originalHashMatch: boolean
  checkedAt: number
  /** Chinese descriptions of what does not match (empty when match) */
  problems: string[]
}

/**
 * The contract's PDF of record (docs/pdf.md): the original with every committed field stamped
 * and a 签署报告 page; digitally signed by the platform once the flow is complete, a preview
 * (unsigned) before.
 */
export interface ContractDocument {
  flowId: string
  /** e.g. 战略合作协议-SF2026….pdf */
  fileName: string
  signed: boolean
  /** SHA-256 (hex) of the PDF bytes */
  sha256: string
  pageCount: number
  /** the PDF, base64 */
  pdfBase64: string
  generatedAt: number
}
