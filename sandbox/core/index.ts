/**
 * The sandbox core: an in-process simulation of the InkSeal backend's shared part (links,
 * the ID registry, SMS, face verification, sessions, flows and the meeting board), with the
 * operation runner (latency, faults, persistence) it lends its feature modules (signing/,
 * enterprise/) through the kernel. It behaves like the real thing: latency, rules, limits,
 * expiry and rejections, deterministic under a seed. See docs/sandbox.md.
 *
 * Composed with its modules by SandboxService.ts (all at once: tests, the HTTP sandbox server)
 * or by onDemand.ts (each module when first needed: the app).
 */
import type { CoreDevTools, CoreOperations } from '@/services/types'
import { coreChecks } from './checks'
import { coreDevTools } from './dev'
import type { SandboxKernel } from './kernel'
import { summary, type SandboxCore, type SandboxOptions } from './model'
import { entryOps } from './opsEntry'
import { flowOps } from './opsFlows'
import { coreRuntime } from './runtime'

export {
  assertNoPersonalNumbers,
  DEFAULT_LINK_BASE,
  DEFAULT_SEED,
  RULES,
  SANDBOX_STATE_VERSION,
  SANDBOX_STORAGE_KEY,
  type FaultLog,
  type OpFaults,
  type SandboxCore,
  type SandboxFaults,
  type SandboxOptions
} from './model'

/**
 * The core on its options. Its parts are functions of one context object, built up in order:
 * options → seeded streams, live state and the runner (runtime.ts) → shared checks, SMS and
 * overviews (checks.ts). The operations (ops*.ts), dev tools (dev.ts) and the kernel lent to
 * the feature modules take the whole context.
 */
export function createSandboxCore(opts: SandboxOptions = {}): SandboxCore {
  const base = { opts }
  const c1 = { ...base, ...coreRuntime(base) }
  const c = { ...c1, ...coreChecks(c1) }
  const coreOps: CoreOperations = { ...entryOps(c), ...flowOps(c) }
  const coreDev: CoreDevTools = coreDevTools(c)
  const { db, now, blobs, scheme, host, run, requireSession, requireLink, verifySmsCode, issueSmsCode, deliverSms, overview, beforeHooks, faultLog } = c

  // ---- feature modules (signing, enterprise): each gets the kernel and owns a state slice

  const kernel: SandboxKernel = {
    state: () => db.state,
    rng: () => db.rng,
    now,
    link: { scheme, host },
    run,
    requireSession,
    requireLink,
    verifySmsCode,
    issueSmsCode,
    deliverSms,
    blobs,
    autoPlayOthers: opts.autoPlayOthers,
    summary,
    overview,
    module<T>(name: string, init: () => T): T {
      if (!(name in db.state.modules)) db.state.modules[name] = init()
      return db.state.modules[name] as T
    },
    onBeforeOperation(hook) {
      beforeHooks.push(hook)
    }
  }
  return { kernel, ops: coreOps, dev: coreDev, faultLog }
}
