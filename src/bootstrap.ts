import { adapter } from '@/platform/adapter'
import { API_BASE } from '@/platform/config'
import { taroStorage } from '@/platform/storage'
import { createHttpService } from '@/services/http/HttpService'
import { withRetry } from '@/services/retry'
import { RootStore } from '@/stores/RootStore'

/**
 * Picks the backend chosen at build time (INKSEAL_BACKEND): the embedded sandbox, persisted
 * in Taro storage, with its developer tools; or the HTTP client, with no developer tools.
 * Either way, transient failures of operations that are safe to repeat are retried with
 * backoff (src/services/retry.ts) before the UI hears of them.
 */
export function createRootStore(): RootStore {
  if (INKSEAL_BACKEND !== 'http') {
    // Required inside this branch, not imported: webpack folds the build-time constant, so
    // builds on the HTTP backend do not carry the sandbox (≈ 160 KB) or its fault injection.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { createSandbox } = require('@/services/sandbox') as typeof import('@/services/sandbox')
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const faults = require('@/services/faultInjection') as typeof import('@/services/faultInjection')
    const sandbox = createSandbox({ storage: taroStorage, linkBase: adapter.linkBase() })
    // Network-failure injection for testers (sandbox only): plan from storage, spent faults persisted.
    const service = faults.withFaults(sandbox, faults.parseFaultPlan(taroStorage.get(faults.FAULTS_STORAGE_KEY)), {
      onChange: (plan) => taroStorage.set(faults.FAULTS_STORAGE_KEY, JSON.stringify(plan))
    })
    faults.setActiveFaultController(service.faults)
    return new RootStore({
      service: withRetry(service),
      devTools: sandbox.dev,
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
