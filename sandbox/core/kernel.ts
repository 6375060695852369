/**
 * What the sandbox core lends its feature modules (signing/, enterprise/): the state, the
 * seeded random stream, the clock, the operation runner (latency, faults, persistence) and the
 * shared checks. A module keeps its own data in `module(name, init)`, a slice of the persisted
 * state created on first use (and again after a reset).
 */
import type { FlowOverview, FlowSummary, OperationName, SmsPurpose, SmsTicket } from '@/services/types'
import type { Rng } from '@/domain/random'
import type { BlobStore } from './blobs'
import type { FlowRecord, LinkRecord, SandboxState, SessionRecord, SignerRecord, SmsRecord } from './state'

export interface RunContext {
  /** The sandbox clock at the start of the operation */
  t: number
  /** Marks the state changed: it is persisted when the operation ends (also when it throws) */
  touch: () => void
}

export interface SandboxKernel {
  state(): SandboxState
  /** The seeded stream for codes, tokens and ids (continues across reloads) */
  rng(): Rng
  now(): number
  /** Scheme and host for links the sandbox makes */
  link: { scheme: string; host: string }
  /** Runs one operation: latency, maybe an injected fault, then the body; persists if touched */
  run<T>(op: OperationName, body: (ctx: RunContext) => T): Promise<T>
  /** The session of `o.session`, or SESSION_INVALID / SESSION_EXPIRED */
  requireSession(o: Record<string, unknown>, t: number): SessionRecord
  /** A link bound to its flow and not expired, or LINK_INVALID / LINK_EXPIRED / FLOW_NOT_FOUND */
  requireLink(flowId: string, token: string, t: number): { link: LinkRecord; flow: FlowRecord }
  /** Checks an SMS code (lock, missing, expired, wrong); the caller consumes it (`rec.code = null`) */
  verifySmsCode(mobileHash: string, purpose: SmsPurpose, code: string, t: number, touch: () => void): SmsRecord
  /** Issues a code under the SMS rules (lock, daily limit, resend window) and sends it; `text` wraps the code */
  issueSmsCode(mobileHash: string, maskedMobile: string, purpose: SmsPurpose, t: number, touch: () => void, text?: (code: string) => string): SmsTicket
  /** Puts a message in the SMS outbox; `to` must be masked. Returns the message id. */
  deliverSms(to: string, text: string, t: number): string
  /** Big uploads by SHA-256 (core/blobs.ts) */
  blobs: BlobStore
  /** SandboxOptions.autoPlayOthers (undefined: as persisted) */
  autoPlayOthers: boolean | undefined
  summary(f: FlowRecord, t: number): FlowSummary
  overview(f: FlowRecord, signer: SignerRecord, t: number): FlowOverview
  /** The module's own persisted state slice */
  module<T>(name: string, init: () => T): T
  /**
   * Registers work to run before the body of every operation, core ones included (after the
   * latency and fault draw): e.g. the signing module lets scheduled signers sign, so that
   * getFlow, listMyFlows and the meeting board see them. Call `touch` if state changed.
   */
  onBeforeOperation(hook: (ctx: RunContext) => void): void
}
