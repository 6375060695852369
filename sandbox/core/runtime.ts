/**
 * Sandbox core, part 1 of its context: options, the seeded streams, the live state (loaded or
 * seeded, persisted) and the operation runner (latency, faults, hooks, housekeeping).
 * Composed in index.ts.
 */
import { deriveSeed, mulberry32, randomInt, type Rng } from '@/domain/random'
import { ServiceError } from '@/services/errors'
import { MemoryStorage } from '@/services/storage'
import type { OperationName } from '@/services/types'
import { DEFAULT_LINK_BASE, DEFAULT_SEED, defaultSleep, type FaultLog, RULES, SANDBOX_STORAGE_KEY, type SandboxFaults, type SandboxOptions } from './model'
import { MemoryBlobStore, type BlobStore } from './blobs'
import { parseState, seedState, type SandboxState } from './state'

export type CoreRuntimeContext = { opts: SandboxOptions }

export function coreRuntime(c: CoreRuntimeContext) {
  const { opts } = c
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0
  const storage = opts.storage ?? new MemoryStorage()
  const now = opts.now ?? (() => Date.now())
  const latency = opts.latency ?? { min: 150, max: 600 }
  const sleep = opts.sleep ?? defaultSleep
  const linkBase = opts.linkBase ?? DEFAULT_LINK_BASE
  const faults: SandboxFaults = opts.faults ?? {}
  const faultLog: FaultLog[] = []
  const blobs: BlobStore = opts.blobs ?? new MemoryBlobStore()

  // Independent streams: latency and fault draws never shift the codes and tokens.
  const latencyRng = mulberry32(deriveSeed(seed, 1))
  const faultRng = mulberry32(deriveSeed(seed, 2))

  // The live state and its PRNG, replaced wholesale by seedFresh (reset): one box the parts share
  const db = {} as { state: SandboxState; rng: Rng }
  const beforeHooks: ((ctx: { t: number; touch: () => void }) => void)[] = []

  function seedFresh(): void {
    const fresh = mulberry32(deriveSeed(seed, 0))
    db.state = seedState(seed, now(), fresh)
    db.rng = mulberry32(db.state.rng)
    // mulberry32(state) continues exactly where `fresh` stopped.
    persist()
  }

  function persist(): void {
    db.state.rng = db.rng.state
    storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(db.state))
  }

  const loaded = parseState(storage.get(SANDBOX_STORAGE_KEY))
  if (loaded) {
    db.state = loaded
    db.rng = mulberry32(loaded.rng)
  } else {
    seedFresh()
  }

  /**
   * Runs one operation: latency, maybe a fault (before any state is read or written), then the
   * synchronous body. State is persisted when the body changed it, also when it then throws
   * (e.g. a wrong SMS code counts).
   */
  async function run<T>(op: OperationName, body: (ctx: { t: number; touch: () => void }) => T): Promise<T> {
    const per = faults.perOp?.[op]
    const lat = per?.latency ?? latency
    const delay = randomInt(latencyRng, Math.max(0, lat.min), Math.max(0, lat.max, lat.min))
    await sleep(delay)
    // Decide this call's fault up front, from the seeded stream.
    let fault: { kind: 'error' | 'timeout'; when: 'before' | 'after' } | null = null
    if ((faults.rate ?? 0) > 0 && (!faults.ops || faults.ops.includes(op)) && faultRng.next() < (faults.rate ?? 0)) {
      fault = { kind: 'error', when: 'before' }
    } else if (per) {
      const x = faultRng.next()
      const e = per.errorRate ?? 0
      const to = per.timeoutRate ?? 0
      if (x < e) fault = { kind: 'error', when: per.when ?? 'before' }
      else if (x < e + to) fault = { kind: 'timeout', when: per.when ?? 'before' }
    }
    const strike = async (f: { kind: 'error' | 'timeout'; when: 'before' | 'after' }): Promise<never> => {
      faultLog.push({ op, ...f })
      if (f.kind === 'timeout') {
        await sleep(per?.timeoutMs ?? 15_000)
        throw new ServiceError('TIMEOUT', '请求超时，请稍后重试', { op, injected: true })
      }
      throw new ServiceError('SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后重试', { op, retryable: true, injected: true })
    }
    if (fault?.when === 'before') await strike(fault)
    let dirty = false
    const ctx = { t: now(), touch: () => void (dirty = true) }
    let out: T
    try {
      for (const hook of beforeHooks) hook(ctx)
      out = JSON.parse(JSON.stringify(body(ctx))) as T
    } finally {
      if (dirty) {
        prune(ctx.t)
        persist()
      }
    }
    if (fault?.when === 'after') await strike(fault)
    return out
  }

  function prune(t: number): void {
    for (const [k, v] of Object.entries(db.state.verifications)) {
      if (v.expiresAt + RULES.FORGET_AFTER_MS < t) delete db.state.verifications[k]
    }
    for (const [k, s] of Object.entries(db.state.sessions)) {
      if (Math.min(s.expiresAt, s.revokedAt ?? Infinity) + RULES.FORGET_AFTER_MS < t) delete db.state.sessions[k]
    }
    for (const [k, times] of Object.entries(db.state.smsLog)) {
      const kept = times.filter((x) => x > t - RULES.SMS_WINDOW_MS)
      if (kept.length) db.state.smsLog[k] = kept
      else delete db.state.smsLog[k]
    }
    if (db.state.outbox.length > RULES.OUTBOX_MAX) db.state.outbox.splice(0, db.state.outbox.length - RULES.OUTBOX_MAX)
  }

  return {
    seed,
    storage,
    blobs,
    now,
    latency,
    sleep,
    linkBase,
    faults,
    faultLog,
    latencyRng,
    faultRng,
    db,
    beforeHooks,
    seedFresh,
    persist,
    loaded,
    run,
    prune
  }
}
