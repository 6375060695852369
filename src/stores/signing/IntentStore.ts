import { makeAutoObservable, runInAction } from 'mobx'
import { validateSigningPassword } from '@/domain/contract'
import { validateSmsCode } from '@/domain/identity'
import { toServiceError, type ServiceError } from '@/services/errors'
import type { FaceCapture, InkSealService, IntentChallenge, IntentGrant, IntentMethod } from '@/services/types'
import { resendSeconds } from '@/stores/smsResend'
import type { ReadingClock } from './ReadingClock'
import type { SigningCore } from './SigningCore'
import { isSessionError } from './types'

/**
 * 意愿认证: the method (SMS, face, signing password), its challenge and answer, setting a
 * signing password on first use, and the grant (a single-use intent token). With a grant,
 * `granted` (the submission) takes over.
 */
export class IntentStore {
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

  constructor(
    private readonly core: SigningCore,
    private readonly clock: ReadingClock,
    private readonly granted: () => Promise<boolean>
  ) {
    makeAutoObservable<IntentStore, 'core' | 'clock' | 'granted'>(this, { core: false, clock: false, granted: false }, { autoBind: true })
  }

  get intentMethods(): IntentMethod[] {
    return this.core.contract?.options.intentMethods ?? []
  }

  /** Forgets the method, challenge and inputs (not the grant). */
  resetIntent(): void {
    this.intentMethod = null
    this.challenge = null
    this.intentCode = ''
    this.intentPassword = ''
    this.newPassword = ''
    this.newPassword2 = ''
    this.intentError = null
    this.intentBusy = false
  }

  /** Intent must be confirmed again: inputs cleared, `message` shown. */
  askAgain(message: string): void {
    this.resetIntent()
    this.intentError = message
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
    return resendSeconds(this.challenge?.sms ?? null, this.clock.clock)
  }

  /** The grant can still be used. */
  get intentUsable(): boolean {
    return !!this.grant && this.grant.expiresAt > this.core.now()
  }

  /** Starts a challenge for the chosen method (sends the SMS code, asks for the face action, …). */
  async startIntent(): Promise<boolean> {
    const c = this.core.contract
    const token = this.core.token
    const method = this.intentMethod
    if (!c || !method || this.intentBusy) return false
    if (!token) {
      this.intentError = '登录已过期，请重新验证身份'
      return false
    }
    if (method === 'SMS' && this.smsResendIn > 0) return false
    this.intentBusy = true
    this.intentError = null
    try {
      const ch = await this.core.service.startIntent({ session: token, flowId: c.flowId, method, signerId: c.mySignerId })
      runInAction(() => {
        this.intentBusy = false
        this.challenge = ch
        this.clock.tick()
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
    const token = this.core.token
    if (!token || this.intentBusy) return false
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
      await this.core.service.setSigningPassword({ session: token, password: this.newPassword })
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
    const c = this.core.contract
    const token = this.core.token
    const ch = this.challenge
    if (!c || !ch || this.intentBusy) return false
    if (!token) {
      this.intentError = '登录已过期，请重新验证身份'
      return false
    }
    const input: Parameters<InkSealService['confirmIntent']>[0] = { session: token, flowId: c.flowId, challengeId: ch.challengeId }
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
      const grant = await this.core.service.confirmIntent(input)
      runInAction(() => {
        this.intentBusy = false
        this.grant = grant
        this.intentPassword = ''
        this.intentCode = ''
      })
      return this.granted()
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
      if (isSessionError(err)) this.core.session.clear()
    })
  }
}
