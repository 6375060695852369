/**
 * The sandbox as the app runs it: the core at once, each feature module (signing,
 * enterprise, org) when an operation or tool first needs it. On H5 the modules are chunks of their
 * own (the loaders come from src/platform/backend.h5.ts), so the landing route, whose only
 * question is the core's resolveEntry, does not fetch the contract renderer, the hashing, the
 * enterprise area or the QR encoder.
 *
 * Same answers as createSandbox (SandboxService.ts): a module's operations wait for it to
 * load, then run as they would there. A module that registers work before every operation
 * (signing's scheduled signers) is loaded first when its persisted state says it has some.
 */
import { ServiceError } from '@/services/errors'
import { loadOnce } from '@/services/lazy'
import {
  ENTERPRISE_OPERATIONS,
  HOST_OPERATIONS,
  ORG_OPERATIONS,
  SIGNING_OPERATIONS,
  type CoreDevTools,
  type EnterpriseDevTools,
  type EnterpriseOperations,
  type HostOperations,
  type InkSealService,
  type OrgDevTools,
  type OrgOperations,
  type SandboxDevTools,
  type SigningDevTools,
  type SigningOperations
} from '@/services/types'
import { createSandboxCore, type FaultLog, type SandboxOptions } from './core'
import type { SandboxKernel } from './core/kernel'
import { hasScheduledSigners } from './signing/signingSchedule'

type Factory<Ops, Dev> = (k: SandboxKernel) => { ops: Ops; dev: Dev }

/** How to get each feature module's factory (signingModule, enterpriseModule, hostModule).
 * A loader may reject with a ServiceError (the WeChat build has no host console: UNSUPPORTED);
 * anything else it rejects with is a chunk that did not arrive (NETWORK_ERROR). */
export interface SandboxModuleLoaders {
  signing: () => Promise<Factory<SigningOperations, SigningDevTools>>
  enterprise: () => Promise<Factory<EnterpriseOperations, EnterpriseDevTools>>
  host: () => Promise<Factory<HostOperations, object>>
  org: () => Promise<Factory<OrgOperations, OrgDevTools>>
}

export type SandboxModuleName = keyof SandboxModuleLoaders

export interface OnDemandSandbox {
  service: InkSealService
  /** The core's tools: at once, without loading a module */
  dev: CoreDevTools
  /** Every tool; loads the modules first */
  allDev(): Promise<SandboxDevTools>
  /** The modules made so far */
  loaded(): SandboxModuleName[]
  readonly faultLog: readonly FaultLog[]
}

const MODULE_OPS: Record<SandboxModuleName, readonly string[]> = {
  signing: Object.keys(SIGNING_OPERATIONS),
  enterprise: Object.keys(ENTERPRISE_OPERATIONS),
  host: Object.keys(HOST_OPERATIONS),
  org: Object.keys(ORG_OPERATIONS)
}

type Made = { ops: Record<string, (input: unknown) => Promise<unknown>>; dev: object }

export function createOnDemandSandbox(opts: SandboxOptions, loaders: SandboxModuleLoaders): OnDemandSandbox {
  const core = createSandboxCore(opts)
  const made: Partial<Record<SandboxModuleName, Made>> = {}
  const order: SandboxModuleName[] = []

  const loader = (name: SandboxModuleName) =>
    loadOnce((): Promise<Made> =>
      (loaders[name] as () => Promise<Factory<unknown, unknown>>)().then(
        (factory) => {
          if (!made[name]) {
            made[name] = factory(core.kernel) as unknown as Made
            order.push(name)
          }
          return made[name] as Made
        },
        (cause: unknown) => {
          if (cause instanceof ServiceError) throw cause
          // A chunk that did not arrive: the same message and retry as a failed request.
          throw new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', {
            module: name,
            cause: String((cause as Error)?.message ?? cause)
          })
        }
      )
    )
  const load: Record<SandboxModuleName, () => Promise<Made>> = {
    signing: loader('signing'),
    enterprise: loader('enterprise'),
    host: loader('host'),
    org: loader('org')
  }

  /** Scheduled signers sign before whatever operation runs next: their module must be there. */
  function beforeAny(): Promise<unknown> | null {
    if (!made.signing && hasScheduledSigners(core.kernel.state().modules.signing)) return load.signing()
    return null
  }

  const service: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [op, fn] of Object.entries(core.ops as unknown as Record<string, (input: unknown) => Promise<unknown>>)) {
    service[op] = (input) => {
      const wait = beforeAny()
      return wait ? wait.then(() => fn(input)) : fn(input)
    }
  }
  for (const name of Object.keys(MODULE_OPS) as SandboxModuleName[]) {
    for (const op of MODULE_OPS[name]) {
      service[op] = (input) => {
        const m = made[name]
        const wait = beforeAny()
        if (m && !wait) return m.ops[op](input)
        return Promise.all([wait, load[name]()]).then(([, mod]) => mod.ops[op](input))
      }
    }
  }

  const allDev = loadOnce(() =>
    Promise.all([load.signing(), load.enterprise(), load.org()]).then(([s, e, g]) => ({ ...core.dev, ...s.dev, ...e.dev, ...g.dev }) as SandboxDevTools)
  )

  return {
    service: service as unknown as InkSealService,
    dev: core.dev,
    allDev,
    loaded: () => order.slice(),
    faultLog: core.faultLog
  }
}
