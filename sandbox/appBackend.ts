import { FAULTS_STORAGE_KEY, parseFaultPlan, setActiveFaultController, withFaults } from '@/services/faultInjection'
import type { KeyValueStore } from '@/services/storage'
import type { CoreDevTools, InkSealService, SandboxDevTools } from '@/services/types'
import { createOnDemandSandbox, type SandboxModuleLoaders, type SandboxModuleName } from './onDemand'

export interface AppSandbox {
  service: InkSealService
  /** The core's developer tools (demo links, identities, the SMS outbox, reset) */
  dev: CoreDevTools
  /** Every developer tool, the feature modules loaded first */
  allDev(): Promise<SandboxDevTools>
  /** The feature modules loaded so far */
  loaded(): SandboxModuleName[]
}

/**
 * The embedded sandbox as the app runs it: persisted in the app's storage, with the testers'
 * network-failure injection (plan from storage, spent faults persisted), and its feature
 * modules made when first needed (onDemand.ts; `modules` are the platform's loaders). Loaded
 * on first use by src/bootstrap.ts through src/platform/backend (its own chunk on H5).
 */
export function createAppSandbox(storage: KeyValueStore, linkBase: string, modules: SandboxModuleLoaders): AppSandbox {
  const sandbox = createOnDemandSandbox({ storage, linkBase }, modules)
  const service = withFaults(sandbox.service, parseFaultPlan(storage.get(FAULTS_STORAGE_KEY)), {
    onChange: (plan) => storage.set(FAULTS_STORAGE_KEY, JSON.stringify(plan))
  })
  setActiveFaultController(service.faults)
  return { service, dev: sandbox.dev, allDev: sandbox.allDev, loaded: sandbox.loaded }
}
