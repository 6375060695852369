/**
 * The sandbox core's rules, options, fault settings and the pure helpers its parts share (input
 * checks, flow status and summaries, personal-number guard, link base).
 */
import { ID_ALPHABET } from '@/domain/entryLink'
import { maskName } from '@/domain/identity'
import { ServiceError } from '@/services/errors'
import type { KeyValueStore } from '@/services/storage'
import type { CoreDevTools, CoreOperations, FaceCapture, FlowStatus, FlowSummary, OperationName, SignerStatus, SignerView, SmsPurpose } from '@/services/types'
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from './demoData'
import { hashId } from './hash'
import { invalid, requireString } from './input'
import type { SandboxKernel } from './kernel'
import type { BlobStore } from './blobs'
import { STATE_VERSION, type FlowRecord, type SignerRecord } from './state'

export const SANDBOX_STORAGE_KEY = 'inkseal.sandbox.v1'
export const SANDBOX_STATE_VERSION = STATE_VERSION
export const DEFAULT_SEED = 20261121
export const DEFAULT_LINK_BASE = 'https://sign.inkseal.cn'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

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
  /** Where big uploads (a host's PDF and page images) are kept; default in memory (core/blobs.ts) */
  blobs?: BlobStore
  /**
   * Auto-play of other signers on the demo flows (signing dev tools): when given, set at start
   * (the HTTP sandbox server: off unless asked for a demo); absent, as persisted (default on).
   * Hosted flows are never auto-played, whatever this says.
   */
  autoPlayOthers?: boolean
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

export function defaultSleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve) => setTimeout(resolve, ms))
}

// ---------------------------------------------------------------- input validation

export function requireFlowId(o: Record<string, unknown>): string {
  const id = requireString(o, 'flowId', '缺少合同编号')
  if (id.length !== 8 || [...id].some((c) => !ID_ALPHABET.includes(c))) throw invalid('flowId', '合同编号格式不正确')
  return id
}

export function requireLinkToken(o: Record<string, unknown>): string {
  const t = requireString(o, 'linkToken', '缺少签署凭证')
  if (!/^[0-9A-Za-z]{8}$/.test(t)) throw invalid('linkToken', '签署凭证格式不正确')
  return t
}

export const PURPOSES: readonly SmsPurpose[] = ['REAL_NAME', 'INTENT', 'LEGAL_REP']
export const FACE_ACTIONS: readonly FaceCapture['action'][] = ['blink', 'nod', 'mouth']

export function requireCapture(o: Record<string, unknown>): FaceCapture {
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
export const FULL_NUMBER = /\d{11,}|\d{17}[\dXx]/

export function stringsOf(v: unknown, out: string[] = []): string[] {
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

export function flowStatus(f: FlowRecord, now: number): FlowStatus {
  if (f.cancelledAt !== null) return 'CANCELLED'
  if (f.signers.some((s) => s.status === 'DECLINED')) return 'DECLINED'
  if (f.signers.length > 0 && f.signers.every((s) => s.status === 'SIGNED')) return 'COMPLETED'
  if (now >= f.deadline) return 'EXPIRED'
  return 'SIGNING'
}

export function closedAt(f: FlowRecord, status: FlowStatus): number | null {
  if (status === 'CANCELLED') return f.cancelledAt
  if (status === 'COMPLETED' || status === 'DECLINED') {
    const times = f.signers.map((s) => s.signedAt ?? 0)
    return times.length ? Math.max(...times) : null
  }
  return null
}

export function signerView(s: SignerRecord, status: FlowStatus): SignerView {
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

export function summary(f: FlowRecord, now: number): FlowSummary {
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
export function intendedFor(f: FlowRecord): string[] {
  return f.signers.filter((s) => s.status === 'PENDING').map((s) => `${maskName(s.name)}（${s.maskedMobile}）`)
}

export const employeeCache = new Map<string, Set<string>>()

/** ID hashes of the people the enterprise registry lists as employees of the enterprise. */
export function employeeHashes(creditCode: string | null): Set<string> {
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

export function splitLinkBase(base: string): { scheme: string; host: string } {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)/.exec(base.trim())
  if (!m) return { scheme: 'https', host: base.trim().replace(/\/+$/, '') }
  return { scheme: m[1].toLowerCase(), host: m[2] }
}

// ---------------------------------------------------------------- the service
