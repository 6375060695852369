import { makeAutoObservable } from 'mobx'
import type { KeyValueStore } from '@/services/storage'

/**
 * The handwritten signature being drawn and the accepted one (owned by the signature pad work).
 * Placeholder: filled in by the signature pad implementation.
 */
export class SignatureStore {
  constructor(private readonly storage: KeyValueStore, private readonly now: () => number) {
    makeAutoObservable<SignatureStore, 'storage' | 'now'>(this, { storage: false, now: false })
  }
}
