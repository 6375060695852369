import { makeAutoObservable } from 'mobx'
import type { KeyValueStore } from '@/services/storage'
import type { SessionInfo } from '@/services/types'

const KEY = 'inkseal.session'

/**
 * The verified person's session on this device. Only the token, its expiry and masked
 * name / ID / mobile are kept: never the full ID or phone number.
 */
export class SessionStore {
  private saved: SessionInfo | null = null
  /** Whether storage has been read (not observable) */
  private read = false

  constructor(
    private readonly storage: KeyValueStore,
    private readonly now: () => number
  ) {
    makeAutoObservable<SessionStore, 'storage' | 'now' | 'read'>(this, { storage: false, now: false, read: false })
  }

  /**
   * The session kept on this device. Storage is read on first use, not when the store is
   * made: a page's first storage access can take tens of milliseconds (the browser loads the
   * origin's storage), and the landing page's first render does not need it.
   */
  get info(): SessionInfo | null {
    if (!this.read) this.hydrate()
    return this.saved
  }

  private hydrate(): void {
    this.read = true
    this.saved = this.load()
  }

  private load(): SessionInfo | null {
    const raw = this.storage.get(KEY)
    if (!raw) return null
    try {
      const s = JSON.parse(raw) as SessionInfo
      if (typeof s?.token !== 'string' || typeof s.expiresAt !== 'number') return null
      return s
    } catch {
      return null
    }
  }

  /** A session that has not expired on this device's clock (the backend has the last word). */
  get active(): SessionInfo | null {
    return this.info && this.info.expiresAt > this.now() ? this.info : null
  }

  set(info: SessionInfo): void {
    this.read = true
    this.saved = {
      token: info.token,
      expiresAt: info.expiresAt,
      maskedName: info.maskedName,
      maskedId: info.maskedId,
      maskedMobile: info.maskedMobile
    }
    this.storage.set(KEY, JSON.stringify(this.saved))
  }

  clear(): void {
    this.read = true
    this.saved = null
    this.storage.remove(KEY)
  }
}
