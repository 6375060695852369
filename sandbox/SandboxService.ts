/**
 * SandboxService: the whole in-process simulation of the InkSeal backend (e-sign flows, the ID
 * registry, SMS and face verification, enterprise onboarding, enterprise management), every feature module made at
 * once. Tests, scripts and the HTTP sandbox server use it; the app makes its modules when
 * first needed instead (onDemand.ts). See docs/sandbox.md.
 */
import type { InkSealService, SandboxDevTools } from '@/services/types'
import { createSandboxCore, type FaultLog, type SandboxOptions } from './core'
import { enterpriseModule } from './enterprise'
import { hostModule } from './host'
import { orgModule } from './org'
import { signingModule } from './signing'

export { SANDBOX_STORAGE_KEY, SANDBOX_STATE_VERSION, DEFAULT_SEED, DEFAULT_LINK_BASE, RULES } from './core'
export type { SandboxOptions, SandboxFaults, OpFaults, FaultLog } from './core'

export type SandboxService = InkSealService & {
  dev: SandboxDevTools
  /** Every fault injected so far, oldest first */
  readonly faultLog: readonly FaultLog[]
}

export function createSandbox(opts: SandboxOptions = {}): SandboxService {
  const core = createSandboxCore(opts)
  const signing = signingModule(core.kernel)
  const enterprise = enterpriseModule(core.kernel)
  const host = hostModule(core.kernel)
  const org = orgModule(core.kernel)
  const service: InkSealService = { ...core.ops, ...signing.ops, ...enterprise.ops, ...host.ops, ...org.ops }
  return { ...service, dev: { ...core.dev, ...signing.dev, ...enterprise.dev, ...org.dev }, faultLog: core.faultLog }
}
