import { makeAutoObservable } from 'mobx'
import { checkText, formatSignDate, validateSubmission, type FieldProblem } from '@/domain/contract'
import type { Field, SealType, SubmitValue } from '@/services/types'
import type { ReadingClock } from './ReadingClock'
import type { SigningCore } from './SigningCore'
import { DRAFT_PREFIX, DRAFT_THROTTLE_MS, FIELD_ORDER, type DraftFile, type DraftValue, type PendingSubmit, type ScrollTarget } from './types'

/**
 * The signer's fields and values: reading order, validation (the domain's), the jump to the
 * next field that needs the signer, and the draft kept on the device (values and the pending
 * submission), written at most every DRAFT_THROTTLE_MS and at once on `flushDraft`.
 */
export class FieldDraft {
  values: Record<string, DraftValue> = {}
  pending: PendingSubmit | null = null
  /** Fields the signer has interacted with (their errors show); all once they try to submit */
  touched: Record<string, boolean> = {}
  showAllErrors = false
  focusedFieldId: string | null = null
  scrollTarget: ScrollTarget | null = null
  notice: string | null = null

  private scrollSeq = 0
  private saveTimer: ReturnType<typeof setTimeout> | null = null
  private dirty = false

  constructor(
    private readonly core: SigningCore,
    private readonly clock: ReadingClock,
    private readonly sealTypeOf: (sealId: string) => SealType | null
  ) {
    makeAutoObservable<FieldDraft, 'core' | 'clock' | 'sealTypeOf' | 'scrollSeq' | 'saveTimer' | 'dirty'>(
      this,
      { core: false, clock: false, sealTypeOf: false, scrollSeq: false, saveTimer: false, dirty: false },
      { autoBind: true }
    )
  }

  /** A new flow: nothing entered (the previous flow's draft is written first). */
  reset(): void {
    this.flushDraft()
    this.values = {}
    this.pending = null
    this.touched = {}
    this.showAllErrors = false
    this.focusedFieldId = null
    this.scrollTarget = null
    this.notice = null
  }

  // ------------------------------------------------------------------ fields

  get fields(): Field[] {
    return this.core.contract?.fields ?? []
  }

  /** The caller's fields still to fill (not committed), in reading order. */
  get myFields(): Field[] {
    const me = this.core.mySignerId
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
    return f.signerId === this.core.mySignerId
  }

  /** Values can be changed now. */
  get editable(): boolean {
    return this.core.phase === 'FILLING' && !this.pending && !!this.core.contract?.canSign
  }

  signerLabel(signerId: string): string {
    const s = this.core.contract?.signers.find((x) => x.signerId === signerId)
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
    const c = this.core.contract
    if (!c) return []
    return validateSubmission(this.myFields, this.buildValues(), {
      allowSystemSignature: c.options.allowSystemSignature,
      signatureApply: c.options.signatureApply,
      sealTypeOf: this.sealTypeOf
    }).problems
  }

  /** The date a SIGN_DATE field will carry (the server stamps its own at submission). */
  dateText(f: Field): string {
    return formatSignDate(this.clock.clock, f.dateFormat ?? 'YYYY年MM月DD日')
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

  /** True (with a notice saying why) when values cannot be changed now. */
  refuseEdit(): boolean {
    if (this.editable) return false
    if (this.core.phase === 'READING' && this.core.contract?.canSign) this.notice = '请先阅读合同，阅读完成后即可签署'
    else if (this.pending) this.notice = '签署已提交，结果确认中，请先重新提交确认结果'
    return true
  }

  /** Sets (or, with null, removes) a value the signer entered; the draft is written soon. */
  put(fieldId: string, value: DraftValue | null, touch = false): void {
    if (value) this.values[fieldId] = value
    else delete this.values[fieldId]
    if (touch) this.touched[fieldId] = true
  }

  setText(fieldId: string, text: string): void {
    if (this.refuseEdit()) return
    this.put(fieldId, { kind: 'TEXT', text })
    this.changed()
  }

  toggleCheck(fieldId: string): void {
    if (this.refuseEdit()) return
    const v = this.values[fieldId]
    this.put(fieldId, { kind: 'CHECK_BOX', checked: !(v?.kind === 'CHECK_BOX' && v.checked) }, true)
    this.changed()
  }

  dismissNotice(): void {
    this.notice = null
  }

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

  // ------------------------------------------------------------------ the draft on the device

  private draftKey(): string | null {
    const c = this.core.contract
    return c ? `${DRAFT_PREFIX}${c.flowId}.${c.mySignerId}` : null
  }

  /** Marks the draft changed; it is written at most once per DRAFT_THROTTLE_MS. */
  changed(): void {
    this.dirty = true
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      this.flushDraft()
    }, DRAFT_THROTTLE_MS)
  }

  /** Keeps (or drops) the submission being sent and writes the draft at once. */
  keepPending(pending: PendingSubmit | null): void {
    this.pending = pending
    this.dirty = true
    this.flushDraft()
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
    const c = this.core.contract
    if (!key || !c) return
    const empty = Object.keys(this.values).length === 0 && !this.pending
    if (empty) {
      this.core.storage.remove(key)
      return
    }
    const file: DraftFile = { v: 1, flowId: c.flowId, signerId: c.mySignerId, values: this.values, pending: this.pending, savedAt: this.core.now() }
    try {
      this.core.storage.set(key, JSON.stringify(file))
    } catch {
      this.notice = '草稿保存失败：设备存储空间不足'
    }
  }

  /** Takes the draft kept for the contract shown: values of the signer's own fields only. */
  restoreDraft(): void {
    const key = this.draftKey()
    const c = this.core.contract
    if (!key || !c) return
    let file: DraftFile | null = null
    try {
      file = JSON.parse(this.core.storage.get(key) || 'null') as DraftFile | null
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

  /** The contract has an outcome: nothing left to keep. */
  discardDraft(): void {
    const key = this.draftKey()
    this.values = {}
    this.pending = null
    this.dirty = false
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    if (key) this.core.storage.remove(key)
  }
}
