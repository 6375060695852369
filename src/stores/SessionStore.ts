import { makeAutoObservable } from 'mobx'
import type { KeyValueStore } from '@/services/storage'
import type { SessionInfo } from '@/services/types'

const KEY = 'inkseal.session'

/**
 * The verified person's session on this device. Only the token, its expiry and masked
 * name / ID / mobile are kept: never the full ID or phone number.
 */
export class SessionStore {
  info: SessionInfo | null = null

  constructor(private readonly storage: KeyValueStore, private readonly now: () => number) {
    makeAutoObservable<SessionStore, 'storage' | 'now'>(this, { storage: false, now: false })
    this.info = this.load()
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
    this.info = {
      token: info.token,
      expiresAt: info.expiresAt,
      maskedName: info.maskedName,
      maskedId: info.maskedId,
      maskedMobile: info.maskedMobile
    }
    this.storage.set(KEY, JSON.stringify(this.info))
  }

  clear(): void {
    this.info = null
    this.storage.remove(KEY)
  }
}
