import { makeAutoObservable, runInAction } from 'mobx'
import { parseEntry } from '@/domain/entryLink'
import { validateSmsCode } from '@/domain/identity'
import { toServiceError } from '@/services/errors'
import type { InkSealService, LegalRepLinkInfo, LegalRepRequest, SmsTicket } from '@/services/types'
import { Clock } from '@/stores/clock'
import { SmsCode } from '@/stores/smsCode'
import type { SessionStore } from '@/stores/SessionStore'
import { isSessionError } from './core'

export type AuthorizeState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  /** Not a usable authorization link */
  | { kind: 'invalid'; message: string; retryable: boolean }
  /** A valid link: what it is about (before and after verification) */
  | { kind: 'ready'; info: LegalRepLinkInfo }

/**
 * The legal representative's side (pages/authorize): the link, their verification (the shared
 * VerifyStore), what they authorize, and the intent code (purpose LEGAL_REP) or a refusal.
 */
export class LegalRepAuthorizeStore {
  state: AuthorizeState = { kind: 'idle' }
  request: LegalRepRequest | null = null
  /** The verified person is not the legal representative */
  notLegalRep: string | null = null
  error: string | null = null
  busy = false
  refusing = false
  refuseReason = ''
  readonly clock: Clock
  /** The intent code: ticket, resend countdown, input */
  readonly sms: SmsCode
  private applicationId = ''
  private linkToken = ''
  private lastInput = ''

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    now: () => number
  ) {
    this.clock = new Clock(now)
    this.sms = new SmsCode(this.clock)
    makeAutoObservable<LegalRepAuthorizeStore, 'service' | 'session' | 'applicationId' | 'linkToken' | 'lastInput'>(this, {
      service: false,
      session: false,
      clock: false,
      sms: false,
      applicationId: false,
      linkToken: false,
      lastInput: false
    })
  }

  get ticket(): SmsTicket | null {
    return this.sms.ticket
  }

  get smsCode(): string {
    return this.sms.code
  }

  get codeError(): string | null {
    return this.sms.error
  }

  get resendIn(): number {
    return this.sms.resendIn
  }

  get outcome(): LegalRepRequest['outcome'] | null {
    if (this.request) return this.request.outcome
    return this.state.kind === 'ready' ? this.state.info.outcome : null
  }

  refreshClock(): void {
    this.clock.tick()
  }

  /** Opens a link, a payload or a scanned text (type 'L'). Never throws. */
  async open(input: string, allowedHosts: readonly string[] = []): Promise<AuthorizeState> {
    this.lastInput = input
    this.request = null
    this.notLegalRep = null
    this.error = null
    this.sms.clear()
    const parsed = parseEntry(input, { allowedHosts, now: this.clock.now() })
    if (!parsed.ok) {
      this.state = { kind: 'invalid', message: parsed.error.message.replace('签署码', '授权链接'), retryable: false }
      return this.state
    }
    if (parsed.payload.type !== 'L') {
      this.state = { kind: 'invalid', message: '这是合同签署码，不是法定代表人授权链接，请在首页扫码签署', retryable: false }
      return this.state
    }
    this.applicationId = parsed.payload.id
    this.linkToken = parsed.payload.token
    this.state = { kind: 'checking' }
    try {
      const info = await this.service.resolveLegalRepLink({ applicationId: this.applicationId, linkToken: this.linkToken })
      runInAction(() => {
        this.state = { kind: 'ready', info }
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.state = { kind: 'invalid', message: err.message, retryable: err.transient }
      })
    }
    return this.state
  }

  retry(): Promise<AuthorizeState> {
    return this.open(this.lastInput)
  }

  /** After verification: the request in full, if the verified person is the legal representative. */
  async loadRequest(): Promise<boolean> {
    const s = this.session.active
    if (!s || this.state.kind !== 'ready') return false
    this.busy = true
    this.notLegalRep = null
    this.error = null
    try {
      const request = await this.service.openLegalRepRequest({ session: s.token, applicationId: this.applicationId, linkToken: this.linkToken })
      runInAction(() => {
        this.busy = false
        this.request = request
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        if (err.code === 'NOT_LEGAL_REPRESENTATIVE') this.notLegalRep = err.message
        else if (isSessionError(err)) this.session.clear()
        else this.error = err.message
      })
      return false
    }
  }

  /** Another person verifies on this device (the one verified is not the legal representative). */
  async switchIdentity(): Promise<void> {
    const s = this.session.active
    this.session.clear()
    this.notLegalRep = null
    this.request = null
    if (s) {
      try {
        await this.service.signOut({ session: s.token })
      } catch {
        // gone on the device either way
      }
    }
  }

  setSmsCode(v: string): void {
    this.sms.setCode(v)
  }

  async sendCode(): Promise<boolean> {
    const s = this.session.active
    this.refreshClock()
    if (!s || this.resendIn > 0 || this.busy) return false
    this.busy = true
    this.sms.fail(null)
    const r = await this.sms.send(() => this.service.sendLegalRepCode({ session: s.token, applicationId: this.applicationId, linkToken: this.linkToken }))
    runInAction(() => {
      this.busy = false
      if (!r.ok && r.error) this.sms.fail(r.error.message)
    })
    return r.ok
  }

  async confirm(): Promise<boolean> {
    const s = this.session.active
    const code = validateSmsCode(this.smsCode)
    if (!code.ok) {
      this.sms.fail(this.ticket ? code.message : '请先获取短信验证码')
      return false
    }
    if (!s) return false
    this.busy = true
    try {
      const request = await this.service.confirmLegalRepAuthorization({
        session: s.token,
        applicationId: this.applicationId,
        linkToken: this.linkToken,
        smsCode: code.value
      })
      runInAction(() => {
        this.busy = false
        this.request = request
        this.sms.clear()
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        this.sms.fail(err.message)
      })
      return false
    }
  }

  startRefusing(on = true): void {
    this.refusing = on
  }

  setRefuseReason(v: string): void {
    this.refuseReason = v
  }

  async refuse(): Promise<boolean> {
    const s = this.session.active
    if (!s) return false
    this.busy = true
    this.error = null
    try {
      const request = await this.service.refuseLegalRepAuthorization({
        session: s.token,
        applicationId: this.applicationId,
        linkToken: this.linkToken,
        reason: this.refuseReason.trim() || undefined
      })
      runInAction(() => {
        this.busy = false
        this.request = request
        this.refusing = false
      })
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.busy = false
        this.error = err.message
      })
      return false
    }
  }

  dispose(): void {
    this.clock.dispose()
  }
}
