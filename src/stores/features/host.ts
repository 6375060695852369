import { pdfRenderer } from '@/platform/pdfRender'
import { defineFeature } from '@/stores/RootStore'
import { useStore } from '@/stores/StoreContext'
import { HostStore } from '@/stores/host/HostStore'

/** The host console (packages/host, H5 only): made when its page first opens. */
export const hostFeature = defineFeature('host', (root) => new HostStore(root.service, root.session, pdfRenderer, root.now))

export function useHostStore(): HostStore {
  return useStore().feature(hostFeature)
}
