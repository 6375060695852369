/**
 * Reading and signing contracts (issue: read and sign). Operations are added here and to
 * SIGNING_OPERATIONS; the sandbox implements them in sandbox/signing.ts. Rules: docs/signing.md.
 *
 * CHANGES: (additive changes and anything that changed shape are listed here, newest first)
 * - (none yet: first complete version)
 *
 * Conventions
 * - Page indexes are 0-based everywhere (show `index + 1` to users).
 * - Field areas are FRACTIONS of their page (x, y, w, h in 0..1, origin top-left, unrotated page);
 *   map them to pixels with src/domain/contract/geometry.ts (any size, 0/90/180/270°).
 * - Every signing operation needs `session` and a flow the session's person has joined
 *   (core `joinFlow`), else FORBIDDEN. `signerId`, where taken, must be a signer entry that
 *   person joined as (FlowOverview.mySignerId).
 * - Times are epoch ms (sandbox clock). Dates shown on contracts are Beijing time (UTC+8).
 * - All payloads are plain JSON.
 */
import type { FaceCapture, FlowStatus } from './types.common'
import type {
  SealType,
  IntentMethod,
  ContractView,
  ContractPages,
  MySeals,
  IntentChallenge,
  IntentGrant,
  SubmitValue,
  SubmitResult,
  DeclineResult,
  SigningStatus,
  AuditTrail,
  DocumentVerification,
  ContractDocument
} from './types.signing.views'

export * from './types.signing.views'
export * from './types.signing.errors'

// ------------------------------------------------------------------ operations

export interface SigningOperations {
  /** Contract meta, page sizes, fields, options, reading progress. Works for any flow status
   * (expired / cancelled / declined / completed are read-only: canSign false). Starts the
   * forced-reading clock on the first call while SIGNING. */
  getContract(input: { session: string; flowId: string }): Promise<ContractView>

  /** Page images, `count` (1–10) pages from `from` (0-based); fewer at the end. Fetching the
   * last page counts as having reached it (forced reading). */
  getContractPages(input: { session: string; flowId: string; from: number; count: number }): Promise<ContractPages>

  /** The enterprise seals the person may use for this signer, flagged by which fields accept them. */
  listMySeals(input: { session: string; flowId: string; signerId: string }): Promise<MySeals>

  /** Starts intent confirmation. SMS sends a code to the person's own phone (outbox, masked);
   * FACE asks for a liveness action; PASSWORD needs a signing password (passwordSet). */
  startIntent(input: { session: string; flowId: string; method: IntentMethod; signerId?: string }): Promise<IntentChallenge>

  /** Answers a challenge (smsCode | capture | password). Returns a single-use intent token valid 10 min. */
  confirmIntent(input: {
    session: string
    flowId: string
    challengeId: string
    smsCode?: string
    capture?: FaceCapture
    password?: string
  }): Promise<IntentGrant>

  /** Sets the person's signing password (6 digits, not trivial). Changing it needs currentPassword. */
  setSigningPassword(input: { session: string; password: string; currentPassword?: string }): Promise<{ ok: true }>

  /** Commits the signer's values. Idempotent by `idempotencyKey` (8–64 of [A-Za-z0-9_-]): the
   * same key again returns the SAME result, even after success; another key after success →
   * ALREADY_SIGNED. */
  submitSigning(input: {
    session: string
    flowId: string
    signerId: string
    intentToken: string
    idempotencyKey: string
    values: SubmitValue[]
  }): Promise<SubmitResult>

  /** 拒签 with a reason of 5–200 characters, where the flow allows it: the flow becomes DECLINED. */
  declineSigning(input: { session: string; flowId: string; signerId: string; reason: string }): Promise<DeclineResult>

  /** Light status for polling (result page): flow and signer statuses, revision, hash. */
  getSigningStatus(input: { session: string; flowId: string }): Promise<SigningStatus>

  /** Who did what, when, how verified; document hashes before/after. */
  getAuditTrail(input: { session: string; flowId: string }): Promise<AuditTrail>

  /** Recomputes the document hash from the stored content and compares it with the record. */
  verifyDocument(input: { session: string; flowId: string }): Promise<DocumentVerification>

  /**
   * The PDF of record for a signer of the flow: signed by the platform when the flow is
   * complete, an unsigned preview before. DOCUMENT_UNAVAILABLE where this backend cannot make
   * PDFs (WeChat's embedded sandbox).
   */
  getContractDocument(input: { session: string; flowId: string }): Promise<ContractDocument>
}

export interface PlayOthersResult {
  /** signerIds the sandbox signed for, in order */
  signed: string[]
  /** signers it could not sign for, with a Chinese reason */
  skipped: { signerId: string; reason: string }[]
  flowStatus: FlowStatus
}

export interface DemoSealView {
  sealId: string
  enterpriseName: string
  sealType: SealType
  typeLabel: string
  /** Names (masked) of the people authorised to use it */
  authorised: string[]
}

export interface SigningDevTools {
  /** Signs now, with system signatures and authorised seals, for every pending signer of the
   * flow nobody has joined (and not in `except`), in signing order. */
  playOthers(flowId: string, opts?: { except?: string[] }): Promise<PlayOthersResult>
  /** Auto-play (default on): after someone signs a demo flow, its unjoined pending signers sign
   * 5 s later (then 3 s apart) by the sandbox clock, applied when a signing operation runs. */
  setAutoPlayOthers(on: boolean): Promise<{ autoPlay: boolean }>
  /** Authorises a demo person (by name, e.g. '赵敏') to use an enterprise's seal. */
  authoriseSeal(input: { sealId: string; personName: string }): Promise<DemoSealView>
  /** Every demo seal with who may use it. */
  listDemoSeals(): DemoSealView[]
}

export const SIGNING_OPERATIONS: Record<keyof SigningOperations, true> = {
  getContract: true,
  getContractPages: true,
  listMySeals: true,
  startIntent: true,
  confirmIntent: true,
  setSigningPassword: true,
  submitSigning: true,
  declineSigning: true,
  getSigningStatus: true,
  getAuditTrail: true,
  verifyDocument: true,
  getContractDocument: true
}
