import { EnterpriseStore } from '../EnterpriseStore'
import { defineFeature } from '../RootStore'
import { useStore } from '../StoreContext'

/** Enterprise onboarding and the legal representative's authorization (packages/enterprise). */
export const enterpriseFeature = defineFeature(
  'enterprise',
  // The sandbox's tools come from the developer store (observable: they may load later)
  (root) => new EnterpriseStore(root.service, root.session, root.storage, root.now, () => root.dev?.tools ?? null)
)

export function useEnterpriseStore(): EnterpriseStore {
  return useStore().feature(enterpriseFeature)
}
