import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { FieldDraft } from './FieldDraft'
import type { SigningCore } from './SigningCore'
import { DECLINE_MAX, DECLINE_MIN, isSessionError } from './types'

/** 拒签: the reason (DECLINE_MIN..DECLINE_MAX characters) and the decline itself. */
export class DeclineStore {
  declineOpen = false
  declineReason = ''
  declineTouched = false
  declineError: string | null = null
  declining = false

  constructor(
    private readonly core: SigningCore,
    private readonly draft: FieldDraft,
    private readonly reload: () => Promise<void>
  ) {
    makeAutoObservable<DeclineStore, 'core' | 'draft' | 'reload'>(this, { core: false, draft: false, reload: false }, { autoBind: true })
  }

  reset(): void {
    this.declineOpen = false
    this.declineReason = ''
    this.declineTouched = false
    this.declineError = null
  }

  get canDecline(): boolean {
    const c = this.core.contract
    const phase = this.core.phase
    return !!c && c.canSign && c.options.allowDecline && (phase === 'READING' || phase === 'FILLING') && !this.draft.pending
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
    const c = this.core.contract
    const token = this.core.token
    this.declineTouched = true
    if (!c || !this.canDecline || this.declining) return false
    if (this.declineProblem) return false
    if (!token) {
      this.declineError = '登录已过期，请重新验证身份'
      return false
    }
    this.declining = true
    try {
      await this.core.service.declineSigning({ session: token, flowId: c.flowId, signerId: c.mySignerId, reason: this.declineReason.trim() })
      runInAction(() => {
        this.declining = false
        this.declineOpen = false
        this.core.fire('DECLINE')
        this.draft.discardDraft()
      })
      await this.reload()
      return true
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.declining = false
        this.declineError = err.message
        if (isSessionError(err)) this.core.session.clear()
      })
      return false
    }
  }
}
