import { makeAutoObservable } from 'mobx'
import type { KeyValueStore } from '@/services/storage'
import type { InkSealService } from '@/services/types'
import type { SessionStore } from './SessionStore'

/**
 * Enterprise onboarding and legal-representative authorization (owned by the onboarding work).
 * Placeholder: filled in by the onboarding implementation.
 */
export class EnterpriseStore {
  constructor(
    private readonly service: InkSealService,
    private readonly session: SessionStore,
    private readonly storage: KeyValueStore,
    private readonly now: () => number
  ) {
    makeAutoObservable<EnterpriseStore, 'service' | 'session' | 'storage' | 'now'>(this, {
      service: false,
      session: false,
      storage: false,
      now: false
    })
  }
}
