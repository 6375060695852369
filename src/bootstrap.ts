import { adapter } from '@/platform/adapter'
import { API_BASE } from '@/platform/config'
import { taroStorage } from '@/platform/storage'
import { createHttpService } from '@/services/http/HttpService'
import { lazyService } from '@/services/lazy'
import { withRetry } from '@/services/retry'
import { RootStore } from '@/stores/RootStore'

/**
 * Picks the backend chosen at build time (INKSEAL_BACKEND): the embedded sandbox, persisted
 * in Taro storage, with its developer tools; or the HTTP client, with no developer tools.
 * Either way, transient failures of operations that are safe to repeat are retried with
 * backoff (src/services/retry.ts) before the UI hears of them.
 *
 * The sandbox is loaded on the first backend call (src/services/lazy.ts; on H5 it is its own
 * chunk), so the landing page renders before the simulated backend is parsed and seeded.
 */
export function createRootStore(): RootStore {
  if (INKSEAL_BACKEND !== 'http') {
    // Required inside this branch, not imported: webpack folds the build-time constant, so
    // builds on the HTTP backend do not carry the sandbox or its loader.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { loadSandbox } = require('@/platform/backend') as typeof import('@/platform/backend')
    const backend = lazyService(
      () => loadSandbox(taroStorage, adapter.linkBase()),
      (s) => s.service
    )
    return new RootStore({
      service: withRetry(backend.service),
      devTools: () => backend.load().then((s) => s.dev),
      storage: taroStorage,
      allowedHosts: adapter.allowedHosts
    })
  }
  return new RootStore({
    service: withRetry(createHttpService({ baseUrl: API_BASE })),
    devTools: null,
    storage: taroStorage,
    allowedHosts: adapter.allowedHosts
  })
}
