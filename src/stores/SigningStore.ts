import { makeAutoObservable } from 'mobx'
import type { KeyValueStore } from '@/services/storage'
import type { InkSealService } from '@/services/types'
import type { SessionStore } from './SessionStore'
import type { SignatureStore } from './SignatureStore'

/**
 * Reading and signing one contract (owned by the read-and-sign work).
 * Placeholder: filled in by the signing implementation.
 */
export class SigningStore {
  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly signature: SignatureStore,
    private readonly storage: KeyValueStore,
    private readonly now: () => number
  ) {
    makeAutoObservable<SigningStore, 'service' | 'session' | 'signature' | 'storage' | 'now'>(this, {
      service: false,
      session: false,
      signature: false,
      storage: false,
      now: false
    })
  }
}
