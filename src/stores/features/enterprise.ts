import { EnterpriseStore } from '@/stores/EnterpriseStore'
import { defineFeature } from '@/stores/RootStore'
import { useStore } from '@/stores/StoreContext'

/** Enterprise onboarding and the legal representative's authorization (packages/enterprise). */
export const enterpriseFeature = defineFeature('enterprise', (root) => {
  // The sandbox's demo licences are among its tools (the enterprise module's): asked for
  // here, shown once loaded (the developer store's `tools` is observable).
  root.dev?.load().catch(() => undefined)
  return new EnterpriseStore(root.service, root.session, root.storage, root.now, () => root.dev?.tools ?? null)
})

export function useEnterpriseStore(): EnterpriseStore {
  return useStore().feature(enterpriseFeature)
}
