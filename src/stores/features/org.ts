import { OrgStore } from '@/stores/OrgStore'
import { defineFeature } from '@/stores/RootStore'
import { useStore } from '@/stores/StoreContext'

/** 企业管理 (packages/org): an activated enterprise's seals and members. */
export const orgFeature = defineFeature('org', (root) => {
  const store = new OrgStore(root.service, root.session, root.now)
  root.onSignOut(() => store.clear())
  return store
})

export function useOrgStore(): OrgStore {
  return useStore().feature(orgFeature)
}
