import { makeAutoObservable, runInAction } from 'mobx'
import { isWaiting } from '@/domain/contract/machine'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { SubmitResult } from '@/services/types'
import type { FieldDraft } from './FieldDraft'
import type { IntentStore } from './IntentStore'
import type { ReadingClock } from './ReadingClock'
import type { ResultPolling } from './ResultPolling'
import type { SigningCore } from './SigningCore'
import { CLOSED_CODES, FIX_CODES, isSessionError, randomKey, REAUTH_CODES, type PendingSubmit, type SubmitFailure } from './types'

const REAUTH_MESSAGE = '意愿认证已失效，请重新认证'

/**
 * From the filled fields to a signature that stands, exactly once: the sign button's checks,
 * then the submission with an idempotency key made once per attempt and kept (with the exact
 * values) on the device before the request leaves; retried with the same key after a transient
 * failure or a restart, dropped after a definitive refusal.
 */
export class Submission {
  submitting = false
  submitError: SubmitFailure | null = null
  result: SubmitResult | null = null

  constructor(
    private readonly core: SigningCore,
    private readonly draft: FieldDraft,
    private readonly intent: IntentStore,
    private readonly clock: ReadingClock,
    private readonly polling: ResultPolling,
    private readonly reload: () => Promise<void>
  ) {
    makeAutoObservable<Submission, 'core' | 'draft' | 'intent' | 'clock' | 'polling' | 'reload'>(
      this,
      { core: false, draft: false, intent: false, clock: false, polling: false, reload: false },
      { autoBind: true }
    )
  }

  reset(): void {
    this.submitError = null
    this.result = null
  }

  /** Reopened with a submission whose answer never came: it is to be sent again, same key. */
  unconfirmed(): void {
    this.submitError = {
      code: 'UNCONFIRMED',
      message: '上次提交签署时网络中断，结果未确认。请重新提交（不会重复签署）。',
      retryable: true,
      fix: false,
      reauth: false
    }
  }

  /**
   * The sign button: checks reading and every field; when all is well moves on to intent
   * confirmation (the page then navigates). Otherwise shows the errors and jumps to the first
   * field that needs the signer. A pending (unconfirmed) submission goes straight on.
   */
  proceedToIntent(): boolean {
    const c = this.core.contract
    const draft = this.draft
    if (!c) return false
    if (this.core.phase === 'FAILED' || this.core.phase === 'CONFIRMING_INTENT') return true
    if (this.core.phase === 'READING') {
      this.clock.refreshClock()
      if (this.core.phase === 'READING') {
        draft.notice = c.canSign ? (this.clock.readingPrompt ?? '请先阅读合同') : (c.blockedMessage ?? '当前无法签署')
        // waiting for a turn or the meeting's start: ask again, so that the next tap can go on
        if (!c.canSign && isWaiting(c.blockedReason)) void this.reload()
        return false
      }
    }
    if (this.core.phase !== 'FILLING') return false
    draft.showAllErrors = true
    const problems = draft.problems
    if (problems.length > 0) {
      const first = draft.myFields.find((f) => f.fieldId === problems[0].fieldId)
      if (first) draft.focusField(first)
      draft.notice = problems[0].message
      return false
    }
    draft.notice = null
    this.core.fire('FIELDS_DONE')
    draft.flushDraft()
    this.intent.resetIntent()
    return true
  }

  /** Leaving the intent page without confirming: back to filling. */
  backFromIntent(): void {
    if (this.core.phase === 'CONFIRMING_INTENT') this.core.fire('BACK')
    this.intent.resetIntent()
  }

  /** Intent was confirmed (IntentStore.confirmIntent): submit with the new grant. */
  granted(): Promise<boolean> {
    if (this.core.phase === 'CONFIRMING_INTENT') this.core.fire('INTENT_CONFIRMED')
    else if (this.core.phase === 'FAILED') this.core.fire('RETRY')
    return this.send()
  }

  /** The intent token to send: the grant's, else the pending attempt's while still valid. */
  private usableToken(pending: PendingSubmit | null): string | null {
    const now = this.core.now()
    const grant = this.intent.grant
    if (grant && grant.expiresAt > now) return grant.intentToken
    return pending?.intentToken && pending.intentExpiresAt > now ? pending.intentToken : null
  }

  /**
   * Sends the submission. The idempotency key is made once per attempt and written to the
   * draft BEFORE the request goes out, so a retry (also after a restart) uses the same key and
   * the same values: the backend then answers with the first result instead of signing twice.
   */
  private async send(): Promise<boolean> {
    const c = this.core.contract
    const token = this.core.token
    if (!c || !token || this.submitting) return false
    if (this.core.phase !== 'SUBMITTING') return false
    let pending = this.draft.pending
    const intentToken = this.usableToken(pending)
    const grant = this.intent.grant
    if (!intentToken) {
      this.core.fire('SUBMIT_FAILED')
      this.core.fire('REAUTH')
      this.intent.intentError = REAUTH_MESSAGE
      return false
    }
    const now = this.core.now()
    if (!pending) {
      pending = { idempotencyKey: randomKey(now), values: this.draft.buildValues(), intentToken, intentExpiresAt: grant?.expiresAt ?? 0, sentAt: now }
    } else {
      pending = { ...pending, intentToken, intentExpiresAt: grant?.intentToken === intentToken ? grant.expiresAt : pending.intentExpiresAt, sentAt: now }
    }
    this.draft.keepPending(pending) // the key is on the device before the request leaves
    this.submitting = true
    this.submitError = null
    try {
      const res = await this.core.service.submitSigning({
        session: token,
        flowId: c.flowId,
        signerId: c.mySignerId,
        intentToken,
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
          this.core.fire('SUBMIT_OK')
          this.intent.grant = null
          this.draft.discardDraft()
        })
        await this.reload()
        return true
      }
      runInAction(() => this.submitFailed(err))
      return false
    }
  }

  private signed(res: SubmitResult): void {
    this.submitting = false
    this.result = res
    this.intent.grant = null
    this.core.fire('SUBMIT_OK')
    this.draft.discardDraft()
    const c = this.core.contract
    if (c) this.core.contract = { ...c, myStatus: 'SIGNED', canSign: false, status: res.flowStatus, signers: res.signers }
    this.polling.signed(res)
  }

  private submitFailed(err: ServiceError): void {
    this.submitting = false
    const retryable = err.transient
    const reauth = REAUTH_CODES.has(err.code)
    const fix = !retryable && !reauth && FIX_CODES.has(err.code)
    this.submitError = { code: err.code, message: err.message, retryable, fix, reauth }
    this.core.fire('SUBMIT_FAILED')
    if (retryable) {
      // Outcome unknown: keep the key and the values for the retry.
      return
    }
    this.intent.grant = null
    const pending = this.draft.pending
    if (reauth) {
      // Not committed (the token was refused): same key and values after a new confirmation.
      this.draft.keepPending(pending ? { ...pending, intentToken: null, intentExpiresAt: 0 } : null)
      this.core.fire('REAUTH')
      this.intent.askAgain(REAUTH_MESSAGE)
      return
    }
    // Refused for good: nothing was committed, a corrected request gets a new key.
    this.draft.keepPending(null)
    if (isSessionError(err)) {
      this.core.session.clear()
      this.core.fire('CLOSE')
      this.core.load = { kind: 'needsVerification', message: err.message }
      return
    }
    if (CLOSED_CODES.has(err.code)) {
      this.core.fire('CLOSE')
      void this.reload()
      return
    }
    // A value was refused (back to the fields), or NOT_YOUR_TURN, FORBIDDEN, …: cannot sign now.
    this.core.fire('FIX')
    if (!fix) return
    this.draft.showAllErrors = true
    const id = typeof err.details.fieldId === 'string' ? err.details.fieldId : null
    const f = id ? this.draft.myFields.find((x) => x.fieldId === id) : null
    if (f) this.draft.focusField(f)
    if (err.code === 'READING_INCOMPLETE') {
      this.core.fire('REREAD')
      void this.reload().then(() => this.clock.startTicker())
    }
  }

  /** Retry after a failure: the same key and values (transient), or a new confirmation when needed. */
  async retrySubmit(): Promise<boolean> {
    if (this.core.phase !== 'FAILED') return false
    if (!this.usableToken(this.draft.pending)) {
      this.core.fire('REAUTH')
      this.intent.askAgain('请重新完成意愿认证后提交')
      return false
    }
    this.core.fire('RETRY')
    return this.send()
  }
}
