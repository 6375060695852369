/**
 * Network-failure injection for testing: a decorator over InkSealService that makes chosen
 * operations fail with NETWORK_ERROR, deterministically.
 *
 * - `before: N`: the next N calls fail BEFORE the real operation runs (the request never
 *   reached the backend).
 * - `after: N`: the next N calls run the real operation, then fail (the backend committed,
 *   the response was lost). This is the case idempotency keys exist for.
 * - `rate` (0..1) with `seed`: each call fails with that probability from a seeded stream, at
 *   `when` ('before' by default). Same seed, same calls → same failures.
 * - `skip: N`: the first N calls pass untouched before any of the above applies.
 *
 * Counted faults are consumed; `onChange` reports the remaining plan so a caller can persist
 * it (the sandbox build keeps it in storage, so a reload does not re-arm a spent fault).
 *
 * Sandbox builds wire this in src/bootstrap.ts with the plan from storage key
 * `inkseal.dev.faults` (JSON), e.g. `{"submitSigning":{"after":1}}`.
 */
import { ServiceError } from './errors'
import { randomFn } from '@/domain/random'
import { OPERATIONS, type InkSealService, type OperationName } from './types'

export const FAULTS_STORAGE_KEY = 'inkseal.dev.faults'

export interface OpFaultPlan {
  /** Fail the next N calls before the real operation runs */
  before?: number
  /** Run the real operation, then fail the next N calls (response lost) */
  after?: number
  /** Probability per call of a failure (seeded, deterministic) */
  rate?: number
  /** Where rate-based failures happen; default 'before' */
  when?: 'before' | 'after'
  /** Seed for `rate`; default 1 */
  seed?: number
  /** Let this many calls pass before faults apply */
  skip?: number
}

export type FaultPlan = Partial<Record<OperationName, OpFaultPlan>>

export interface InjectedFault {
  op: OperationName
  phase: 'before' | 'after'
  /** 1-based call number of that operation */
  call: number
}

export interface FaultController {
  /** Replaces the plan (counters and random streams start over) */
  set(plan: FaultPlan): void
  /** The remaining plan (spent counters removed) */
  plan(): FaultPlan
  /** Faults injected so far, oldest first */
  readonly injected: InjectedFault[]
  /** Calls seen per operation */
  calls(op: OperationName): number
}

export interface WithFaultsOptions {
  /** Called whenever the remaining plan changes (a counted fault consumed, or set()) */
  onChange?: (plan: FaultPlan) => void
}

const OP_SET: ReadonlySet<string> = new Set(OPERATIONS)

function nonNegInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined
}

/** Keeps only well-formed entries for known operations; anything else is dropped. */
export function normalizeFaultPlan(raw: unknown): FaultPlan {
  const out: FaultPlan = {}
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out
  for (const [op, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!OP_SET.has(op) || !v || typeof v !== 'object') continue
    const o = v as Record<string, unknown>
    const p: OpFaultPlan = {}
    const before = nonNegInt(o.before)
    const after = nonNegInt(o.after)
    const skip = nonNegInt(o.skip)
    if (before) p.before = before
    if (after) p.after = after
    if (skip) p.skip = skip
    if (typeof o.rate === 'number' && o.rate > 0) {
      p.rate = Math.min(1, o.rate)
      p.when = o.when === 'after' ? 'after' : 'before'
      p.seed = typeof o.seed === 'number' && Number.isFinite(o.seed) ? o.seed >>> 0 : 1
    }
    if (p.before || p.after || p.rate) out[op as OperationName] = p
  }
  return out
}

/** Parses a stored plan (JSON); anything malformed yields an empty plan. */
export function parseFaultPlan(json: string | null | undefined): FaultPlan {
  if (!json) return {}
  try {
    return normalizeFaultPlan(JSON.parse(json))
  } catch {
    return {}
  }
}

export function networkError(op: OperationName, phase: 'before' | 'after'): ServiceError {
  return new ServiceError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', { op, phase, injected: true })
}

/**
 * Wraps every operation of `service`. Other properties (e.g. the sandbox's `dev` tools) are
 * passed through unchanged. The result carries `faults`, its controller.
 */
export function withFaults<S extends InkSealService>(service: S, initial: FaultPlan, opts: WithFaultsOptions = {}): S & { faults: FaultController } {
  let plan: FaultPlan = normalizeFaultPlan(initial)
  let streams = new Map<OperationName, () => number>()
  const calls = new Map<OperationName, number>()
  const injected: InjectedFault[] = []

  const changed = () => opts.onChange?.(clonePlan(plan))

  /** Decides this call's fault (and consumes counters). */
  function decide(op: OperationName, call: number): 'before' | 'after' | null {
    const p = plan[op]
    if (!p) return null
    if (p.skip && call <= p.skip) return null
    if (p.before) {
      p.before -= 1
      cleanup(op)
      changed()
      return 'before'
    }
    if (p.after) {
      p.after -= 1
      cleanup(op)
      changed()
      return 'after'
    }
    if (p.rate) {
      let r = streams.get(op)
      if (!r) {
        r = randomFn(p.seed ?? 1)
        streams.set(op, r)
      }
      if (r() < p.rate) return p.when === 'after' ? 'after' : 'before'
    }
    return null
  }

  function cleanup(op: OperationName): void {
    const p = plan[op]
    if (!p) return
    if (!p.before) delete p.before
    if (!p.after) delete p.after
    if (!p.before && !p.after && !p.rate) delete plan[op]
  }

  const wrapped: Record<string, unknown> = { ...(service as unknown as Record<string, unknown>) }
  for (const op of OPERATIONS) {
    const real = (service as unknown as Record<string, (input: unknown) => Promise<unknown>>)[op]
    if (typeof real !== 'function') continue
    wrapped[op] = async (input: unknown) => {
      const call = (calls.get(op) ?? 0) + 1
      calls.set(op, call)
      const phase = decide(op, call)
      if (phase === 'before') {
        injected.push({ op, phase, call })
        throw networkError(op, phase)
      }
      const out = await real.call(service, input)
      if (phase === 'after') {
        injected.push({ op, phase, call })
        throw networkError(op, phase)
      }
      return out
    }
  }

  const controller: FaultController = {
    set(next) {
      plan = normalizeFaultPlan(next)
      streams = new Map()
      calls.clear()
      changed()
    },
    plan: () => clonePlan(plan),
    injected,
    calls: (op) => calls.get(op) ?? 0
  }
  wrapped.faults = controller
  return wrapped as unknown as S & { faults: FaultController }
}

function clonePlan(p: FaultPlan): FaultPlan {
  return JSON.parse(JSON.stringify(p)) as FaultPlan
}

// The controller of the running app (sandbox builds), for the developer panel.
let active: FaultController | null = null

export function setActiveFaultController(c: FaultController | null): void {
  active = c
}

export function activeFaultController(): FaultController | null {
  return active
}
