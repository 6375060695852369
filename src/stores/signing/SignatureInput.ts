import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { Field } from '@/services/types'
import type { FieldDraft } from './FieldDraft'
import type { SigningCore } from './SigningCore'
import type { AcceptedSignature, SignaturePort } from './types'

/**
 * Signature fields: the trip to the signature pad and back (its accepted signature taken once),
 * PER_FIELD or ALL_AT_ONCE application, and the system signature where the flow allows it.
 */
export class SignatureInput {
  /** Signature field waiting for the pad's result (null with ALL_AT_ONCE: every field) */
  signatureTarget: string | null = null
  /** The pad was opened from this reader: its next accepted signature is for us */
  awaitingSignature = false
  private lastAcceptedAt: number | null = null

  constructor(
    private readonly core: SigningCore,
    private readonly draft: FieldDraft,
    private readonly pad: SignaturePort
  ) {
    makeAutoObservable<SignatureInput, 'core' | 'draft' | 'pad' | 'lastAcceptedAt'>(
      this,
      { core: false, draft: false, pad: false, lastAcceptedAt: false },
      { autoBind: true }
    )
  }

  reset(): void {
    this.signatureTarget = null
    this.awaitingSignature = false
  }

  get signatureFields(): Field[] {
    return this.draft.myFields.filter((f) => f.type === 'SIGN_SIGNATURE')
  }

  private get perField(): boolean {
    return this.core.contract?.options.signatureApply === 'PER_FIELD'
  }

  /** Before navigating to the pad: which field the result is for. False when editing is not allowed. */
  requestSignature(fieldId: string | null): boolean {
    if (this.draft.refuseEdit()) return false
    this.signatureTarget = this.perField ? (fieldId ?? this.signatureFields[0]?.fieldId ?? null) : null
    this.awaitingSignature = true
    this.draft.flushDraft()
    return true
  }

  /** Called when the reader shows again: takes the pad's accepted signature, once. */
  consumeAcceptedSignature(): boolean {
    const acc = this.pad.accepted
    // Only a signature asked for from this reader (not one left over from elsewhere).
    if (!this.awaitingSignature || !acc || acc.createdAt === this.lastAcceptedAt || !this.core.contract || !this.draft.editable) return false
    this.awaitingSignature = false
    this.lastAcceptedAt = acc.createdAt
    const applied = this.applySignature(acc, this.signatureTarget)
    try {
      this.pad.clearAccepted()
    } catch {
      // The pad keeps its own state; consumed either way.
    }
    return applied
  }

  /** Applies a signature to one field (PER_FIELD) or to all signature fields (ALL_AT_ONCE). */
  applySignature(sig: AcceptedSignature, fieldId: string | null = null): boolean {
    if (this.draft.refuseEdit()) return false
    if (sig.kind === 'SYSTEM' && !this.core.contract?.options.allowSystemSignature) {
      this.draft.notice = '本合同要求手写签名，不能使用系统签名'
      return false
    }
    const targets = !this.perField || !fieldId ? this.signatureFields : this.signatureFields.filter((f) => f.fieldId === fieldId)
    if (targets.length === 0) return false
    for (const f of targets) {
      this.draft.put(f.fieldId, { kind: 'SIGN_SIGNATURE', png: sig.png, signatureKind: sig.kind, width: sig.width, height: sig.height }, true)
    }
    this.signatureTarget = null
    this.draft.changed()
    return true
  }

  /** The full verified name from the backend (the person's own data; the device keeps only masks). */
  get systemSignatureName(): string {
    return this.core.contract?.myName ?? ''
  }

  /** The flow allows a system signature: make one from the name and apply it (needs the pad's renderer). */
  async useSystemSignature(fieldId: string | null = null): Promise<boolean> {
    if (this.draft.refuseEdit() || !this.core.contract?.options.allowSystemSignature) return false
    try {
      const sig = await this.pad.makeSystemSignature(this.systemSignatureName)
      return runInAction(() => this.applySignature(sig, fieldId))
    } catch (e) {
      runInAction(() => {
        this.draft.notice = toServiceError(e).message
      })
      return false
    }
  }

  clearSignature(fieldId: string): void {
    if (this.draft.refuseEdit()) return
    for (const f of this.perField ? this.signatureFields.filter((x) => x.fieldId === fieldId) : this.signatureFields) this.draft.put(f.fieldId, null)
    this.draft.changed()
  }
}
