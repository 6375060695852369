import { defineFeature } from '@/stores/RootStore'
import { SignatureStore } from '@/stores/SignatureStore'
import { SigningStore } from '@/stores/SigningStore'
import { useStore } from '@/stores/StoreContext'

/** The handwritten signature (draft and accepted); reset on sign-out. */
export const signatureFeature = defineFeature('signature', (root) => {
  const store = new SignatureStore(root.storage, root.now)
  root.onSignOut(() => store.reset())
  return store
})

/** Reading and signing a contract, and 我的合同. */
export const signingFeature = defineFeature(
  'signing',
  (root) => new SigningStore(root.service, root.session, root.feature(signatureFeature), root.storage, root.now)
)

export function useSignatureStore(): SignatureStore {
  return useStore().feature(signatureFeature)
}

export function useSigningStore(): SigningStore {
  return useStore().feature(signingFeature)
}
