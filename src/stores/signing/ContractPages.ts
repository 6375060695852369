import { makeAutoObservable, observable, runInAction } from 'mobx'
import { toServiceError } from '@/services/errors'
import type { PageImage } from '@/services/types'
import type { SigningCore } from './SigningCore'
import { PAGE_CACHE_MAX, PAGE_CHUNK } from './types'

export interface PagesHooks {
  /** A page range came back for a newer revision than the one shown */
  staleRevision(): void
  /** A page range came back (the last page may now count as read) */
  fetched(): void
}

/**
 * The contract's page images: fetched in aligned chunks of PAGE_CHUNK as the reader comes
 * near them, at most PAGE_CACHE_MAX kept (the farthest from the reader dropped first).
 */
export class ContractPages {
  /** Page images by index (current revision only) */
  pages = observable.map<number, PageImage>()
  pageError: string | null = null
  /** The last page's image was fetched: the server's rule for "reached the last page" */
  lastPageFetched = false
  private inflight = new Set<number>()

  constructor(
    private readonly core: SigningCore,
    private readonly hooks: PagesHooks
  ) {
    makeAutoObservable<ContractPages, 'core' | 'hooks' | 'inflight'>(this, { core: false, hooks: false, inflight: false }, { autoBind: true })
  }

  get pageCount(): number {
    return this.core.contract?.pageCount ?? 0
  }

  /** A new flow: nothing cached. */
  reset(): void {
    this.clearImages()
    this.pageError = null
    this.lastPageFetched = false
  }

  /** A new revision: the cached images are stale. */
  clearImages(): void {
    this.pages.clear()
    this.inflight.clear()
  }

  /** Fetches the page images of [from, to] not yet cached, in chunks. */
  ensurePages(from: number, to: number): void {
    const c = this.core.contract
    const token = this.core.token
    if (!c || !token || c.pageCount === 0) return
    const a = Math.max(0, from)
    const b = Math.min(c.pageCount - 1, to)
    for (let start = Math.floor(a / PAGE_CHUNK) * PAGE_CHUNK; start <= b; start += PAGE_CHUNK) {
      if (this.inflight.has(start)) continue
      const end = Math.min(c.pageCount - 1, start + PAGE_CHUNK - 1)
      let missing = false
      for (let i = start; i <= end; i++) if (!this.pages.has(i)) missing = true
      if (!missing) continue
      void this.fetchChunk(start, end - start + 1, c.revision, token)
    }
  }

  private async fetchChunk(from: number, count: number, revision: number, session: string): Promise<void> {
    const flowId = this.core.flowId
    if (!flowId) return
    this.inflight.add(from)
    try {
      const res = await this.core.service.getContractPages({ session, flowId, from, count })
      runInAction(() => {
        if (flowId !== this.core.flowId) return
        this.pageError = null
        const shown = this.core.contract?.revision
        if (res.revision === (shown ?? revision)) {
          for (const p of res.pages) this.pages.set(p.index, p)
          this.evictPages(from + Math.floor(count / 2))
        } else if (res.revision > (shown ?? 0)) {
          this.hooks.staleRevision()
        }
        if (res.pages.some((p) => p.index === res.pageCount - 1)) this.lastPageFetched = true
      })
      this.hooks.fetched()
    } catch (e) {
      const err = toServiceError(e)
      runInAction(() => {
        if (flowId === this.core.flowId) this.pageError = err.message
      })
    } finally {
      this.inflight.delete(from)
    }
  }

  /** Long contracts: keeps the page images near `center`, drops the farthest beyond the budget. */
  private evictPages(center: number): void {
    if (this.pages.size <= PAGE_CACHE_MAX) return
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center))
    for (const i of far.slice(0, this.pages.size - PAGE_CACHE_MAX)) this.pages.delete(i)
  }

  /** Fetch failed: ask again for what the reader shows. */
  retryPages(from: number, to: number): void {
    this.pageError = null
    this.ensurePages(from, to)
  }
}
