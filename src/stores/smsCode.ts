import { makeAutoObservable, runInAction } from 'mobx'
import { validateSmsCode } from '@/domain/identity'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { SmsTicket } from '@/services/types'
import type { Clock } from './clock'
import { heldTicket, resendSeconds } from './smsResend'

export type SendOutcome = { ok: true; ticket: SmsTicket } | { ok: false; error: ServiceError | null }

/**
 * One SMS code being asked for and typed: the ticket of the last code sent, the resend
 * countdown on an observable clock (its ticker runs while counting), the SMS_TOO_FREQUENT hold
 * (`retryAfterMs`), and the code input with its message. Used by VerifyStore and
 * LegalRepAuthorizeStore (and the operator's own legal-representative code).
 */
export class SmsCode {
  ticket: SmsTicket | null = null
  code = ''
  /** A message for the code (the backend's, or the caller's) */
  error: string | null = null
  touched = false
  sending = false

  constructor(readonly clock: Clock) {
    makeAutoObservable(this, { clock: false })
  }

  /** Seconds until a new code may be asked for; 0 when allowed or nothing was sent. */
  get resendIn(): number {
    return resendSeconds(this.ticket, this.clock.time)
  }

  get validation() {
    return validateSmsCode(this.code)
  }

  /** The message under the code field: the error, or a local one once touched. */
  get message(): string | null {
    if (this.error) return this.error
    const v = this.validation
    return this.touched && !v.ok ? v.message : null
  }

  setCode(v: string): void {
    this.code = v
    this.error = null
  }

  touch(): void {
    this.touched = true
  }

  fail(message: string | null): void {
    this.error = message
  }

  /**
   * Asks for a code (not while counting down or sending: `{ ok: false, error: null }`). On
   * SMS_TOO_FREQUENT with `retryAfterMs` the countdown shows the backend's wait, unless
   * `hold` is false. Leaves messages to the caller.
   */
  async send(request: () => Promise<SmsTicket>, hold = true): Promise<SendOutcome> {
    this.clock.tick()
    if (this.sending || this.resendIn > 0) return { ok: false, error: null }
    this.sending = true
    try {
      const ticket = await request()
      runInAction(() => {
        this.sending = false
        this.ticket = ticket
      })
      this.clock.tickWhile(() => this.resendIn > 0)
      return { ok: true, ticket }
    } catch (e) {
      const err = toServiceError(e)
      const held = hold ? heldTicket(err, this.ticket, this.clock.now()) : null
      runInAction(() => {
        this.sending = false
        if (held) this.ticket = held
      })
      if (held) this.clock.tickWhile(() => this.resendIn > 0)
      return { ok: false, error: err }
    }
  }

  /** Forgets the code and the ticket. */
  clear(): void {
    this.ticket = null
    this.code = ''
    this.error = null
    this.touched = false
  }
}
