import { useStore } from '@/stores/StoreContext'
import { defineFeature } from '@/stores/RootStore'
import { VerifyStore } from '@/stores/VerifyStore'

/**
 * Real-name verification (pages/verify, and the enterprise pages' verification gate). A
 * feature, not made at start: the landing page does not verify, so the store and the identity
 * validators stay out of the landing route's code.
 */
export const verifyFeature = defineFeature('verify', (root) => new VerifyStore(root.service, root.session, root.now))

export function useVerifyStore(): VerifyStore {
  return useStore().feature(verifyFeature)
}
