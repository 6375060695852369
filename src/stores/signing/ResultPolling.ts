import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { SigningStatus, SubmitResult } from '@/services/types'
import { CLOSED_FLOW_MESSAGE } from '@/stores/labels'
import type { SigningCore } from './SigningCore'
import { isSessionError, POLL_MS } from './types'

/**
 * The result page: the flow's status polled every POLL_MS while the page is visible, stopped on
 * hide and once the flow is final; a new revision reloads the contract (`stale`).
 */
export class ResultPolling {
  status: SigningStatus | null = null
  statusError: string | null = null
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private polling = false

  constructor(
    private readonly core: SigningCore,
    private readonly stale: () => Promise<void>
  ) {
    makeAutoObservable<ResultPolling, 'core' | 'stale' | 'pollTimer' | 'polling'>(
      this,
      { core: false, stale: false, pollTimer: false, polling: false },
      { autoBind: true }
    )
  }

  reset(): void {
    this.stopPolling()
    this.status = null
    this.statusError = null
  }

  /** The answer to a submission is the newest status. */
  signed(res: SubmitResult): void {
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

  /** Signer statuses, newest known. */
  get signers() {
    return this.status?.signers ?? this.core.contract?.signers ?? []
  }

  get flowStatus() {
    return this.status?.status ?? this.core.contract?.status ?? null
  }

  get closedMessage(): string | null {
    const st = this.flowStatus
    return st && st !== 'SIGNING' ? CLOSED_FLOW_MESSAGE[st] : null
  }

  async pollStatus(): Promise<void> {
    const token = this.core.token
    const flowId = this.core.flowId
    if (!token || !flowId) return
    try {
      const st = await this.core.service.getSigningStatus({ session: token, flowId })
      const stale = runInAction(() => {
        if (flowId !== this.core.flowId) return false
        this.status = st
        this.statusError = null
        return !!this.core.contract && st.revision !== this.core.contract.revision
      })
      if (stale) await this.stale()
      // A finished flow does not change any more.
      if (st.status !== 'SIGNING') this.stopPolling()
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.statusError = err.message
        if (isSessionError(err)) {
          this.core.session.clear()
          this.stopPolling()
        }
      })
    }
  }

  /** Polls every POLL_MS while the result page is visible. */
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
}
