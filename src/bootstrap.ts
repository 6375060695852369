import { adapter } from '@/platform/adapter'
import { API_BASE } from '@/platform/config'
import { taroStorage } from '@/platform/storage'
import { lazyService } from '@/services/lazy'
import { withRetry } from '@/services/retry'
import type { InkSealService } from '@/services/types'
import type { DevPanel, DevToolsLoaders } from '@/stores/DevStore'
import { RootStore } from '@/stores/RootStore'

/**
 * Picks the backend chosen at build time (INKSEAL_BACKEND): the embedded sandbox, persisted
 * in Taro storage, with its developer tools; or the HTTP client, with the core developer tools
 * of the sandbox server when the build says it talks to one (INKSEAL_DEV_TOOLS=1, as `npm start`
 * does), else none.
 * Either way, transient failures of operations that are safe to repeat are retried with
 * backoff (src/services/retry.ts) before the UI hears of them.
 *
 * The sandbox is loaded on the first backend call (src/services/lazy.ts; on H5 it is its own
 * chunk), so the landing page renders before the simulated backend is parsed and seeded.
 */
export function createRootStore(): RootStore {
  // Each backend's code is required inside its branch, not imported: webpack folds the
  // build-time constant and drops the other branch, so sandbox builds carry no HTTP client and
  // HTTP builds neither the sandbox nor its loader. (Only an if/else is folded: code after an
  // early return is not.)
  let service: InkSealService
  let devTools: DevToolsLoaders | null
  let devPanel: DevPanel | undefined
  if (INKSEAL_BACKEND !== 'http') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadSandbox } = require('@/platform/backend') as typeof import('@/platform/backend')
    const backend = lazyService(
      () => loadSandbox(taroStorage, adapter.linkBase()),
      (s) => s.service
    )
    service = backend.service
    // The core's tools do not load the sandbox's feature modules; all of them do.
    devTools = { core: () => backend.load().then((s) => s.dev), all: () => backend.load().then((s) => s.allDev()) }
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHttpService } = require('@/services/http/HttpService') as typeof import('@/services/http/HttpService')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { platformRequest } = require('@/platform/request') as typeof import('@/platform/request')
    service = createHttpService({ baseUrl: API_BASE, request: platformRequest })
    devTools = null
    // INKSEAL_DEV_TOOLS (config/index.ts) is tested here itself, not through a const of
    // platform/config, so webpack folds it: a build for a real backend carries none of this
    if (INKSEAL_DEV_TOOLS === '1') {
      // The sandbox server's core tools (links, identities, SMS, meetings, reset), loaded on first use
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { RemoteDevStore } = require('@/stores/RemoteDevStore') as typeof import('@/stores/RemoteDevStore')
      devPanel = new RemoteDevStore(API_BASE, () =>
        import(/* webpackChunkName: "remote-dev-tools" */ '@/services/http/remoteDevTools').then((m) =>
          m.createRemoteDevTools({ baseUrl: API_BASE, request: platformRequest })
        )
      )
    }
  }
  return new RootStore({ service: withRetry(service), devTools, devPanel, storage: taroStorage, allowedHosts: adapter.allowedHosts })
}
