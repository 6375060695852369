import { FAULTS_STORAGE_KEY, parseFaultPlan, setActiveFaultController, withFaults } from '../faultInjection'
import type { KeyValueStore } from '../storage'
import type { InkSealService, SandboxDevTools } from '../types'
import { createSandbox } from './SandboxService'

export interface AppSandbox {
  service: InkSealService
  dev: SandboxDevTools
}

/**
 * The embedded sandbox as the app runs it: persisted in the app's storage, with the testers'
 * network-failure injection (plan from storage, spent faults persisted). Loaded on first use
 * by src/bootstrap.ts through src/platform/backend (its own chunk on H5).
 */
export function createAppSandbox(storage: KeyValueStore, linkBase: string): AppSandbox {
  const sandbox = createSandbox({ storage, linkBase })
  const service = withFaults(sandbox, parseFaultPlan(storage.get(FAULTS_STORAGE_KEY)), {
    onChange: (plan) => storage.set(FAULTS_STORAGE_KEY, JSON.stringify(plan))
  })
  setActiveFaultController(service.faults)
  return { service, dev: sandbox.dev }
}
