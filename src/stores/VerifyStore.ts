import { makeAutoObservable, runInAction } from 'mobx'
import { validateMobile, validatePersonName, validateResidentId } from '@/domain/identity'
import { toServiceError } from '@/services/errors'
import type { FaceCapture, InkSealService, SmsTicket } from '@/services/types'
import type { SessionStore } from './SessionStore'
import { Clock } from './clock'
import { FormState } from './form'
import { SmsCode } from './smsCode'

export type VerifyField = 'name' | 'idNumber' | 'mobile' | 'smsCode'
export type VerifyStep = 'form' | 'face' | 'done'
type IdentityField = Exclude<VerifyField, 'smsCode'>
const IDENTITY_FIELDS: readonly IdentityField[] = ['name', 'idNumber', 'mobile']

/**
 * Real-name verification: name + resident ID + mobile, a 6-digit SMS code, then a face step.
 * The full ID and mobile live only in memory while the form is open and are cleared when done.
 */
export class VerifyStore {
  formError: string | null = null
  step: VerifyStep = 'form'
  busy = false
  verificationId: string | null = null
  maskedName = ''
  faceError: string | null = null
  readonly clock: Clock
  /** Name, resident ID, mobile: values, touched marks, the backend's messages (form helper) */
  readonly identity: FormState<IdentityField>
  /** The SMS code: ticket, resend countdown, input */
  readonly sms: SmsCode

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    now: () => number
  ) {
    this.clock = new Clock(now)
    this.sms = new SmsCode(this.clock)
    this.identity = new FormState<IdentityField>(
      IDENTITY_FIELDS,
      () => ({ name: '', idNumber: '', mobile: '' }),
      () => {
        const v = this.validation
        return { name: v.name.ok ? null : v.name.message, idNumber: v.idNumber.ok ? null : v.idNumber.message, mobile: v.mobile.ok ? null : v.mobile.message }
      }
    )
    makeAutoObservable<VerifyStore, 'service' | 'session'>(this, {
      service: false,
      session: false,
      clock: false,
      identity: false,
      sms: false
    })
  }

  get name(): string {
    return this.identity.values.name
  }

  get idNumber(): string {
    return this.identity.values.idNumber
  }

  get mobile(): string {
    return this.identity.values.mobile
  }

  get smsCode(): string {
    return this.sms.code
  }

  get ticket(): SmsTicket | null {
    return this.sms.ticket
  }

  get sending(): boolean {
    return this.sms.sending
  }

  get validation() {
    return {
      name: validatePersonName(this.name),
      idNumber: validateResidentId(this.idNumber, this.clock.time),
      mobile: validateMobile(this.mobile),
      smsCode: this.sms.validation
    }
  }

  /** The message to show under a field: a backend error, or a local one once touched. */
  error(field: VerifyField): string | null {
    if (field === 'smsCode') return this.sms.message
    return this.identity.errors[field] ?? null
  }

  get identityValid(): boolean {
    return this.identity.valid
  }

  /** Seconds until a new code may be asked for; 0 when allowed. */
  get resendIn(): number {
    return this.sms.resendIn
  }

  get canSubmit(): boolean {
    return this.identityValid && this.validation.smsCode.ok && !!this.ticket && !this.busy
  }

  setField(field: VerifyField, value: string): void {
    if (field === 'smsCode') this.sms.setCode(value)
    else this.identity.set(field, value)
    this.formError = null
  }

  touch(field: VerifyField): void {
    if (field === 'smsCode') this.sms.touch()
    else this.identity.touch(field)
  }

  /** Advances the clock used for countdowns (called by the ticker, or by tests). */
  refreshClock(): void {
    this.clock.tick()
  }

  async sendCode(): Promise<boolean> {
    this.identity.touchAll()
    this.refreshClock()
    if (!this.identityValid || this.sending || this.resendIn > 0) return false
    this.formError = null
    const mobile = (this.validation.mobile as { value: string }).value
    const r = await this.sms.send(() => this.service.sendSmsCode({ mobile, purpose: 'REAL_NAME' }))
    if (r.ok) return true
    const err = r.error
    if (err) {
      runInAction(() => {
        if (err.code === 'INVALID_INPUT' && err.details.field === 'mobile') this.identity.fieldError(err, () => 'mobile')
        else this.formError = err.message
      })
    }
    return false
  }

  async submit(): Promise<boolean> {
    this.identity.touchAll()
    this.sms.touch()
    this.refreshClock()
    if (!this.ticket) {
      this.formError = this.identityValid ? '请先获取短信验证码' : null
      return false
    }
    if (!this.canSubmit) return false
    this.busy = true
    this.formError = null
    const v = this.validation
    try {
      const res = await this.service.verifyRealName({
        name: (v.name as { value: string }).value,
        idNumber: (v.idNumber as { value: { id: string } }).value.id,
        mobile: (v.mobile as { value: string }).value,
        smsCode: (v.smsCode as { value: string }).value
      })
      runInAction(() => {
        this.busy = false
        this.verificationId = res.verificationId
        this.maskedName = res.maskedName
        this.step = 'face'
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        if (
          err.code === 'SMS_CODE_WRONG' ||
          err.code === 'SMS_CODE_EXPIRED' ||
          err.code === 'SMS_CODE_MISSING' ||
          (err.code === 'INVALID_INPUT' && err.details.field === 'smsCode')
        ) {
          this.sms.fail(err.message)
        } else if (err.code === 'INVALID_INPUT' && typeof err.details.field === 'string') {
          this.identity.fieldError(err, (e) => e.details.field as IdentityField)
        } else {
          this.formError = err.message
        }
      })
      return false
    }
  }

  /** Sends the liveness capture; on success the session is stored and the form is wiped. */
  async completeFace(capture: FaceCapture): Promise<boolean> {
    if (!this.verificationId || this.busy) return false
    this.busy = true
    this.faceError = null
    try {
      const info = await this.service.completeFace({ verificationId: this.verificationId, capture })
      this.session.set(info)
      runInAction(() => {
        this.busy = false
        this.step = 'done'
        this.wipe()
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        this.faceError = err.message
        if (err.code === 'VERIFICATION_EXPIRED') {
          // Start over from the form: a new SMS code is needed.
          this.step = 'form'
          this.verificationId = null
          this.sms.clear()
          this.sms.touch()
          this.formError = err.message
        }
      })
      return false
    }
  }

  /** Drops every personal value held in memory. */
  private wipe(): void {
    this.identity.reset()
    this.sms.clear()
    this.verificationId = null
    this.clock.dispose()
  }

  /** Back to an empty form (leaving the page). */
  reset(): void {
    this.wipe()
    this.step = 'form'
    this.formError = null
    this.faceError = null
    this.busy = false
  }
}
