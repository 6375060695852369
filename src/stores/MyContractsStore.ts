import { makeAutoObservable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { InkSealService, MyFlowSummary, SignerView } from '@/services/types'
import type { SessionStore } from './SessionStore'

export type MineTab = 'TODO' | 'WAITING' | 'COMPLETED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED' | 'ALL'

export const MINE_TABS: { tab: MineTab; label: string }[] = [
  { tab: 'TODO', label: '待我签署' },
  { tab: 'WAITING', label: '待他人签署' },
  { tab: 'COMPLETED', label: '已完成' },
  { tab: 'DECLINED', label: '已拒签' },
  { tab: 'EXPIRED', label: '已过期' },
  { tab: 'CANCELLED', label: '已撤销' },
  { tab: 'ALL', label: '全部' }
]

/**
 * 我的合同: every flow the verified person signs in, filtered by status tabs. "Me" in a flow is
 * the signers the backend says are the caller (`mySignerIds`, by identity), never a match of
 * masked names, which two people can share (张* · 138****8000).
 */
export class MyContractsStore {
  flows: MyFlowSummary[] = []
  tab: MineTab = 'TODO'
  loading = false
  loaded = false
  error: string | null = null
  needsVerification = false

  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore
  ) {
    makeAutoObservable<MyContractsStore, 'service' | 'session'>(this, { service: false, session: false })
  }

  /** The caller's own signer entries in a flow. */
  mine(f: MyFlowSummary): SignerView[] {
    return f.signers.filter((x) => f.mySignerIds.includes(x.signerId))
  }

  tabOf(f: MyFlowSummary): Exclude<MineTab, 'ALL'> {
    switch (f.status) {
      case 'COMPLETED':
        return 'COMPLETED'
      case 'DECLINED':
        return 'DECLINED'
      case 'EXPIRED':
        return 'EXPIRED'
      case 'CANCELLED':
        return 'CANCELLED'
      default: {
        const me = this.mine(f)
        return me.length === 0 || me.some((x) => x.status === 'PENDING') ? 'TODO' : 'WAITING'
      }
    }
  }

  get counts(): Record<MineTab, number> {
    const c: Record<MineTab, number> = { TODO: 0, WAITING: 0, COMPLETED: 0, DECLINED: 0, EXPIRED: 0, CANCELLED: 0, ALL: this.flows.length }
    for (const f of this.flows) c[this.tabOf(f)] += 1
    return c
  }

  get visible(): MyFlowSummary[] {
    return this.tab === 'ALL' ? this.flows : this.flows.filter((f) => this.tabOf(f) === this.tab)
  }

  setTab(tab: MineTab): void {
    this.tab = tab
  }

  async load(): Promise<void> {
    const s = this.session.active
    if (!s) {
      this.flows = []
      this.needsVerification = true
      this.loaded = true
      return
    }
    this.needsVerification = false
    this.loading = true
    try {
      const list = await this.service.listMyFlows({ session: s.token })
      runInAction(() => {
        this.flows = list
        this.error = null
        this.loading = false
        this.loaded = true
      })
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        this.loading = false
        this.loaded = true
        if (err.code === 'SESSION_EXPIRED' || err.code === 'SESSION_INVALID') {
          this.session.clear()
          this.needsVerification = true
        }
        this.error = err.message
      })
    }
  }
}
