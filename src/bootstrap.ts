import { adapter } from '@/platform/adapter'
import { API_BASE, BACKEND } from '@/platform/config'
import { taroStorage } from '@/platform/storage'
import { createHttpService } from '@/services/http/HttpService'
import { createSandbox } from '@/services/sandbox'
import { RootStore } from '@/stores/RootStore'

/**
 * Picks the backend chosen at build time (INKSEAL_BACKEND): the embedded sandbox, persisted
 * in Taro storage, with its developer tools; or the HTTP client, with no developer tools.
 */
export function createRootStore(): RootStore {
  if (BACKEND === 'http') {
    return new RootStore({
      service: createHttpService({ baseUrl: API_BASE }),
      devTools: null,
      storage: taroStorage,
      allowedHosts: adapter.allowedHosts
    })
  }
  const sandbox = createSandbox({ storage: taroStorage, linkBase: adapter.linkBase() })
  return new RootStore({
    service: sandbox,
    devTools: sandbox.dev,
    storage: taroStorage,
    allowedHosts: adapter.allowedHosts
  })
}
