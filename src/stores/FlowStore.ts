import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { FlowOverview, FlowSummary, InkSealService } from '@/services/types'
import type { EntryStore } from './EntryStore'
import type { SessionStore } from './SessionStore'

export type FlowState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; overview: FlowOverview }
  /** The verified person is not a designated signer of this flow. */
  | { kind: 'refused'; message: string; intendedFor: string[] }
  /** No session, or it expired: verify again (the pending entry is kept). */
  | { kind: 'needsVerification'; message: string }
  | { kind: 'error'; message: string; retryable: boolean }

/** The flow the verified person opened, and their list of flows. */
export class FlowStore {
  state: FlowState = { kind: 'idle' }
  mine: FlowSummary[] = []
  mineError: string | null = null
  private seq = 0

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly entry: EntryStore
  ) {
    makeAutoObservable<FlowStore, 'service' | 'session' | 'entry' | 'seq'>(this, {
      service: false,
      session: false,
      entry: false,
      seq: false
    })
  }

  /**
   * Opens a flow for the verified person: through the pending link if there is one for this
   * flow (joinFlow checks that the person is a designated signer), else as a flow they
   * already joined (getFlow).
   */
  async open(flowId: string): Promise<FlowState> {
    const seq = ++this.seq
    const s = this.session.active
    if (!s) {
      this.state = { kind: 'needsVerification', message: '请先完成实名认证' }
      return this.state
    }
    this.state = { kind: 'loading' }
    const pending = this.entry.pending?.flowId === flowId ? this.entry.pending : null
    try {
      const overview = pending
        ? await this.service.joinFlow({ session: s.token, flowId, linkToken: pending.linkToken })
        : await this.service.getFlow({ session: s.token, flowId })
      if (seq !== this.seq) return this.state
      runInAction(() => {
        this.state = { kind: 'ready', overview }
      })
      if (pending) this.entry.setPending(null)
    } catch (e) {
      if (seq !== this.seq) return this.state
      const err = toServiceError(e)
      runInAction(() => {
        if (err.code === 'NOT_DESIGNATED_SIGNER') {
          const intendedFor = Array.isArray(err.details.intendedFor) ? (err.details.intendedFor as string[]) : []
          this.state = { kind: 'refused', message: err.message, intendedFor }
        } else if (err.code === 'SESSION_EXPIRED' || err.code === 'SESSION_INVALID') {
          this.session.clear()
          this.state = { kind: 'needsVerification', message: err.message }
        } else {
          this.state = { kind: 'error', message: err.message, retryable: err.transient }
        }
      })
    }
    return this.state
  }

  async loadMine(): Promise<void> {
    const s = this.session.active
    if (!s) {
      this.mine = []
      return
    }
    try {
      const list = await this.service.listMyFlows({ session: s.token })
      runInAction(() => {
        this.mine = list
        this.mineError = null
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        if (err.code === 'SESSION_EXPIRED' || err.code === 'SESSION_INVALID') this.session.clear()
        this.mineError = err.message
      })
    }
  }
}
