import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { InkSealService, LetterDecision, LetterReviewDetail, LetterReviewItem } from '@/services/types'

export const REJECT_REASON_MIN = 5
export const REJECT_REASON_MAX = 200

/** Checks a rejection reason as the backend does (characters, not bytes); null when fine. */
export function reasonProblem(reason: string): string | null {
  const n = Array.from(reason.trim()).length
  if (n < REJECT_REASON_MIN || n > REJECT_REASON_MAX) return `请填写驳回原因（${REJECT_REASON_MIN}–${REJECT_REASON_MAX} 个字），经办人将看到该原因`
  return null
}

/**
 * The reviewer's desk (审核台, a sandbox operations role): the desk key (filled in from the
 * sandbox's tools when the backend is the embedded sandbox), the list of letters, the letter
 * opened, and the decision: approve, or reject with a reason (5–200 characters).
 */
export class ReviewDeskStore {
  key = ''
  items: LetterReviewItem[] = []
  opened: LetterReviewDetail | null = null
  reason = ''
  reasonTouched = false
  error: string | null = null
  busy = false
  loaded = false

  constructor(private readonly service: InkSealService) {
    makeAutoObservable<ReviewDeskStore, 'service'>(this, { service: false })
  }

  get pending(): LetterReviewItem[] {
    return this.items.filter((i) => i.outcome === 'PENDING')
  }

  get decided(): LetterReviewItem[] {
    return this.items.filter((i) => i.outcome !== 'PENDING')
  }

  get reasonError(): string | null {
    return this.reasonTouched ? reasonProblem(this.reason) : null
  }

  setKey(v: string): void {
    this.key = v.trim()
  }

  setReason(v: string): void {
    this.reason = v
  }

  touchReason(): void {
    this.reasonTouched = true
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | null> {
    this.busy = true
    this.error = null
    try {
      const v = await fn()
      runInAction(() => {
        this.busy = false
      })
      return v
    } catch (e) {
      runInAction(() => {
        this.busy = false
        this.error = toServiceError(e).message
      })
      return null
    }
  }

  async refresh(): Promise<boolean> {
    if (!this.key) {
      this.error = '请输入审核口令'
      return false
    }
    const r = await this.run(() => this.service.listLetterReviews({ reviewKey: this.key }))
    if (!r) return false
    runInAction(() => {
      this.items = r.items
      this.loaded = true
    })
    return true
  }

  async open(applicationId: string): Promise<boolean> {
    const r = await this.run(() => this.service.getLetterReview({ reviewKey: this.key, applicationId }))
    if (!r) return false
    runInAction(() => {
      this.opened = r
      this.reason = ''
      this.reasonTouched = false
    })
    return true
  }

  close(): void {
    this.opened = null
    this.reason = ''
    this.reasonTouched = false
    this.error = null
  }

  async decide(decision: LetterDecision): Promise<boolean> {
    const opened = this.opened
    if (!opened) return false
    if (decision === 'REJECT') {
      this.reasonTouched = true
      if (reasonProblem(this.reason)) return false
    }
    const reason = decision === 'REJECT' ? this.reason.trim() : undefined
    const r = await this.run(() => this.service.decideLetter({ reviewKey: this.key, applicationId: opened.applicationId, decision, reason }))
    if (!r) return false
    runInAction(() => {
      this.opened = { ...opened, ...r, file: null }
      this.reason = ''
      this.reasonTouched = false
    })
    await this.refresh()
    return true
  }
}
