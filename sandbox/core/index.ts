/**
 * The sandbox core: an in-process simulation of the InkSeal backend's shared part (links,
 * the ID registry, SMS, face verification, sessions, flows and the meeting board), with the
 * operation runner (latency, faults, persistence) it lends its feature modules (signing.ts,
 * enterprise.ts) through the kernel. It behaves like the real thing: latency, rules, limits,
 * expiry and rejections, deterministic under a seed. See docs/sandbox.md.
 *
 * Composed with its modules by SandboxService.ts (all at once: tests, the HTTP sandbox server)
 * or by onDemand.ts (each module when first needed: the app).
 */
import {
  maskMobile,
  maskName,
  maskResidentId,
  validateMobile,
  validatePersonName,
  validateResidentId,
  validateSmsCode
} from '@/domain/identity'
import { encodePayload, entryLink, ID_ALPHABET } from '@/domain/entryLink'
import { ServiceError } from '@/services/errors'
import { MemoryStorage, type KeyValueStore } from '@/services/storage'
import { checkValid, inputObject, invalid, requireString } from './input'
import type {
  DemoIdentity,
  DemoLink,
  DemoMeeting,
  MeetingBoard,
  MeetingFlowView,
  EntryResolution,
  FaceCapture,
  FlowOverview,
  FlowStatus,
  FlowSummary,
  CoreDevTools,
  CoreOperations,
  OperationName,
  RealNameResult,
  SessionInfo,
  SignerStatus,
  SignerView,
  SmsMessage,
  SmsPurpose,
  SmsTicket
} from '@/services/types'
import type { SandboxKernel } from './kernel'
import { DEMO_ENTERPRISES, DEMO_LINK_SPECS, DEMO_PEOPLE, DEMO_PERSON_KEYS, registryEntry } from './demoData'
import { hashId, hashMobile } from './hash'
import { deriveSeed, mulberry32, randomDigits, randomInt, randomString, type Rng } from '@/domain/random'
import {
  parseState,
  seedState,
  STATE_VERSION,
  type FlowRecord,
  type LinkRecord,
  type SandboxState,
  type SessionRecord,
  type SignerRecord,
  type SmsRecord
} from './state'

export const SANDBOX_STORAGE_KEY = 'inkseal.sandbox.v1'
export const SANDBOX_STATE_VERSION = STATE_VERSION
export const DEFAULT_SEED = 20261121
export const DEFAULT_LINK_BASE = 'https://sign.inkseal.cn'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The sandbox's rules, in one place (tests and docs refer to them). */
export const RULES = {
  SMS_CODE_TTL_MS: 5 * MINUTE,
  SMS_RESEND_MS: 60 * SECOND,
  SMS_DAILY_LIMIT: 10,
  SMS_WINDOW_MS: DAY,
  SMS_MAX_WRONG: 5,
  SMS_LOCK_MS: 10 * MINUTE,
  VERIFICATION_TTL_MS: 10 * MINUTE,
  FACE_MAX_FAILURES: 3,
  SESSION_TTL_MS: 2 * HOUR,
  OUTBOX_MAX: 100,
  /** Expired sessions and verifications are forgotten this long after expiry */
  FORGET_AFTER_MS: DAY
} as const

export interface SandboxOptions {
  /** PRNG seed for codes, tokens, latency and faults; default 20261121 */
  seed?: number
  /** Where the state is persisted (JSON under 'inkseal.sandbox.v1'); default a new MemoryStorage */
  storage?: KeyValueStore
  /** Clock, default Date.now */
  now?: () => number
  /** Simulated latency per operation (ms); default {min: 150, max: 600} */
  latency?: { min: number; max: number }
  /** How latency is waited for; default setTimeout (0 ms resolves without a timer) */
  sleep?: (ms: number) => Promise<void>
  /** Scheme + host of the demo links; default 'https://sign.inkseal.cn' */
  linkBase?: string
  /** Fault injection (errors, timeouts, latency per operation); default none */
  faults?: SandboxFaults
}

/** The core, before its feature modules are put on it. */
export interface SandboxCore {
  /** What the feature modules get: state, clock, runner, shared checks */
  kernel: SandboxKernel
  ops: CoreOperations
  dev: CoreDevTools
  /** Every fault injected so far, oldest first */
  faultLog: FaultLog[]
}

/** Per-operation fault settings (all draws come from the seeded fault stream). */
export interface OpFaults {
  /** Latency of this operation instead of the global one */
  latency?: { min: number; max: number }
  /** Probability of SERVICE_UNAVAILABLE */
  errorRate?: number
  /** Probability of a TIMEOUT: the call hangs `timeoutMs` (default 15 000), then fails */
  timeoutRate?: number
  timeoutMs?: number
  /**
   * Where errors and timeouts strike: 'before' the operation touches state (default; a retry
   * is always safe) or 'after' it committed (the answer is lost: what idempotency is for).
   */
  when?: 'before' | 'after'
}

/**
 * Fault injection, deterministic under the seed. `rate`/`ops` is the simple form (errors
 * before commit on the listed operations); `perOp` sets latency, error and timeout rates and
 * their timing for each operation.
 */
export interface SandboxFaults {
  rate?: number
  ops?: OperationName[]
  perOp?: Partial<Record<OperationName, OpFaults>>
}

/** Faults the sandbox injected, for reports. */
export interface FaultLog {
  op: OperationName
  kind: 'error' | 'timeout'
  when: 'before' | 'after'
}

function defaultSleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, ms))
}

// ---------------------------------------------------------------- input validation

function requireFlowId(o: Record<string, unknown>): string {
  const id = requireString(o, 'flowId', '缺少合同编号')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) throw invalid('flowId', '合同编号格式不正确')
  return id
}

function requireLinkToken(o: Record<string, unknown>): string {
  const t = requireString(o, 'linkToken', '缺少签署凭证')
  if (!/^[0-9A-Za-z]{8}$/.test(t)) throw invalid('linkToken', '签署凭证格式不正确')
  return t
}

const PURPOSES: readonly SmsPurpose[] = ['REAL_NAME', 'INTENT', 'LEGAL_REP']
const FACE_ACTIONS: readonly FaceCapture['action'][] = ['blink', 'nod', 'mouth']

function requireCapture(o: Record<string, unknown>): FaceCapture {
  const c = o.capture as Record<string, unknown> | undefined
  const bad = () => invalid('capture', '人脸采集数据不完整，请重新采集')
  if (!c || typeof c !== 'object') throw bad()
  if (c.source !== 'camera' && c.source !== 'simulated') throw bad()
  if (typeof c.frames !== 'number' || !Number.isFinite(c.frames) || c.frames < 0) throw bad()
  if (!FACE_ACTIONS.includes(c.action as FaceCapture['action'])) throw bad()
  if (typeof c.completed !== 'boolean') throw bad()
  return { source: c.source, frames: c.frames, action: c.action as FaceCapture['action'], completed: c.completed }
}

// ---------------------------------------------------------------- views

/** Matches an unmasked resident ID or mobile number inside a string (a run of 11+ digits). */
const FULL_NUMBER = /\d{11,}|\d{17}[\dXx]/

function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsOf(x, out)
  return out
}

/** Views that leave the backend must not carry unmasked personal numbers. Times are numbers,
 * so only string values are checked. */
export function assertNoPersonalNumbers<T>(view: T): T {
  if (stringsOf(view).some((s) => FULL_NUMBER.test(s))) {
    throw new ServiceError('INTERNAL', '系统繁忙，请稍后重试', { cause: 'unmasked personal data in a view' })
  }
  return view
}

function flowStatus(f: FlowRecord, now: number): FlowStatus {
  if (f.cancelledAt !== null) return 'CANCELLED'
  if (f.signers.some((s) => s.status === 'DECLINED')) return 'DECLINED'
  if (f.signers.length > 0 && f.signers.every((s) => s.status === 'SIGNED')) return 'COMPLETED'
  if (now >= f.deadline) return 'EXPIRED'
  return 'SIGNING'
}

function closedAt(f: FlowRecord, status: FlowStatus): number | null {
  if (status === 'CANCELLED') return f.cancelledAt
  if (status === 'COMPLETED' || status === 'DECLINED') {
    const times = f.signers.map((s) => s.signedAt ?? 0)
    return times.length ? Math.max(...times) : null
  }
  return null
}

function signerView(s: SignerRecord, status: FlowStatus): SignerView {
  let shown: SignerStatus = s.status
  if (s.status === 'PENDING') {
    if (status === 'EXPIRED') shown = 'EXPIRED'
    else if (status === 'CANCELLED' || status === 'DECLINED') shown = 'CANCELLED'
  }
  return {
    signerId: s.signerId,
    order: s.order,
    partyType: s.partyType,
    enterpriseName: s.enterpriseName,
    maskedName: maskName(s.name),
    maskedMobile: s.maskedMobile,
    roleLabel: s.roleLabel,
    status: shown,
    signedAt: s.signedAt
  }
}

function summary(f: FlowRecord, now: number): FlowSummary {
  const status = flowStatus(f, now)
  return assertNoPersonalNumbers({
    flowId: f.flowId,
    title: f.title,
    kind: f.kind,
    status,
    initiator: f.initiator.partyType === 'PERSON' ? maskName(f.initiator.name) : f.initiator.name,
    meetingName: f.meetingName,
    createdAt: f.createdAt,
    deadline: f.deadline,
    closedAt: closedAt(f, status),
    closedReason: f.closedReason,
    parties: f.parties.map((p) => ({ partyType: p.partyType, name: p.partyType === 'PERSON' ? maskName(p.name) : p.name })),
    signers: f.signers.map((s) => signerView(s, status)),
    pageCount: f.pageCount
  })
}

/** '张*（138****8000）' for each designated signer who has not signed yet. */
function intendedFor(f: FlowRecord): string[] {
  return f.signers
    .filter((s) => s.status === 'PENDING')
    .map((s) => `${maskName(s.name)}（${s.maskedMobile}）`)
}

const employeeCache = new Map<string, Set<string>>()

/** ID hashes of the people the enterprise registry lists as employees of the enterprise. */
function employeeHashes(creditCode: string | null): Set<string> {
  if (!creditCode) return new Set()
  let set = employeeCache.get(creditCode)
  if (!set) {
    set = new Set()
    for (const e of Object.values(DEMO_ENTERPRISES)) {
      if (e.creditCode === creditCode) for (const p of e.employees) set.add(hashId(DEMO_PEOPLE[p].idNumber))
    }
    employeeCache.set(creditCode, set)
  }
  return set
}

function splitLinkBase(base: string): { scheme: string; host: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)/.exec(base.trim())
  if (!m) return { scheme: 'https', host: base.trim().replace(/\/+$/, '') }
  return { scheme: m[1].toLowerCase(), host: m[2] }
}

// ---------------------------------------------------------------- the service

export function createSandboxCore(opts: SandboxOptions = {}): SandboxCore {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0
  const storage = opts.storage ?? new MemoryStorage()
  const now = opts.now ?? (() => Date.now())
  const latency = opts.latency ?? { min: 150, max: 600 }
  const sleep = opts.sleep ?? defaultSleep
  const linkBase = opts.linkBase ?? DEFAULT_LINK_BASE
  const faults: SandboxFaults = opts.faults ?? {}
  const faultLog: FaultLog[] = []

  // Independent streams: latency and fault draws never shift the codes and tokens.
  const latencyRng = mulberry32(deriveSeed(seed, 1))
  const faultRng = mulberry32(deriveSeed(seed, 2))

  let state: SandboxState
  let rng: Rng
  const beforeHooks: ((ctx: { t: number; touch: () => void }) => void)[] = []

  function seedFresh(): void {
    const fresh = mulberry32(deriveSeed(seed, 0))
    state = seedState(seed, now(), fresh)
    rng = mulberry32(state.rng)
    // mulberry32(state) continues exactly where `fresh` stopped.
    persist()
  }

  function persist(): void {
    state.rng = rng.state
    storage.set(SANDBOX_STORAGE_KEY, JSON.stringify(state))
  }

  const loaded = parseState(storage.get(SANDBOX_STORAGE_KEY))
  if (loaded) {
    state = loaded
    rng = mulberry32(loaded.rng)
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
    for (const [k, v] of Object.entries(state.verifications)) {
      if (v.expiresAt + RULES.FORGET_AFTER_MS < t) delete state.verifications[k]
    }
    for (const [k, s] of Object.entries(state.sessions)) {
      if (Math.min(s.expiresAt, s.revokedAt ?? Infinity) + RULES.FORGET_AFTER_MS < t) delete state.sessions[k]
    }
    for (const [k, times] of Object.entries(state.smsLog)) {
      const kept = times.filter((x) => x > t - RULES.SMS_WINDOW_MS)
      if (kept.length) state.smsLog[k] = kept
      else delete state.smsLog[k]
    }
    if (state.outbox.length > RULES.OUTBOX_MAX) state.outbox.splice(0, state.outbox.length - RULES.OUTBOX_MAX)
  }

  // ---- shared checks

  function requireSession(o: Record<string, unknown>, t: number): SessionRecord {
    const token = requireString(o, 'session', '缺少登录凭证，请先验证身份')
    const s = state.sessions[token]
    if (!s || s.revokedAt !== null) {
      throw new ServiceError('SESSION_INVALID', '登录状态无效，请重新验证身份')
    }
    if (t >= s.expiresAt) {
      throw new ServiceError('SESSION_EXPIRED', '登录已过期，请重新验证身份', { expiredAt: s.expiresAt })
    }
    return s
  }

  function requireLink(flowId: string, token: string, t: number): { link: LinkRecord; flow: FlowRecord } {
    const link = state.links[token]
    if (!link || link.flowId !== flowId) {
      throw new ServiceError('LINK_INVALID', '签署码无效，请确认扫描的是发起方分享的最新签署码')
    }
    if (t >= link.expiresAt) {
      throw new ServiceError('LINK_EXPIRED', '该签署码已过期，请联系发起方重新获取', {
        expiredAt: link.expiresAt,
        flowId
      })
    }
    const flow = state.flows[flowId]
    if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
    return { link, flow }
  }

  function smsKey(mobileHash: string, purpose: SmsPurpose): string {
    return `${mobileHash}:${purpose}`
  }

  function lockedError(until: number, t: number): ServiceError {
    const minutes = Math.max(1, Math.ceil((until - t) / MINUTE))
    return new ServiceError('SMS_LOCKED', `验证码错误次数过多，该手机号已被锁定，请${minutes}分钟后再试`, {
      until,
      retryAfterMs: until - t
    })
  }

  function currentLock(rec: SmsRecord | undefined, t: number, touch: () => void): number | null {
    if (!rec || rec.lockedUntil === null) return null
    if (t < rec.lockedUntil) return rec.lockedUntil
    rec.lockedUntil = null // lock is over
    touch()
    return null
  }

  /**
   * Checks an SMS code for a mobile and purpose: lock, missing, expired, wrong (5 wrong codes
   * lock the number for 10 min). Returns the record when right; the caller consumes it
   * (`rec.code = null`) once the rest of its checks pass.
   */
  function verifySmsCode(mobileHash: string, purpose: SmsPurpose, code: string, t: number, touch: () => void): SmsRecord {
    const rec = state.sms[smsKey(mobileHash, purpose)]
    const lock = currentLock(rec, t, touch)
    if (lock !== null) throw lockedError(lock, t)
    if (!rec || rec.code === null) throw new ServiceError('SMS_CODE_MISSING', '请先获取短信验证码')
    if (t >= rec.expiresAt) {
      throw new ServiceError('SMS_CODE_EXPIRED', '验证码已过期，请重新获取', { expiredAt: rec.expiresAt })
    }
    if (code !== rec.code) {
      rec.wrongCount += 1
      touch()
      if (rec.wrongCount >= RULES.SMS_MAX_WRONG) {
        rec.lockedUntil = t + RULES.SMS_LOCK_MS
        rec.wrongCount = 0
        rec.code = null // a code under attack is void
        throw lockedError(rec.lockedUntil, t)
      }
      const remaining = RULES.SMS_MAX_WRONG - rec.wrongCount
      throw new ServiceError('SMS_CODE_WRONG', `验证码错误，还可尝试${remaining}次`, { remaining })
    }
    // The code is right: wrong-code count starts over.
    if (rec.wrongCount !== 0) {
      rec.wrongCount = 0
      touch()
    }
    return rec
  }

  /**
   * Issues a 6-digit code for a mobile (known by hash) and purpose, under the SMS rules: lock,
   * rolling daily limit, resend window; the wrong-code count survives a resend. `text` writes
   * the message around the code (default: the plain verification text). Every purpose and
   * module sends codes through here.
   */
  function issueSmsCode(
    mobileHash: string,
    maskedMobile: string,
    purpose: SmsPurpose,
    t: number,
    touch: () => void,
    text: (code: string) => string = (code) => `【InkSeal】您的验证码为${code}，${RULES.SMS_CODE_TTL_MS / MINUTE}分钟内有效。如非本人操作，请忽略。`
  ): SmsTicket {
    const key = smsKey(mobileHash, purpose)
    const rec = state.sms[key]
    const lock = currentLock(rec, t, touch)
    if (lock !== null) throw lockedError(lock, t)
    const log = (state.smsLog[mobileHash] ?? []).filter((x) => x > t - RULES.SMS_WINDOW_MS)
    if (log.length >= RULES.SMS_DAILY_LIMIT) {
      throw new ServiceError('SMS_TOO_FREQUENT', '今日验证码发送次数已达上限，请明天再试', {
        limit: RULES.SMS_DAILY_LIMIT,
        retryAfterMs: log[0] + RULES.SMS_WINDOW_MS - t
      })
    }
    if (rec && t < rec.sentAt + RULES.SMS_RESEND_MS) {
      const retryAfterMs = rec.sentAt + RULES.SMS_RESEND_MS - t
      throw new ServiceError('SMS_TOO_FREQUENT', `验证码发送过于频繁，请${Math.ceil(retryAfterMs / SECOND)}秒后再试`, { retryAfterMs })
    }
    const code = randomDigits(rng, 6)
    const expiresAt = t + RULES.SMS_CODE_TTL_MS
    state.sms[key] = { purpose, code, sentAt: t, expiresAt, wrongCount: rec ? rec.wrongCount : 0, lockedUntil: null }
    log.push(t)
    state.smsLog[mobileHash] = log
    deliverSms(maskedMobile, text(code), t)
    touch()
    return { sentTo: maskedMobile, expiresAt, resendAt: t + RULES.SMS_RESEND_MS }
  }

  /** Puts a message in the SMS outbox (the phone we do not have). `to` is already masked. */
  function deliverSms(to: string, text: string, t: number): void {
    state.outbox.push({ id: `sms_${randomString(rng, 10)}`, to, text, sentAt: t })
  }

  function overview(f: FlowRecord, signer: SignerRecord, t: number): FlowOverview {
    return { ...summary(f, t), mySignerId: signer.signerId }
  }

  // ---- operations

  const { scheme, host } = splitLinkBase(linkBase)

  const coreOps: CoreOperations = {
    resolveEntry(input) {
      return run('resolveEntry', ({ t }): EntryResolution => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const token = requireLinkToken(o)
        const { link, flow } = requireLink(flowId, token, t)
        return { flow: summary(flow, t), intendedFor: intendedFor(flow), linkExpiresAt: link.expiresAt }
      })
    },

    sendSmsCode(input) {
      return run('sendSmsCode', ({ t, touch }): SmsTicket => {
        const o = inputObject(input)
        const mobile = checkValid('mobile', validateMobile(typeof o.mobile === 'string' ? o.mobile : ''))
        const purpose = o.purpose as SmsPurpose
        if (!PURPOSES.includes(purpose)) throw invalid('purpose', '验证码用途不正确')
        return issueSmsCode(hashMobile(mobile), maskMobile(mobile), purpose, t, touch)
      })
    },

    verifyRealName(input) {
      return run('verifyRealName', ({ t, touch }): RealNameResult => {
        const o = inputObject(input)
        const str = (f: string) => (typeof o[f] === 'string' ? (o[f] as string) : '')
        const name = checkValid('name', validatePersonName(str('name')))
        const id = checkValid('idNumber', validateResidentId(str('idNumber'), t)).id
        const mobile = checkValid('mobile', validateMobile(str('mobile')))
        const code = checkValid('smsCode', validateSmsCode(str('smsCode')))

        const mobileHash = hashMobile(mobile)
        const rec = verifySmsCode(mobileHash, 'REAL_NAME', code, t, touch)

        // Registry check. Unknown (but valid) IDs are treated as registered under the given name.
        const entry = registryEntry(id)
        if (entry && entry.name !== name) {
          throw new ServiceError('REGISTRY_MISMATCH', '姓名与身份证号不一致，请核对后重试', { field: 'name' })
        }

        rec.code = null // one use
        const verificationId = `v_${randomString(rng, 20)}`
        state.verifications[verificationId] = {
          id: verificationId,
          idHash: hashId(id),
          mobileHash,
          name,
          maskedName: maskName(name),
          maskedId: maskResidentId(id),
          maskedMobile: maskMobile(mobile),
          faceFails: entry ? entry.faceFails : false,
          faceFailures: 0,
          createdAt: t,
          expiresAt: t + RULES.VERIFICATION_TTL_MS
        }
        touch()
        return { verificationId, faceRequired: true, maskedName: maskName(name) }
      })
    },

    completeFace(input) {
      return run('completeFace', ({ t, touch }): SessionInfo => {
        const o = inputObject(input)
        const verificationId = requireString(o, 'verificationId', '缺少身份核验编号')
        const capture = requireCapture(o)
        const v = state.verifications[verificationId]
        if (!v || t >= v.expiresAt) {
          throw new ServiceError('VERIFICATION_EXPIRED', '身份核验已失效，请重新验证身份')
        }
        const fail = (message: string, reason: string): ServiceError => {
          v.faceFailures += 1
          touch()
          if (v.faceFailures >= RULES.FACE_MAX_FAILURES) {
            delete state.verifications[verificationId]
            return new ServiceError('VERIFICATION_EXPIRED', '人脸核验失败次数过多，请重新验证身份', {
              reason: 'FACE_FAILURES',
              failures: v.faceFailures
            })
          }
          return new ServiceError('FACE_FAILED', message, {
            reason,
            remaining: RULES.FACE_MAX_FAILURES - v.faceFailures
          })
        }
        if (!capture.completed) throw fail('未完成指定动作，请重试', 'ACTION_NOT_COMPLETED')
        if (v.faceFails) throw fail('人脸与身份证照片比对不一致', 'FACE_MISMATCH')

        delete state.verifications[verificationId]
        let token: string
        do token = randomString(rng, 32)
        while (state.sessions[token])
        const session: SessionRecord = {
          token,
          idHash: v.idHash,
          mobileHash: v.mobileHash,
          name: v.name,
          maskedName: v.maskedName,
          maskedId: v.maskedId,
          maskedMobile: v.maskedMobile,
          createdAt: t,
          expiresAt: t + RULES.SESSION_TTL_MS,
          revokedAt: null
        }
        state.sessions[token] = session
        touch()
        return {
          token,
          expiresAt: session.expiresAt,
          maskedName: session.maskedName,
          maskedId: session.maskedId,
          maskedMobile: session.maskedMobile
        }
      })
    },

    signOut(input) {
      return run('signOut', ({ t, touch }): { ok: true } => {
        const o = inputObject(input)
        const token = requireString(o, 'session', '缺少登录凭证')
        const s = state.sessions[token]
        // Signing out is idempotent: an unknown or expired session is already signed out.
        if (s && s.revokedAt === null) {
          s.revokedAt = t
          touch()
        }
        return { ok: true }
      })
    },

    joinFlow(input) {
      return run('joinFlow', ({ t, touch }): FlowOverview => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const token = requireLinkToken(o)
        const session = requireSession(o, t)
        const { flow } = requireLink(flowId, token, t)

        const matches = flow.signers.filter(
          (s) =>
            s.name === session.name &&
            s.idHash === session.idHash &&
            s.mobileHash === session.mobileHash &&
            (s.partyType === 'PERSON' || employeeHashes(s.enterpriseCreditCode).has(session.idHash))
        )
        if (matches.length === 0) {
          const intended = intendedFor(flow)
          const message = intended.length
            ? `您不是本合同的签署人。本合同的待签署人为：${intended.join('、')}`
            : '您不是本合同的签署人，无法查看本合同'
          throw new ServiceError('NOT_DESIGNATED_SIGNER', message, { intendedFor: intended, flowId })
        }
        // Already joined as one of them? Else the first not yet taken (pending first).
        const signer =
          matches.find((s) => s.joinedBy === session.idHash) ??
          matches.find((s) => s.joinedBy === null && s.status === 'PENDING') ??
          matches.find((s) => s.joinedBy === null) ??
          matches[0]
        if (signer.joinedBy === null) {
          signer.joinedBy = session.idHash
          signer.joinedAt = t
          touch()
        }
        return overview(flow, signer, t)
      })
    },

    getFlow(input) {
      return run('getFlow', ({ t }): FlowOverview => {
        const o = inputObject(input)
        const flowId = requireFlowId(o)
        const session = requireSession(o, t)
        const flow = state.flows[flowId]
        if (!flow) throw new ServiceError('FLOW_NOT_FOUND', '合同不存在或已被发起方删除', { flowId })
        const signer = flow.signers.find((s) => s.joinedBy === session.idHash)
        if (!signer) {
          throw new ServiceError('FORBIDDEN', '您无权查看该合同。如您是签署人，请通过发起方分享的签署码进入', { flowId })
        }
        return overview(flow, signer, t)
      })
    },

    listMyFlows(input) {
      return run('listMyFlows', ({ t }): FlowSummary[] => {
        const o = inputObject(input)
        const session = requireSession(o, t)
        return Object.values(state.flows)
          .filter((f) => f.signers.some((s) => s.joinedBy === session.idHash))
          .sort((a, b) => b.createdAt - a.createdAt || (a.flowId < b.flowId ? -1 : 1))
          .map((f) => summary(f, t))
      })
    },

    getMeetingBoard(input) {
      return run('getMeetingBoard', ({ t }): MeetingBoard => {
        const o = inputObject(input)
        const meetingId = requireString(o, 'meetingId', '缺少签约会议编号')
        const boardKey = requireString(o, 'boardKey', '缺少签约会议大屏凭证')
        const m = state.meetings[meetingId]
        if (!m) throw new ServiceError('MEETING_NOT_FOUND', '签约会议不存在或已结束', { meetingId })
        if (m.boardKey !== boardKey) {
          throw new ServiceError('FORBIDDEN', '大屏凭证无效，请使用发起方提供的会议大屏链接', { meetingId })
        }
        const flows = m.flowIds.flatMap((flowId): MeetingFlowView[] => {
          const f = state.flows[flowId]
          const link = state.links[m.linkTokens[flowId]]
          if (!f || !link) return []
          const s = summary(f, t)
          const payload = encodePayload({ type: 'S', id: flowId, token: link.token, expiresAt: link.expiresAt })
          return [
            {
              flowId,
              title: s.title,
              status: s.status,
              signLink: entryLink(host, payload, scheme),
              signers: s.signers,
              signedCount: s.signers.filter((x) => x.status === 'SIGNED').length
            }
          ]
        })
        const allSigned = flows.length > 0 && flows.every((f) => f.signers.every((x) => x.status === 'SIGNED'))
        return { meetingId, name: m.name, flows, allSigned, at: t }
      })
    }
  }


  const coreDev: CoreDevTools = {
    listDemoLinks(): DemoLink[] {
      return state.demoLinks.flatMap((d) => {
        const spec = DEMO_LINK_SPECS.find((s) => s.key === d.key)
        const link = state.links[d.token]
        if (!spec || !link) return []
        const payload = encodePayload({ type: 'S', id: link.flowId, token: link.token, expiresAt: link.expiresAt })
        return [
          {
            label: spec.label,
            description: spec.description,
            flowId: link.flowId,
            link: entryLink(host, payload, scheme),
            payload,
            hint: spec.hint
          }
        ]
      })
    },
    listDemoIdentities(): DemoIdentity[] {
      return DEMO_PERSON_KEYS.map((k) => {
        const p = DEMO_PEOPLE[k]
        return { label: p.label, name: p.name, idNumber: p.idNumber, mobile: p.mobile, note: p.note }
      })
    },
    listMeetings(): DemoMeeting[] {
      return Object.values(state.meetings).map((m) => ({
        meetingId: m.meetingId,
        name: m.name,
        screenLink: `${scheme}://${host}/#/packages/meeting/pages/screen/index?m=${m.meetingId}&k=${m.boardKey}`,
        flowIds: m.flowIds.slice()
      }))
    },
    listSmsOutbox(): SmsMessage[] {
      return state.outbox
        .slice()
        .reverse()
        .map((m) => ({ ...m }))
    },
    reset(): void {
      storage.remove(SANDBOX_STORAGE_KEY)
      seedFresh()
    }
  }

  // ---- feature modules (signing, enterprise): each gets the kernel and owns a state slice

  const kernel: SandboxKernel = {
    state: () => state,
    rng: () => rng,
    now,
    link: { scheme, host },
    run,
    requireSession,
    requireLink,
    verifySmsCode,
    issueSmsCode,
    deliverSms,
    summary,
    overview,
    module<T>(name: string, init: () => T): T {
      if (!(name in state.modules)) state.modules[name] = init()
      return state.modules[name] as T
    },
    onBeforeOperation(hook) {
      beforeHooks.push(hook)
    }
  }
  return { kernel, ops: coreOps, dev: coreDev, faultLog }
}
