import { adapter } from '@/platform/adapter'
import { API_BASE, BACKEND } from '@/platform/config'
import { taroStorage } from '@/platform/storage'
import { FAULTS_STORAGE_KEY, parseFaultPlan, setActiveFaultController, withFaults } from '@/services/faultInjection'
import { createHttpService } from '@/services/http/HttpService'
import { withRetry } from '@/services/retry'
import { createSandbox } from '@/services/sandbox'
import { RootStore } from '@/stores/RootStore'

/**
 * Picks the backend chosen at build time (INKSEAL_BACKEND): the embedded sandbox, persisted
 * in Taro storage, with its developer tools; or the HTTP client, with no developer tools.
 * Either way, transient failures of operations that are safe to repeat are retried with
 * backoff (src/services/retry.ts) before the UI hears of them.
 */
export function createRootStore(): RootStore {
  if (BACKEND === 'http') {
    return new RootStore({
      service: withRetry(createHttpService({ baseUrl: API_BASE })),
      devTools: null,
      storage: taroStorage,
      allowedHosts: adapter.allowedHosts
    })
  }
  const sandbox = createSandbox({ storage: taroStorage, linkBase: adapter.linkBase() })
  // Network-failure injection for testers (sandbox only): plan from storage, spent faults persisted.
  const service = withFaults(sandbox, readFaultPlan(), {
    onChange: (plan) => taroStorage.set(FAULTS_STORAGE_KEY, JSON.stringify(plan))
  })
  setActiveFaultController(service.faults)
  return new RootStore({
    service: withRetry(service),
    devTools: sandbox.dev,
    storage: taroStorage,
    allowedHosts: adapter.allowedHosts
  })
}

/** The fault plan under `inkseal.dev.faults` in Taro storage (set from the dev page, or by a test). */
function readFaultPlan() {
  return parseFaultPlan(taroStorage.get(FAULTS_STORAGE_KEY))
}
