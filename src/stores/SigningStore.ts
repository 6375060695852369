import { makeAutoObservable, observable, runInAction } from 'mobx'
import {
  checkText,
  formatSignDate,
  initialPhase,
  transition,
  validateSigningPassword,
  validateSubmission,
  type FieldProblem,
  type SigningEvent,
  type SigningPhase
} from '@/domain/contract'
import { validateSmsCode } from '@/domain/identity'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type {
  AuditTrail,
  ContractView,
  DocumentVerification,
  FaceCapture,
  Field,
  InkSealService,
  IntentChallenge,
  IntentGrant,
  IntentMethod,
  MySeals,
  PageImage,
  SealInfo,
  SigningStatus,
  SubmitResult,
  SubmitValue
} from '@/services/types'
import { CLOSED_FLOW_MESSAGE } from './labels'
import { MyContractsStore } from './MyContractsStore'
import type { SessionStore } from './SessionStore'
import type { SignatureStore } from './SignatureStore'

/** What the signature pad hands over (SignatureStore.accepted). */
export interface AcceptedSignature {
  png: string
  width: number
  height: number
  kind: 'HANDWRITTEN' | 'SYSTEM'
  createdAt: number
}

/** The part of SignatureStore this store uses (owned by the signature pad work). */
export interface SignaturePort {
  accepted: AcceptedSignature | null
  clearAccepted(): void
  makeSystemSignature(name: string): Promise<AcceptedSignature>
}

/** A value the signer entered, kept in the draft. SIGN_DATE needs none (the server stamps it). */
export type DraftValue =
  | { kind: 'SIGN_SIGNATURE'; png: string; signatureKind: 'HANDWRITTEN' | 'SYSTEM'; width: number; height: number }
  | { kind: 'SIGN_SEAL'; sealId: string }
  | { kind: 'SIGN_PAGING_SEAL'; sealId: string }
  | { kind: 'TEXT'; text: string }
  | { kind: 'CHECK_BOX'; checked: boolean }

/** A submission that was sent: retried with the SAME key and values until its outcome is known. */
export interface PendingSubmit {
  idempotencyKey: string
  values: SubmitValue[]
  /** The intent token it was sent with, while still usable */
  intentToken: string | null
  intentExpiresAt: number
  sentAt: number
}

export interface DraftFile {
  v: 1
  flowId: string
  signerId: string
  values: Record<string, DraftValue>
  pending: PendingSubmit | null
  savedAt: number
}

export type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'needsVerification'; message: string }
  | { kind: 'error'; message: string; retryable: boolean }

export interface SubmitFailure {
  code: string
  message: string
  /** Same request can be sent again (network); the key is kept */
  retryable: boolean
  /** A value was refused: back to the contract to fix it */
  fix: boolean
  /** Intent must be confirmed again */
  reauth: boolean
}

export interface ScrollTarget {
  page: number
  /** Fraction of the page height */
  y: number
  seq: number
}

export const DRAFT_PREFIX = 'inkseal.signing.draft.'
/** Draft writes are coalesced: at most one every this many ms (plus explicit flushes). */
export const DRAFT_THROTTLE_MS = 800
export const PAGE_CHUNK = 5
/** Page images kept in memory at most (the farthest from the reader are dropped first). */
export const PAGE_CACHE_MAX = 40
export const POLL_MS = 2000
export const DECLINE_MIN = 5
export const DECLINE_MAX = 200

const FIELD_ORDER = (a: Field, b: Field) => a.page - b.page || a.y - b.y || a.x - b.x || (a.fieldId === b.fieldId ? 0 : a.fieldId < b.fieldId ? -1 : 1)

function randomKey(now: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let s = ''
  for (let i = 0; i < 20; i++) s += chars[Math.floor(Math.random() * chars.length)]
  return `sg_${now.toString(36)}_${s}`
}

function isSessionError(e: ServiceError): boolean {
  return e.code === 'SESSION_EXPIRED' || e.code === 'SESSION_INVALID'
}

const CLOSED_CODES = new Set(['FLOW_EXPIRED', 'FLOW_CANCELLED', 'FLOW_DECLINED', 'FLOW_COMPLETED'])
const FIX_CODES = new Set([
  'FIELD_REQUIRED',
  'FIELD_INVALID',
  'SIGNATURE_IMAGE_INVALID',
  'SYSTEM_SIGNATURE_NOT_ALLOWED',
  'SEAL_NOT_AUTHORIZED',
  'SEAL_NOT_ACCEPTED',
  'READING_INCOMPLETE',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_INPUT'
])
const REAUTH_CODES = new Set(['INTENT_TOKEN_INVALID', 'INTENT_TOKEN_EXPIRED'])

/**
 * Reading and signing one contract: the pages (fetched in ranges), the fields, the signer's
 * values (kept as a throttled draft), forced reading, intent confirmation (意愿认证), the
 * idempotent submission, decline, the result (polled) and the audit trail. Follows the
 * signing state machine of src/domain/contract/machine.ts.
 */
export class SigningStore {
  flowId: string | null = null
  load: LoadState = { kind: 'idle' }
  contract: ContractView | null = null
  phase: SigningPhase = 'READING'
  /** Page images by index (current revision only) */
  pages = observable.map<number, PageImage>()
  pageError: string | null = null
  lastPageFetched = false

  seals: MySeals | null = null
  sealsError: string | null = null
  /** Field whose seal picker is open */
  sealPickerFor: string | null = null

  values: Record<string, DraftValue> = {}
  pending: PendingSubmit | null = null
  /** Fields the signer has interacted with (their errors show); all once they try to submit */
  touched: Record<string, boolean> = {}
  showAllErrors = false
  focusedFieldId: string | null = null
  scrollTarget: ScrollTarget | null = null
  /** Signature field waiting for the pad's result (null with ALL_AT_ONCE: every field) */
  signatureTarget: string | null = null
  /** The pad was opened from this reader: its next accepted signature is for us */
  awaitingSignature = false
  notice: string | null = null

  /** Clock for countdowns (refreshed by the ticker, or by tests through refreshClock) */
  clock: number
  private readingDeadline = 0

  // intent
  intentMethod: IntentMethod | null = null
  challenge: IntentChallenge | null = null
  intentCode = ''
  intentPassword = ''
  newPassword = ''
  newPassword2 = ''
  intentError: string | null = null
  intentBusy = false
  passwordSet = false
  grant: IntentGrant | null = null

  // submission
  submitting = false
  submitError: SubmitFailure | null = null
  result: SubmitResult | null = null

  // decline
  declineOpen = false
  declineReason = ''
  declineTouched = false
  declineError: string | null = null
  declining = false

  // result and audit
  status: SigningStatus | null = null
  statusError: string | null = null
  audit: AuditTrail | null = null
  auditError: string | null = null
  auditLoading = false
  verification: DocumentVerification | null = null
  verifyBusy = false
  verifyError: string | null = null

  readonly mine: MyContractsStore

  private seq = 0
  private scrollSeq = 0
  private inflight = new Set<number>()
  private saveTimer: ReturnType<typeof setTimeout> | null = null
  private dirty = false
  private ticker: ReturnType<typeof setInterval> | null = null
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private polling = false
  private lastAcceptedAt: number | null = null

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly signature: SignatureStore,
    private readonly storage: KeyValueStore,
    private readonly now: () => number
  ) {
    this.clock = now()
    this.mine = new MyContractsStore(service, session)
    makeAutoObservable<
      SigningStore,
      | 'service'
      | 'session'
      | 'signature'
      | 'storage'
      | 'now'
      | 'seq'
      | 'scrollSeq'
      | 'inflight'
      | 'saveTimer'
      | 'dirty'
      | 'ticker'
      | 'pollTimer'
      | 'polling'
      | 'lastAcceptedAt'
      | 'readingDeadline'
    >(this, {
      service: false,
      session: false,
      signature: false,
      storage: false,
      now: false,
      mine: false,
      seq: false,
      scrollSeq: false,
      inflight: false,
      saveTimer: false,
      dirty: false,
      ticker: false,
      pollTimer: false,
      polling: false,
      lastAcceptedAt: false,
      readingDeadline: false
    })
  }

  private get sig(): SignaturePort {
    return this.signature as unknown as SignaturePort
  }

  // ------------------------------------------------------------------ loading

  /** Opens a contract for the verified person. Never throws; the outcome is in `load`. */
  async open(flowId: string): Promise<LoadState> {
    if (!flowId) {
      this.load = { kind: 'error', message: '缺少合同编号，请从合同概览进入', retryable: false }
      return this.load
    }
    const s = this.session.active
    if (!s) {
      this.load = { kind: 'needsVerification', message: '请先完成实名认证' }
      return this.load
    }
    const seq = ++this.seq
    if (this.flowId !== flowId) this.resetFor(flowId)
    else this.flushDraft()
    // Re-opening the flow being signed (e.g. the reader mounts again) keeps the attempt in progress.
    const inProgress = this.contract?.flowId === flowId && (this.phase === 'CONFIRMING_INTENT' || this.phase === 'SUBMITTING' || this.phase === 'FAILED')
    if (!inProgress) this.load = { kind: 'loading' }
    try {
      const contract = await this.service.getContract({ session: s.token, flowId })
      if (seq !== this.seq) return this.load
      runInAction(() => this.adopt(contract, !(inProgress && contract.myStatus === 'PENDING' && contract.canSign)))
      if (this.myFields.some((f) => f.type === 'SIGN_SEAL' || f.type === 'SIGN_PAGING_SEAL')) void this.loadSeals()
    } catch (e) {
      if (seq !== this.seq) return this.load
      this.failLoad(toServiceError(e))
    }
    return this.load
  }

  private failLoad(err: ServiceError): void {
    runInAction(() => {
      if (isSessionError(err)) {
        this.session.clear()
        this.load = { kind: 'needsVerification', message: err.message }
      } else {
        this.load = { kind: 'error', message: err.message, retryable: err.transient }
      }
    })
  }

  private resetFor(flowId: string): void {
    this.flushDraft()
    this.stopTicker()
    this.stopPolling()
    this.flowId = flowId
    this.contract = null
    this.pages.clear()
    this.inflight.clear()
    this.pageError = null
    this.lastPageFetched = false
    this.seals = null
    this.sealsError = null
    this.sealPickerFor = null
    this.values = {}
    this.pending = null
    this.touched = {}
    this.showAllErrors = false
    this.focusedFieldId = null
    this.scrollTarget = null
    this.signatureTarget = null
    this.awaitingSignature = false
    this.notice = null
    this.resetIntent()
    this.submitError = null
    this.result = null
    this.declineOpen = false
    this.declineReason = ''
    this.declineTouched = false
    this.declineError = null
    this.status = null
    this.statusError = null
    this.audit = null
    this.auditError = null
    this.verification = null
    this.verifyError = null
  }

  /** Takes a (re)loaded contract: phase, draft, reading clock. */
  private adopt(contract: ContractView, fresh: boolean): void {
    const prev = this.contract
    this.contract = contract
    this.passwordSet = contract.passwordSet
    if (!prev || prev.revision !== contract.revision) {
      this.pages.clear()
      this.inflight.clear()
    }
    this.clock = this.now()
    this.readingDeadline = this.clock + Math.max(0, contract.reading.remainingMs)
    if (contract.reading.lastPageSeen) this.lastPageFetched = true
    if (fresh) {
      this.restoreDraft()
      const base = initialPhase({
        myStatus: contract.myStatus,
        canSign: contract.canSign,
        blockedReason: contract.blockedReason,
        readingSatisfied: this.readingSatisfied
      })
      this.phase = base
      if (base === 'SIGNED' || base === 'DECLINED' || base === 'READ_ONLY') {
        // Whatever was pending has an outcome now: nothing left to keep.
        if (contract.myStatus === 'SIGNED' || contract.myStatus === 'DECLINED' || !contract.canSign) this.discardDraft()
      } else if (this.pending && contract.canSign) {
        this.phase = 'FAILED'
        this.submitError = {
          code: 'UNCONFIRMED',
          message: '上次提交签署时网络中断，结果未确认。请重新提交（不会重复签署）。',
          retryable: true,
          fix: false,
          reauth: false
        }
      }
      if (this.phase === 'READING' && contract.canSign) this.startTicker()
    }
    this.load = { kind: 'ready' }
  }

  retryLoad(): Promise<LoadState> {
    return this.open(this.flowId ?? '')
  }

  /** Reloads the contract (after others signed): new revision → new page images. */
  async refreshContract(): Promise<void> {
    const s = this.session.active
    if (!s || !this.flowId) return
    try {
      const contract = await this.service.getContract({ session: s.token, flowId: this.flowId })
      runInAction(() => {
        if (contract.flowId !== this.flowId) return
        const wasOpen = this.phase
        this.adopt(contract, false)
        // A flow that closed meanwhile cannot be signed any more.
        if (!contract.canSign && (wasOpen === 'READING' || wasOpen === 'FILLING')) {
          if (contract.myStatus === 'SIGNED') this.phase = 'SIGNED'
          else if (contract.myStatus === 'DECLINED') this.phase = 'DECLINED'
          else if (contract.blockedReason !== 'NOT_YOUR_TURN') this.fire('CLOSE')
        } else if (contract.canSign && wasOpen === 'READING' && this.readingSatisfied) {
          this.fire('READ_DONE')
        }
      })
    } catch {
      // The page keeps what it has; polling tries again.
    }
  }

  async loadSeals(): Promise<void> {
    const s = this.session.active
    const c = this.contract
    if (!s || !c) return
    try {
      const seals = await this.service.listMySeals({ session: s.token, flowId: c.flowId, signerId: c.mySignerId })
      runInAction(() => {
        this.seals = seals
        this.sealsError = null
        // A seal that is no longer authorised is dropped from the draft.
        for (const [id, v] of Object.entries(this.values)) {
          if ((v.kind === 'SIGN_SEAL' || v.kind === 'SIGN_PAGING_SEAL') && !seals.seals.some((x) => x.sealId === v.sealId && x.acceptedBy.includes(id))) {
            delete this.values[id]
          }
        }
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.sealsError = err.message
      })
    }
  }

  // ------------------------------------------------------------------ pages

  get pageCount(): number {
    return this.contract?.pageCount ?? 0
  }

  /** Fetches the page images of [from, to] not yet cached, in chunks. */
  ensurePages(from: number, to: number): void {
    const c = this.contract
    const s = this.session.active
    if (!c || !s || c.pageCount === 0) return
    const a = Math.max(0, from)
    const b = Math.min(c.pageCount - 1, to)
    for (let start = Math.floor(a / PAGE_CHUNK) * PAGE_CHUNK; start <= b; start += PAGE_CHUNK) {
      if (this.inflight.has(start)) continue
      const end = Math.min(c.pageCount - 1, start + PAGE_CHUNK - 1)
      let missing = false
      for (let i = start; i <= end; i++) if (!this.pages.has(i)) missing = true
      if (!missing) continue
      void this.fetchChunk(start, end - start + 1, c.revision, s.token)
    }
  }

  private async fetchChunk(from: number, count: number, revision: number, session: string): Promise<void> {
    const flowId = this.flowId
    if (!flowId) return
    this.inflight.add(from)
    try {
      const res = await this.service.getContractPages({ session, flowId, from, count })
      runInAction(() => {
        if (flowId !== this.flowId) return
        this.pageError = null
        if (res.revision === (this.contract?.revision ?? revision)) {
          for (const p of res.pages) this.pages.set(p.index, p)
          this.evictPages(from + Math.floor(count / 2))
        } else if (res.revision > (this.contract?.revision ?? 0)) {
          void this.refreshContract()
        }
        if (res.pages.some((p) => p.index === res.pageCount - 1)) this.lastPageFetched = true
      })
      this.refreshClock()
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        if (flowId === this.flowId) this.pageError = err.message
      })
    } finally {
      this.inflight.delete(from)
    }
  }

  /** Long contracts: keeps the page images near `center`, drops the farthest beyond the budget. */
  private evictPages(center: number): void {
    if (this.pages.size <= PAGE_CACHE_MAX) return
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center))
    for (const i of far.slice(0, this.pages.size - PAGE_CACHE_MAX)) this.pages.delete(i)
  }

  /** Fetch failed: ask again for what the reader shows. */
  retryPages(from: number, to: number): void {
    this.pageError = null
    this.ensurePages(from, to)
  }

  // ------------------------------------------------------------------ fields

  get fields(): Field[] {
    return this.contract?.fields ?? []
  }

  get mySignerId(): string | null {
    return this.contract?.mySignerId ?? null
  }

  /** The caller's fields still to fill (not committed), in reading order. */
  get myFields(): Field[] {
    const me = this.mySignerId
    return this.fields.filter((f) => f.signerId === me && !f.filled).sort(FIELD_ORDER)
  }

  get fieldsByPage(): Map<number, Field[]> {
    const m = new Map<number, Field[]>()
    for (const f of this.fields) {
      if (f.type === 'SIGN_PAGING_SEAL') continue
      const list = m.get(f.page)
      if (list) list.push(f)
      else m.set(f.page, [f])
    }
    return m
  }

  get pagingSealFields(): Field[] {
    return this.fields.filter((f) => f.type === 'SIGN_PAGING_SEAL')
  }

  isMine(f: Field): boolean {
    return f.signerId === this.mySignerId
  }

  /** Values can be changed now. */
  get editable(): boolean {
    return this.phase === 'FILLING' && !this.pending && !!this.contract?.canSign
  }

  signerLabel(signerId: string): string {
    const s = this.contract?.signers.find((x) => x.signerId === signerId)
    return s ? s.maskedName : '其他签署人'
  }

  /** The problem with one of the caller's fields, or null when it is fine. */
  problemOf(f: Field): FieldProblem | null {
    const v = this.values[f.fieldId]
    switch (f.type) {
      case 'SIGN_DATE':
        return null
      case 'SIGN_SIGNATURE':
        return v?.kind === 'SIGN_SIGNATURE' || !f.required
          ? null
          : { code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'EMPTY', message: `请在“${f.label}”处签名` }
      case 'SIGN_SEAL':
      case 'SIGN_PAGING_SEAL':
        return (v?.kind === f.type && v.sealId) || !f.required
          ? null
          : { code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'EMPTY', message: `请为“${f.label}”选择印章` }
      case 'TEXT':
        return checkText(f, v?.kind === 'TEXT' ? v.text : '')
      case 'CHECK_BOX':
        return !f.required || (v?.kind === 'CHECK_BOX' && v.checked)
          ? null
          : { code: 'FIELD_REQUIRED', fieldId: f.fieldId, reason: 'NOT_CHECKED', message: `请勾选“${f.label}”` }
    }
  }

  /** The message to show on a field: once touched, or after trying to submit. */
  fieldError(fieldId: string): string | null {
    const f = this.myFields.find((x) => x.fieldId === fieldId)
    if (!f) return null
    if (!this.touched[fieldId] && !this.showAllErrors) return null
    return this.problemOf(f)?.message ?? null
  }

  /** Fields that still need the signer (SIGN_DATE fills itself), in reading order. */
  get remainingFields(): Field[] {
    return this.myFields.filter((f) => this.problemOf(f) !== null)
  }

  get remainingCount(): number {
    return this.remainingFields.length
  }

  /** Every problem of the current values (the domain's full validation). */
  get problems(): FieldProblem[] {
    const c = this.contract
    if (!c) return []
    return validateSubmission(this.myFields, this.buildValues(), {
      allowSystemSignature: c.options.allowSystemSignature,
      signatureApply: c.options.signatureApply,
      sealTypeOf: (id) => this.seals?.seals.find((s) => s.sealId === id)?.sealType ?? null
    }).problems
  }

  /** The date a SIGN_DATE field will carry (the server stamps its own at submission). */
  dateText(f: Field): string {
    return formatSignDate(this.clock, f.dateFormat ?? 'YYYY年MM月DD日')
  }

  /**
   * Jumps to the next field that needs the signer, after the focused one (wrapping around).
   * Returns it, or null when nothing remains.
   */
  focusNext(): Field | null {
    const list = this.remainingFields
    if (list.length === 0) {
      this.focusedFieldId = null
      return null
    }
    const cur = this.focusedFieldId ? this.myFields.find((f) => f.fieldId === this.focusedFieldId) : null
    const next = (cur && list.find((f) => FIELD_ORDER(f, cur) > 0)) || list[0]
    this.focusField(next)
    return next
  }

  focusField(f: Field): void {
    this.focusedFieldId = f.fieldId
    this.scrollTarget = { page: f.page, y: f.y, seq: ++this.scrollSeq }
  }

  scrollToPage(page: number): void {
    this.scrollTarget = { page, y: 0, seq: ++this.scrollSeq }
  }

  touch(fieldId: string): void {
    this.touched[fieldId] = true
  }

  private refuseEdit(): boolean {
    if (this.editable) return false
    if (this.phase === 'READING' && this.contract?.canSign) this.notice = '请先阅读合同，阅读完成后即可签署'
    else if (this.pending) this.notice = '签署已提交，结果确认中，请先重新提交确认结果'
    return true
  }

  setText(fieldId: string, text: string): void {
    if (this.refuseEdit()) return
    this.values[fieldId] = { kind: 'TEXT', text }
    this.changed()
  }

  toggleCheck(fieldId: string): void {
    if (this.refuseEdit()) return
    const v = this.values[fieldId]
    const checked = !(v?.kind === 'CHECK_BOX' && v.checked)
    this.values[fieldId] = { kind: 'CHECK_BOX', checked }
    this.touched[fieldId] = true
    this.changed()
  }

  dismissNotice(): void {
    this.notice = null
  }

  // ---- signatures

  get signatureFields(): Field[] {
    return this.myFields.filter((f) => f.type === 'SIGN_SIGNATURE')
  }

  /** Before navigating to the pad: which field the result is for. False when editing is not allowed. */
  requestSignature(fieldId: string | null): boolean {
    if (this.refuseEdit()) return false
    this.signatureTarget = this.contract?.options.signatureApply === 'PER_FIELD' ? fieldId ?? this.signatureFields[0]?.fieldId ?? null : null
    this.awaitingSignature = true
    this.flushDraft()
    return true
  }

  /** Called when the reader shows again: takes the pad's accepted signature, once. */
  consumeAcceptedSignature(): boolean {
    const acc = this.sig.accepted
    // Only a signature asked for from this reader (not one left over from elsewhere).
    if (!this.awaitingSignature || !acc || acc.createdAt === this.lastAcceptedAt || !this.contract || !this.editable) return false
    this.awaitingSignature = false
    this.lastAcceptedAt = acc.createdAt
    const applied = this.applySignature(acc, this.signatureTarget)
    try {
      this.sig.clearAccepted()
    } catch {
      // The pad keeps its own state; consumed either way.
    }
    return applied
  }

  /** Applies a signature to one field (PER_FIELD) or to all signature fields (ALL_AT_ONCE). */
  applySignature(sig: AcceptedSignature, fieldId: string | null = null): boolean {
    if (this.refuseEdit()) return false
    if (sig.kind === 'SYSTEM' && !this.contract?.options.allowSystemSignature) {
      this.notice = '本合同要求手写签名，不能使用系统签名'
      return false
    }
    const all = this.contract?.options.signatureApply !== 'PER_FIELD'
    const targets = all || !fieldId ? this.signatureFields : this.signatureFields.filter((f) => f.fieldId === fieldId)
    if (targets.length === 0) return false
    for (const f of targets) {
      this.values[f.fieldId] = { kind: 'SIGN_SIGNATURE', png: sig.png, signatureKind: sig.kind, width: sig.width, height: sig.height }
      this.touched[f.fieldId] = true
    }
    this.signatureTarget = null
    this.changed()
    return true
  }

  /** The name a system signature is set in: the device keeps only the masked verified name. */
  /** The full verified name from the backend (the person's own data; the device keeps only masks). */
  get systemSignatureName(): string {
    return this.contract?.myName ?? ''
  }

  /** The flow allows a system signature: make one from the name and apply it (needs the pad's renderer). */
  async useSystemSignature(fieldId: string | null = null): Promise<boolean> {
    if (this.refuseEdit() || !this.contract?.options.allowSystemSignature) return false
    const name = this.systemSignatureName
    try {
      const sig = await this.sig.makeSystemSignature(name)
      return runInAction(() => this.applySignature(sig, fieldId))
    } catch (e) {
      runInAction(() => {
        this.notice = toServiceError(e).message
      })
      return false
    }
  }

  clearSignature(fieldId: string): void {
    if (this.refuseEdit()) return
    const all = this.contract?.options.signatureApply !== 'PER_FIELD'
    for (const f of all ? this.signatureFields : this.signatureFields.filter((x) => x.fieldId === fieldId)) delete this.values[f.fieldId]
    this.changed()
  }

  // ---- seals

  /** Seals the person may use that the field accepts. */
  sealsFor(fieldId: string): SealInfo[] {
    return this.seals?.seals.filter((s) => s.acceptedBy.includes(fieldId)) ?? []
  }

  sealOf(fieldId: string): SealInfo | null {
    const v = this.values[fieldId]
    if (!v || (v.kind !== 'SIGN_SEAL' && v.kind !== 'SIGN_PAGING_SEAL')) return null
    return this.seals?.seals.find((s) => s.sealId === v.sealId) ?? null
  }

  /** Why no seal can be chosen for a field (null when some can). */
  noSealMessage(fieldId: string): string | null {
    if (!this.seals) return this.sealsError ?? '正在加载可用印章…'
    if (this.sealsFor(fieldId).length > 0) return null
    return this.seals.hint ?? '您暂无可用于该签署区的印章，请联系企业印章管理员为您授权后再签署'
  }

  openSealPicker(fieldId: string): void {
    if (this.refuseEdit()) return
    this.sealPickerFor = fieldId
    this.touched[fieldId] = true
    if (!this.seals) void this.loadSeals()
  }

  closeSealPicker(): void {
    this.sealPickerFor = null
  }

  chooseSeal(fieldId: string, sealId: string): boolean {
    if (this.refuseEdit()) return false
    const f = this.myFields.find((x) => x.fieldId === fieldId)
    if (!f || (f.type !== 'SIGN_SEAL' && f.type !== 'SIGN_PAGING_SEAL')) return false
    if (!this.sealsFor(fieldId).some((s) => s.sealId === sealId)) return false
    this.values[fieldId] = f.type === 'SIGN_SEAL' ? { kind: 'SIGN_SEAL', sealId } : { kind: 'SIGN_PAGING_SEAL', sealId }
    this.touched[fieldId] = true
    this.sealPickerFor = null
    this.changed()
    return true
  }

  // ------------------------------------------------------------------ forced reading

  get forced(): ContractView['options']['forcedReading'] {
    return this.contract?.options.forcedReading ?? null
  }

  /** Seconds of forced reading left (0 when done or not forced). */
  get readingSecondsLeft(): number {
    if (!this.contract || this.contract.reading.satisfied) return 0
    return Math.max(0, Math.ceil((this.readingDeadline - this.clock) / 1000))
  }

  get needsLastPage(): boolean {
    const c = this.contract
    if (!c || c.reading.satisfied) return false
    return !!c.options.forcedReading?.mustReachLastPage && !this.lastPageFetched
  }

  get readingSatisfied(): boolean {
    const c = this.contract
    if (!c) return false
    if (c.reading.satisfied) return true
    return this.readingSecondsLeft === 0 && !this.needsLastPage
  }

  /** What the sign button says while reading is forced. */
  get readingPrompt(): string | null {
    if (this.readingSatisfied) return null
    const left = this.readingSecondsLeft
    if (left > 0 && this.needsLastPage) return `请阅读合同 ${left} 秒并滑动至最后一页`
    if (left > 0) return `请阅读合同 ${left} 秒`
    return '请滑动阅读至合同最后一页'
  }

  /** Advances the countdown clock; opens the gate when reading is done. */
  refreshClock(): void {
    runInAction(() => {
      this.clock = this.now()
      if (this.phase === 'READING' && this.contract?.canSign && this.readingSatisfied) {
        this.fire('READ_DONE')
        this.stopTicker()
      }
    })
  }

  private startTicker(): void {
    this.stopTicker()
    this.ticker = setInterval(() => this.refreshClock(), 1000)
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
  }

  private fire(event: SigningEvent): boolean {
    const r = transition(this.phase, event)
    if (r.ok) this.phase = r.phase
    return r.ok
  }

  // ------------------------------------------------------------------ draft

  private draftKey(): string | null {
    const c = this.contract
    return c ? `${DRAFT_PREFIX}${c.flowId}.${c.mySignerId}` : null
  }

  /** Marks the draft changed; it is written at most once per DRAFT_THROTTLE_MS. */
  private changed(): void {
    this.dirty = true
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      this.flushDraft()
    }, DRAFT_THROTTLE_MS)
  }

  /** Writes the draft now if anything changed (going to the background, leaving, submitting). */
  flushDraft(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer)
      this.saveTimer = null
    }
    if (!this.dirty) return
    this.dirty = false
    const key = this.draftKey()
    const c = this.contract
    if (!key || !c) return
    const empty = Object.keys(this.values).length === 0 && !this.pending
    if (empty) {
      this.storage.remove(key)
      return
    }
    const file: DraftFile = {
      v: 1,
      flowId: c.flowId,
      signerId: c.mySignerId,
      values: this.values,
      pending: this.pending,
      savedAt: this.now()
    }
    try {
      this.storage.set(key, JSON.stringify(file))
    } catch {
      this.notice = '草稿保存失败：设备存储空间不足'
    }
  }

  private restoreDraft(): void {
    const key = this.draftKey()
    const c = this.contract
    if (!key || !c) return
    let file: DraftFile | null = null
    try {
      file = JSON.parse(this.storage.get(key) || 'null') as DraftFile | null
    } catch {
      file = null
    }
    if (!file || file.v !== 1 || file.flowId !== c.flowId || file.signerId !== c.mySignerId) return
    const mine = new Map(this.myFields.map((f) => [f.fieldId, f]))
    const values: Record<string, DraftValue> = {}
    for (const [id, v] of Object.entries(file.values ?? {})) {
      const f = mine.get(id)
      if (f && v && v.kind === f.type) values[id] = v
    }
    this.values = values
    this.pending = file.pending && typeof file.pending.idempotencyKey === 'string' ? file.pending : null
  }

  private discardDraft(): void {
    const key = this.draftKey()
    this.values = {}
    this.pending = null
    this.dirty = false
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    if (key) this.storage.remove(key)
  }

  // ------------------------------------------------------------------ to intent

  /** The values to submit: one per field the signer filled, plus every date field. */
  buildValues(): SubmitValue[] {
    const out: SubmitValue[] = []
    for (const f of this.myFields) {
      const v = this.values[f.fieldId]
      switch (f.type) {
        case 'SIGN_DATE':
          out.push({ fieldId: f.fieldId, kind: 'SIGN_DATE' })
          break
        case 'SIGN_SIGNATURE':
          if (v?.kind === 'SIGN_SIGNATURE') out.push({ fieldId: f.fieldId, kind: 'SIGN_SIGNATURE', png: v.png, signatureKind: v.signatureKind })
          break
        case 'SIGN_SEAL':
          if (v?.kind === 'SIGN_SEAL') out.push({ fieldId: f.fieldId, kind: 'SIGN_SEAL', sealId: v.sealId })
          break
        case 'SIGN_PAGING_SEAL':
          if (v?.kind === 'SIGN_PAGING_SEAL') out.push({ fieldId: f.fieldId, kind: 'SIGN_PAGING_SEAL', sealId: v.sealId })
          break
        case 'TEXT':
          if (v?.kind === 'TEXT' && v.text.trim()) out.push({ fieldId: f.fieldId, kind: 'TEXT', text: v.text.trim() })
          break
        case 'CHECK_BOX':
          out.push({ fieldId: f.fieldId, kind: 'CHECK_BOX', checked: v?.kind === 'CHECK_BOX' && v.checked })
          break
      }
    }
    return out
  }

  /**
   * The sign button: checks reading and every field; when all is well moves on to intent
   * confirmation (the page then navigates). Otherwise shows the errors and jumps to the first
   * field that needs the signer. A pending (unconfirmed) submission goes straight on.
   */
  proceedToIntent(): boolean {
    const c = this.contract
    if (!c) return false
    if (this.phase === 'FAILED' || this.phase === 'CONFIRMING_INTENT') return true
    if (this.phase === 'READING') {
      this.refreshClock()
      if (this.phase === 'READING') {
        this.notice = c.canSign ? this.readingPrompt ?? '请先阅读合同' : c.blockedMessage ?? '当前无法签署'
        return false
      }
    }
    if (this.phase !== 'FILLING') return false
    this.showAllErrors = true
    const problems = this.problems
    if (problems.length > 0) {
      const first = this.myFields.find((f) => f.fieldId === problems[0].fieldId)
      if (first) this.focusField(first)
      this.notice = problems[0].message
      return false
    }
    this.notice = null
    this.fire('FIELDS_DONE')
    this.flushDraft()
    this.resetIntent()
    return true
  }

  /** Leaving the intent page without confirming: back to filling. */
  backFromIntent(): void {
    if (this.phase === 'CONFIRMING_INTENT') this.fire('BACK')
    this.resetIntent()
  }

  // ------------------------------------------------------------------ intent (意愿认证)

  get intentMethods(): IntentMethod[] {
    return this.contract?.options.intentMethods ?? []
  }

  private resetIntent(): void {
    this.intentMethod = null
    this.challenge = null
    this.intentCode = ''
    this.intentPassword = ''
    this.newPassword = ''
    this.newPassword2 = ''
    this.intentError = null
    this.intentBusy = false
  }

  chooseMethod(method: IntentMethod): void {
    if (this.intentMethod === method) return
    this.resetIntent()
    this.intentMethod = method
    this.intentError = null
  }

  setIntentInput(field: 'intentCode' | 'intentPassword' | 'newPassword' | 'newPassword2', value: string): void {
    this[field] = value.replace(/\D/g, '').slice(0, 6)
    this.intentError = null
  }

  /** Seconds until a new SMS code may be asked for. */
  get smsResendIn(): number {
    const t = this.challenge?.sms
    return t ? Math.max(0, Math.ceil((t.resendAt - this.clock) / 1000)) : 0
  }

  /** Starts a challenge for the chosen method (sends the SMS code, asks for the face action, …). */
  async startIntent(): Promise<boolean> {
    const c = this.contract
    const s = this.session.active
    const method = this.intentMethod
    if (!c || !method || this.intentBusy) return false
    if (!s) {
      this.intentError = '登录已过期，请重新验证身份'
      return false
    }
    if (method === 'SMS' && this.smsResendIn > 0) return false
    this.intentBusy = true
    this.intentError = null
    try {
      const ch = await this.service.startIntent({ session: s.token, flowId: c.flowId, method, signerId: c.mySignerId })
      runInAction(() => {
        this.intentBusy = false
        this.challenge = ch
        this.clock = this.now()
        if (ch.passwordSet !== null) this.passwordSet = ch.passwordSet
      })
      return true
    } catch (e) {
      this.intentFailed(toServiceError(e))
      return false
    }
  }

  /** PASSWORD on first use: sets the signing password (entered twice), then starts the challenge. */
  async setPassword(): Promise<boolean> {
    const s = this.session.active
    if (!s || this.intentBusy) return false
    const v = validateSigningPassword(this.newPassword)
    if (!v.ok) {
      this.intentError = v.message
      return false
    }
    if (this.newPassword !== this.newPassword2) {
      this.intentError = '两次输入的签署密码不一致'
      return false
    }
    this.intentBusy = true
    this.intentError = null
    try {
      await this.service.setSigningPassword({ session: s.token, password: this.newPassword })
      runInAction(() => {
        this.intentBusy = false
        this.passwordSet = true
        this.newPassword = this.newPassword2 = ''
      })
      return this.startIntent()
    } catch (e) {
      this.intentFailed(toServiceError(e))
      return false
    }
  }

  /** Answers the challenge; with the grant, submits at once. */
  async confirmIntent(capture?: FaceCapture): Promise<boolean> {
    const c = this.contract
    const s = this.session.active
    const ch = this.challenge
    if (!c || !ch || this.intentBusy) return false
    if (!s) {
      this.intentError = '登录已过期，请重新验证身份'
      return false
    }
    const input: Parameters<InkSealService['confirmIntent']>[0] = { session: s.token, flowId: c.flowId, challengeId: ch.challengeId }
    if (ch.method === 'SMS') {
      const v = validateSmsCode(this.intentCode)
      if (!v.ok) {
        this.intentError = v.message
        return false
      }
      input.smsCode = v.value
    } else if (ch.method === 'PASSWORD') {
      if (!/^\d{6}$/.test(this.intentPassword)) {
        this.intentError = '请输入6位签署密码'
        return false
      }
      input.password = this.intentPassword
    } else {
      if (!capture) return false
      input.capture = capture
    }
    this.intentBusy = true
    this.intentError = null
    try {
      const grant = await this.service.confirmIntent(input)
      runInAction(() => {
        this.intentBusy = false
        this.grant = grant
        this.intentPassword = ''
        this.intentCode = ''
        if (this.phase === 'CONFIRMING_INTENT') this.fire('INTENT_CONFIRMED')
        else if (this.phase === 'FAILED') this.fire('RETRY')
      })
      return this.send()
    } catch (e) {
      this.intentFailed(toServiceError(e))
      return false
    }
  }

  private intentFailed(err: ServiceError): void {
    runInAction(() => {
      this.intentBusy = false
      this.intentError = err.message
      if (err.code === 'INTENT_CHALLENGE_INVALID' || err.code === 'SIGNING_PASSWORD_LOCKED') this.challenge = null
      if (err.code === 'SIGNING_PASSWORD_NOT_SET') {
        this.passwordSet = false
        this.challenge = null
      }
      if (isSessionError(err)) this.session.clear()
    })
  }

  // ------------------------------------------------------------------ submit

  get intentUsable(): boolean {
    return !!this.grant && this.grant.expiresAt > this.now()
  }

  /**
   * Sends the submission. The idempotency key is made once per attempt and written to the
   * draft BEFORE the request goes out, so a retry (also after a restart) uses the same key and
   * the same values: the backend then answers with the first result instead of signing twice.
   */
  private async send(): Promise<boolean> {
    const c = this.contract
    const s = this.session.active
    if (!c || !s || this.submitting) return false
    if (this.phase !== 'SUBMITTING') return false
    let pending = this.pending
    const token = this.grant && this.grant.expiresAt > this.now() ? this.grant.intentToken : pending?.intentToken && pending.intentExpiresAt > this.now() ? pending.intentToken : null
    if (!token) {
      this.phase = 'FAILED'
      this.fire('REAUTH')
      this.intentError = '意愿认证已失效，请重新认证'
      return false
    }
    if (!pending) {
      pending = {
        idempotencyKey: randomKey(this.now()),
        values: this.buildValues(),
        intentToken: token,
        intentExpiresAt: this.grant?.expiresAt ?? 0,
        sentAt: this.now()
      }
    } else {
      pending = { ...pending, intentToken: token, intentExpiresAt: this.grant?.intentToken === token ? this.grant.expiresAt : pending.intentExpiresAt, sentAt: this.now() }
    }
    this.pending = pending
    this.dirty = true
    this.flushDraft() // the key is on the device before the request leaves
    this.submitting = true
    this.submitError = null
    try {
      const res = await this.service.submitSigning({
        session: s.token,
        flowId: c.flowId,
        signerId: c.mySignerId,
        intentToken: token,
        idempotencyKey: pending.idempotencyKey,
        values: pending.values
      })
      runInAction(() => this.signed(res))
      return true
    } catch (e) {
      const err = toServiceError(e)
      if (err.code === 'ALREADY_SIGNED') {
        // Signed before (e.g. by an attempt whose answer was lost): the signature stands, once.
        runInAction(() => {
          this.submitting = false
          this.fire('SUBMIT_OK')
          this.grant = null
          this.discardDraft()
        })
        await this.refreshContract()
        return true
      }
      runInAction(() => this.submitFailed(err))
      return false
    }
  }

  private signed(res: SubmitResult): void {
    this.submitting = false
    this.result = res
    this.grant = null
    this.fire('SUBMIT_OK')
    this.discardDraft()
    if (this.contract) {
      this.contract = { ...this.contract, myStatus: 'SIGNED', canSign: false, status: res.flowStatus, signers: res.signers }
    }
    this.status = {
      flowId: res.flowId,
      status: res.flowStatus,
      revision: res.revision,
      documentHash: res.documentHash,
      signers: res.signers,
      mySignerId: res.signerId,
      nextAutoSignAt: null
    }
  }

  private submitFailed(err: ServiceError): void {
    this.submitting = false
    const retryable = err.transient
    const reauth = REAUTH_CODES.has(err.code)
    const fix = !retryable && !reauth && FIX_CODES.has(err.code)
    this.submitError = { code: err.code, message: err.message, retryable, fix, reauth }
    this.fire('SUBMIT_FAILED')
    if (retryable) {
      // Outcome unknown: keep the key and the values for the retry.
      return
    }
    if (reauth) {
      // Not committed (the token was refused): same key and values after a new confirmation.
      this.grant = null
      if (this.pending) this.pending = { ...this.pending, intentToken: null, intentExpiresAt: 0 }
      this.dirty = true
      this.flushDraft()
      this.fire('REAUTH')
      this.resetIntent()
      this.intentError = '意愿认证已失效，请重新认证'
      return
    }
    // Refused for good: nothing was committed, a corrected request gets a new key.
    this.pending = null
    this.grant = null
    this.dirty = true
    this.flushDraft()
    if (isSessionError(err)) {
      this.session.clear()
      this.fire('CLOSE')
      this.load = { kind: 'needsVerification', message: err.message }
      return
    }
    if (CLOSED_CODES.has(err.code)) {
      this.fire('CLOSE')
      void this.refreshContract()
      return
    }
    if (fix) {
      this.fire('FIX')
      this.showAllErrors = true
      const id = typeof err.details.fieldId === 'string' ? err.details.fieldId : null
      const f = id ? this.myFields.find((x) => x.fieldId === id) : null
      if (f) this.focusField(f)
      if (err.code === 'READING_INCOMPLETE') {
        this.phase = 'READING'
        void this.refreshContract().then(() => this.startTicker())
      }
      return
    }
    // NOT_YOUR_TURN, FORBIDDEN, …: cannot sign now.
    this.fire('FIX')
  }

  /** Retry after a failure: the same key and values (transient), or a new confirmation when needed. */
  async retrySubmit(): Promise<boolean> {
    if (this.phase !== 'FAILED') return false
    if (!this.intentUsable && !(this.pending?.intentToken && this.pending.intentExpiresAt > this.now())) {
      this.fire('REAUTH')
      this.resetIntent()
      this.intentError = '请重新完成意愿认证后提交'
      return false
    }
    this.fire('RETRY')
    return this.send()
  }

  // ------------------------------------------------------------------ decline (拒签)

  get canDecline(): boolean {
    const c = this.contract
    return !!c && c.canSign && c.options.allowDecline && (this.phase === 'READING' || this.phase === 'FILLING') && !this.pending
  }

  get declineProblem(): string | null {
    const n = [...this.declineReason.trim()].length
    if (n === 0) return '请填写拒签原因'
    if (n < DECLINE_MIN) return `拒签原因至少${DECLINE_MIN}个字`
    if (n > DECLINE_MAX) return `拒签原因最多${DECLINE_MAX}个字`
    return null
  }

  openDecline(open = true): void {
    this.declineOpen = open && this.canDecline
    this.declineError = null
    this.declineTouched = false
  }

  setDeclineReason(text: string): void {
    this.declineReason = text
    this.declineError = null
  }

  async decline(): Promise<boolean> {
    const c = this.contract
    const s = this.session.active
    this.declineTouched = true
    if (!c || !this.canDecline || this.declining) return false
    if (this.declineProblem) return false
    if (!s) {
      this.declineError = '登录已过期，请重新验证身份'
      return false
    }
    this.declining = true
    try {
      await this.service.declineSigning({ session: s.token, flowId: c.flowId, signerId: c.mySignerId, reason: this.declineReason.trim() })
      runInAction(() => {
        this.declining = false
        this.declineOpen = false
        this.fire('DECLINE')
        this.discardDraft()
      })
      await this.refreshContract()
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.declining = false
        this.declineError = err.message
        if (isSessionError(err)) this.session.clear()
      })
      return false
    }
  }

  // ------------------------------------------------------------------ result (polled)

  /** Signer statuses, newest known. */
  get signers() {
    return this.status?.signers ?? this.contract?.signers ?? []
  }

  get flowStatus() {
    return this.status?.status ?? this.contract?.status ?? null
  }

  get closedMessage(): string | null {
    const st = this.flowStatus
    return st && st !== 'SIGNING' ? CLOSED_FLOW_MESSAGE[st] : null
  }

  async pollStatus(): Promise<void> {
    const s = this.session.active
    const flowId = this.flowId
    if (!s || !flowId) return
    try {
      const st = await this.service.getSigningStatus({ session: s.token, flowId })
      const stale = runInAction(() => {
        if (flowId !== this.flowId) return false
        this.status = st
        this.statusError = null
        return !!this.contract && st.revision !== this.contract.revision
      })
      if (stale) await this.refreshContract()
      // A finished flow does not change any more.
      if (st.status !== 'SIGNING') this.stopPolling()
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.statusError = err.message
        if (isSessionError(err)) {
          this.session.clear()
          this.stopPolling()
        }
      })
    }
  }

  /** Polls every 2 s while the result page is visible. */
  startPolling(): void {
    this.stopPolling()
    void this.pollStatus()
    this.pollTimer = setInterval(() => {
      if (this.polling) return
      this.polling = true
      void this.pollStatus().finally(() => {
        this.polling = false
      })
    }, POLL_MS)
  }

  stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
    this.polling = false
  }

  // ------------------------------------------------------------------ audit

  async loadAudit(): Promise<void> {
    const s = this.session.active
    const flowId = this.flowId
    if (!s || !flowId) return
    this.auditLoading = true
    try {
      const audit = await this.service.getAuditTrail({ session: s.token, flowId })
      runInAction(() => {
        this.audit = audit
        this.auditError = null
        this.auditLoading = false
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.auditError = err.message
        this.auditLoading = false
      })
    }
  }

  /** 验证文件完整性: the backend recomputes the document hash from the stored content. */
  async verifyDocument(): Promise<boolean> {
    const s = this.session.active
    const flowId = this.flowId
    if (!s || !flowId || this.verifyBusy) return false
    this.verifyBusy = true
    this.verifyError = null
    try {
      const v = await this.service.verifyDocument({ session: s.token, flowId })
      runInAction(() => {
        this.verification = v
        this.verifyBusy = false
      })
      return v.match
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.verifyError = err.message
        this.verifyBusy = false
      })
      return false
    }
  }

  /** Leaving the reader: write the draft, stop the clocks. */
  leave(): void {
    this.flushDraft()
    this.stopTicker()
    this.stopPolling()
  }

  /** Stops every timer (tests, sign-out). */
  dispose(): void {
    this.leave()
  }
}
